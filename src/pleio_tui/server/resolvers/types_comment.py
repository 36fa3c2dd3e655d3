"""Field resolvers of `Comment`. Threads have two levels: replies take no replies."""

from __future__ import annotations

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from pleio_tui.server import marks
from pleio_tui.server import repository as repo
from pleio_tui.server.access import can_write_comment, may_take_part
from pleio_tui.server.records import CommentRecord, UserRecord
from pleio_tui.server.resolvers.lookup import blog_of, context_of

comment_type = ObjectType("Comment")


@comment_type.field("owner")
def resolve_owner(comment: CommentRecord, info: GraphQLResolveInfo) -> UserRecord | None:
    if comment.owner_id is None:
        return None
    return repo.get_user(context_of(info).conn, comment.owner_id)


@comment_type.field("ownerName")
def resolve_owner_name(comment: CommentRecord, info: GraphQLResolveInfo) -> str | None:
    owner = resolve_owner(comment, info)
    return None if owner is None else owner.name


@comment_type.field("url")
def resolve_url(comment: CommentRecord, info: GraphQLResolveInfo) -> str:
    return blog_of(context_of(info), comment).url


@comment_type.field("canEdit")
def resolve_can_edit(comment: CommentRecord, info: GraphQLResolveInfo) -> bool:
    return can_write_comment(context_of(info).viewer, comment)


@comment_type.field("canComment")
def resolve_can_comment(comment: CommentRecord, info: GraphQLResolveInfo) -> bool:
    if comment.is_reply:
        return False
    ctx = context_of(info)
    return may_take_part(ctx.viewer, blog_of(ctx, comment).group_id)


@comment_type.field("canVote")
def resolve_can_vote(_comment: CommentRecord, info: GraphQLResolveInfo) -> bool:
    return context_of(info).viewer.logged_in


@comment_type.field("votes")
def resolve_votes(comment: CommentRecord, info: GraphQLResolveInfo) -> int:
    return marks.vote_total(context_of(info).conn, comment.guid)


@comment_type.field("hasVoted")
def resolve_has_voted(comment: CommentRecord, info: GraphQLResolveInfo) -> bool:
    ctx = context_of(info)
    user_id = ctx.viewer.user_id
    return user_id is not None and marks.get_vote(ctx.conn, comment.guid, user_id) is not None


@comment_type.field("comments")
def resolve_replies(comment: CommentRecord, info: GraphQLResolveInfo) -> list[CommentRecord]:
    if comment.is_reply:
        return []
    return repo.list_comments(context_of(info).conn, comment.blog_id, parent_id=comment.guid)


@comment_type.field("commentCount")
def resolve_reply_count(comment: CommentRecord, info: GraphQLResolveInfo) -> int:
    if comment.is_reply:
        return 0
    return repo.count_comments(context_of(info).conn, parent_id=comment.guid)
