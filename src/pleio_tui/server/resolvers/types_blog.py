"""Field resolvers of `Blog`."""

from __future__ import annotations

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from pleio_tui.server import marks
from pleio_tui.server import repository as repo
from pleio_tui.server.access import can_write_blog, may_take_part
from pleio_tui.server.records import BlogRecord, CommentRecord, GroupRecord, UserRecord
from pleio_tui.server.resolvers.lookup import context_of

blog_type = ObjectType("Blog")


@blog_type.field("owner")
def resolve_owner(blog: BlogRecord, info: GraphQLResolveInfo) -> UserRecord | None:
    return repo.get_user(context_of(info).conn, blog.owner_id)


@blog_type.field("group")
def resolve_group(blog: BlogRecord, info: GraphQLResolveInfo) -> GroupRecord | None:
    return repo.get_group(context_of(info).conn, blog.group_id)


@blog_type.field("canEdit")
def resolve_can_edit(blog: BlogRecord, info: GraphQLResolveInfo) -> bool:
    return can_write_blog(context_of(info).viewer, blog)


@blog_type.field("canComment")
def resolve_can_comment(blog: BlogRecord, info: GraphQLResolveInfo) -> bool:
    return may_take_part(context_of(info).viewer, blog.group_id)


@blog_type.field("canVote")
@blog_type.field("canBookmark")
def resolve_logged_in(_blog: BlogRecord, info: GraphQLResolveInfo) -> bool:
    return context_of(info).viewer.logged_in


@blog_type.field("votes")
def resolve_votes(blog: BlogRecord, info: GraphQLResolveInfo) -> int:
    return marks.vote_total(context_of(info).conn, blog.guid)


@blog_type.field("hasVoted")
def resolve_has_voted(blog: BlogRecord, info: GraphQLResolveInfo) -> bool:
    ctx = context_of(info)
    user_id = ctx.viewer.user_id
    return user_id is not None and marks.get_vote(ctx.conn, blog.guid, user_id) is not None


@blog_type.field("isBookmarked")
def resolve_is_bookmarked(blog: BlogRecord, info: GraphQLResolveInfo) -> bool:
    ctx = context_of(info)
    user_id = ctx.viewer.user_id
    return user_id is not None and marks.has_mark(ctx.conn, "bookmarks", blog.guid, user_id)


@blog_type.field("isFollowing")
def resolve_is_following(blog: BlogRecord, info: GraphQLResolveInfo) -> bool:
    ctx = context_of(info)
    user_id = ctx.viewer.user_id
    return user_id is not None and marks.has_mark(ctx.conn, "follows", blog.guid, user_id)


@blog_type.field("comments")
def resolve_comments(blog: BlogRecord, info: GraphQLResolveInfo) -> list[CommentRecord]:
    return repo.list_comments(context_of(info).conn, blog.guid, parent_id=None)


@blog_type.field("commentCount")
def resolve_comment_count(blog: BlogRecord, info: GraphQLResolveInfo) -> int:
    return repo.count_comments(context_of(info).conn, blog_id=blog.guid)
