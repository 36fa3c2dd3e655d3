"""Finding entities the viewer may see, shared by queries and mutations."""

from __future__ import annotations

import uuid
from typing import Any

from graphql import GraphQLResolveInfo

from pleio_tui.server import repository as repo
from pleio_tui.server.access import can_read_blog, hidden_by_closed_group, read_access_allows
from pleio_tui.server.context import RequestContext
from pleio_tui.server.errors import NOT_LOGGED_IN, USER_NOT_MEMBER_OF_GROUP, fail
from pleio_tui.server.records import BlogRecord, CommentRecord, EntityRecord, UserRecord

DEFAULT_LIMIT = 20
NEGATIVE_INDEXING = "Negative indexing is not supported."
NEGATIVE_LIMIT = "LIMIT must not be negative"


def context_of(info: GraphQLResolveInfo) -> RequestContext:
    context: RequestContext = info.context
    return context


def require_user(ctx: RequestContext) -> UserRecord:
    if ctx.viewer.user is None:
        fail(NOT_LOGGED_IN)
    return ctx.viewer.user


def page_bounds(offset: int | None, limit: int | None) -> tuple[int, int]:
    """Forgiving bounds, for the lists Pleio pages in its own ways (members, notifications)."""
    offset = max(0, offset or 0)
    limit = DEFAULT_LIMIT if limit is None else max(0, limit)
    return offset, limit


def page_slice(offset: int | None, limit: int | None) -> tuple[int, int]:
    """Bounds of a list Pleio cuts as `queryset[offset:offset + limit]` (entities,
    activities, groups, bookmarks), failing as that does: an explicit null is a
    Python TypeError, a negative start or end Django's refusal, any other negative
    limit the database's. Omitted arguments take the resolvers' defaults, 0 and 20,
    before they get here."""
    if offset is None or limit is None:
        left, right = type(offset).__name__, type(limit).__name__
        fail(f"unsupported operand type(s) for +: '{left}' and '{right}'")
    if offset < 0 or offset + limit < 0:
        fail(NEGATIVE_INDEXING)
    if limit < 0:  # Django lets [3:1] through; PostgreSQL refuses its LIMIT -2
        fail(NEGATIVE_LIMIT)
    return offset, limit


def check_uuid(guid: str) -> None:
    """Pleio keys groups and content by UUID, and looks a `containerGuid` up without
    catching Django's ValidationError for one that is no UUID (not even ""): it
    reaches the client as a GraphQL error whose message is that error's text. So
    only a missing or null containerGuid means "no group" there; we answer so too."""
    try:
        uuid.UUID(hex=guid)
    except ValueError:
        fail(f"['\u201c{guid}\u201d is not a valid UUID.']")


def load_entity(ctx: RequestContext, guid: str) -> EntityRecord | None:
    """Whatever carries this guid, seen or not."""
    return (
        repo.get_blog(ctx.conn, guid)
        or repo.get_comment(ctx.conn, guid)
        or repo.get_group(ctx.conn, guid)
        or repo.get_user(ctx.conn, guid)
    )


def readable_blog(ctx: RequestContext, blog: BlogRecord) -> BlogRecord | None:
    group = repo.get_group(ctx.conn, blog.group_id)
    return blog if can_read_blog(ctx.viewer, blog, group) else None


def listed_content(ctx: RequestContext, guid: str | None) -> BlogRecord | None:
    """Content as Pleio's `Entity.objects.visible` finds it for vote, bookmark,
    follow, attendEvent and toggleBestAnswer: published, not archived, readable.
    Never a draft (not even the owner's or for an admin), an archived item, a
    group, a user or a comment."""
    blog = repo.get_blog(ctx.conn, guid) if guid else None
    if blog is None or not blog.is_published or blog.is_archived:
        return None
    return readable_blog(ctx, blog)


def visible_entity(ctx: RequestContext, guid: str | None) -> EntityRecord | None:
    """A blog, comment, group or user the viewer may see, for the mutations (which
    also act on comments)."""
    if not guid:
        return None
    entity = load_entity(ctx, guid)
    if isinstance(entity, BlogRecord):
        return readable_blog(ctx, entity)
    if isinstance(entity, CommentRecord):
        blog = repo.get_blog(ctx.conn, entity.blog_id)
        if blog is None or readable_blog(ctx, blog) is None:
            return None
    return entity


def entity_by_guid(
    ctx: RequestContext, guid: str | None, username: str | None
) -> EntityRecord | None:
    """What `entity` answers, in Pleio's order: a published blog the read access lets
    through (in a closed group the viewer is not in: `user_not_member_of_group`),
    a group, a user (by guid; a username is a guid on Pleio), the viewer's own draft,
    an archived blog. Comments are not entities there: never one of them."""
    viewer = ctx.viewer
    blog = repo.get_blog(ctx.conn, guid) if guid else None
    listed = blog is not None and blog.is_published and not blog.is_archived
    if blog is not None and listed and read_access_allows(viewer, blog):
        if hidden_by_closed_group(viewer, repo.get_group(ctx.conn, blog.group_id)):
            fail(USER_NOT_MEMBER_OF_GROUP)
        return blog
    group = repo.get_group(ctx.conn, guid)
    if group is not None:
        return group
    user = repo.get_user(ctx.conn, username or guid or "")
    if user is not None:
        return user
    if blog is None:
        return None
    own_draft = viewer.is_admin or blog.owner_id == viewer.user_id
    if not blog.is_published and viewer.logged_in and own_draft:
        return blog
    if blog.is_archived and read_access_allows(viewer, blog):
        return blog
    return None


def blog_of(ctx: RequestContext, comment: CommentRecord) -> BlogRecord:
    blog = repo.get_blog(ctx.conn, comment.blog_id)
    if blog is None:  # comments go with their blog: this is a broken database
        raise LookupError(f"comment {comment.guid} has no blog")
    return blog


def entity_list(total: int, edges: list[Any]) -> dict[str, Any]:
    return {"total": total, "edges": edges}
