"""Finding entities the viewer may see, shared by queries and mutations."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLResolveInfo

from pleio_tui.server import repository as repo
from pleio_tui.server.access import can_read_blog, hidden_by_closed_group
from pleio_tui.server.context import RequestContext
from pleio_tui.server.errors import NOT_LOGGED_IN, USER_NOT_MEMBER_OF_GROUP, fail
from pleio_tui.server.records import BlogRecord, CommentRecord, EntityRecord, UserRecord

DEFAULT_LIMIT = 20


def context_of(info: GraphQLResolveInfo) -> RequestContext:
    context: RequestContext = info.context
    return context


def require_user(ctx: RequestContext) -> UserRecord:
    if ctx.viewer.user is None:
        fail(NOT_LOGGED_IN)
    return ctx.viewer.user


def page_bounds(offset: int | None, limit: int | None) -> tuple[int, int]:
    offset = max(0, offset or 0)
    limit = DEFAULT_LIMIT if limit is None else max(0, limit)
    return offset, limit


def load_entity(ctx: RequestContext, guid: str) -> EntityRecord | None:
    """Whatever carries this guid, seen or not."""
    return (
        repo.get_blog(ctx.conn, guid)
        or repo.get_comment(ctx.conn, guid)
        or repo.get_group(ctx.conn, guid)
        or repo.get_user(ctx.conn, guid)
    )


def readable_blog(
    ctx: RequestContext, blog: BlogRecord, *, closed_group_error: bool = False
) -> BlogRecord | None:
    """The blog if the viewer may read it; in a closed group the viewer is not a
    member of, None or (as `entity` does) `user_not_member_of_group`."""
    group = repo.get_group(ctx.conn, blog.group_id)
    if closed_group_error and hidden_by_closed_group(ctx.viewer, group):
        fail(USER_NOT_MEMBER_OF_GROUP)
    return blog if can_read_blog(ctx.viewer, blog, group) else None


def visible_entity(
    ctx: RequestContext, guid: str | None, *, closed_group_error: bool = False
) -> EntityRecord | None:
    if not guid:
        return None
    entity = load_entity(ctx, guid)
    if isinstance(entity, BlogRecord):
        return readable_blog(ctx, entity, closed_group_error=closed_group_error)
    if isinstance(entity, CommentRecord):
        blog = repo.get_blog(ctx.conn, entity.blog_id)
        if blog is None or readable_blog(ctx, blog, closed_group_error=closed_group_error) is None:
            return None
    return entity


def blog_of(ctx: RequestContext, comment: CommentRecord) -> BlogRecord:
    blog = repo.get_blog(ctx.conn, comment.blog_id)
    if blog is None:  # comments go with their blog: this is a broken database
        raise LookupError(f"comment {comment.guid} has no blog")
    return blog


def entity_list(total: int, edges: list[Any]) -> dict[str, Any]:
    return {"total": total, "edges": edges}
