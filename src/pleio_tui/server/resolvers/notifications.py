"""`notifications`, `markAsRead`, `markAllAsRead` and the `Notification` type, with
backend2's shapes: anonymous visitors get an empty list, not an error; `total`
counts what the `unread` filter lets through, `totalUnread` every unread one."""

from __future__ import annotations

import sqlite3
from typing import Any

from ariadne import MutationType, ObjectType, QueryType
from graphql import GraphQLResolveInfo

from pleio_tui.server import notifications as notes
from pleio_tui.server import repository as repo
from pleio_tui.server.errors import COULD_NOT_FIND, fail
from pleio_tui.server.records import BlogRecord, CommentRecord, EntityRecord, UserRecord
from pleio_tui.server.resolvers.lookup import context_of, load_entity, page_bounds, require_user

notifications_query = QueryType()
notification_mutations = MutationType()
notification_type = ObjectType("Notification")
notifications_list_type = ObjectType("NotificationsList")
comment_title_type = ObjectType("Comment")


@notifications_query.field("notifications")
def resolve_notifications(
    _: None,
    _info: GraphQLResolveInfo,
    offset: int | None = None,
    limit: int | None = None,
    unread: bool | None = None,
) -> dict[str, Any]:
    offset, limit = page_bounds(offset, limit)
    return {"offset": offset, "limit": limit, "unread": unread}


@notifications_list_type.field("total")
def resolve_total(query: dict[str, Any], info: GraphQLResolveInfo) -> int:
    ctx = context_of(info)
    if ctx.viewer.user_id is None:
        return 0
    return notes.count(ctx.conn, ctx.viewer.user_id, query["unread"])


@notifications_list_type.field("totalUnread")
def resolve_total_unread(_query: dict[str, Any], info: GraphQLResolveInfo) -> int:
    ctx = context_of(info)
    if ctx.viewer.user_id is None:
        return 0
    return notes.count(ctx.conn, ctx.viewer.user_id, True)


@notifications_list_type.field("edges")
def resolve_edges(query: dict[str, Any], info: GraphQLResolveInfo) -> list[sqlite3.Row]:
    ctx = context_of(info)
    if ctx.viewer.user_id is None:
        return []
    return notes.page(
        ctx.conn, ctx.viewer.user_id, query["unread"], query["offset"], query["limit"]
    )


@notification_type.field("id")
def resolve_id(row: sqlite3.Row, _info: GraphQLResolveInfo) -> int:
    return int(row["id"])


@notification_type.field("action")
def resolve_action(row: sqlite3.Row, _info: GraphQLResolveInfo) -> str:
    return str(row["verb"])


@notification_type.field("performer")
def resolve_performer(row: sqlite3.Row, info: GraphQLResolveInfo) -> UserRecord | None:
    return repo.get_user(context_of(info).conn, row["actor_id"])


@notification_type.field("entity")
def resolve_entity(row: sqlite3.Row, info: GraphQLResolveInfo) -> EntityRecord | None:
    if row["entity_id"] is None or row["verb"] == "custom":
        return None
    return load_entity(context_of(info), row["entity_id"])


@notification_type.field("container")
def resolve_container(row: sqlite3.Row, info: GraphQLResolveInfo) -> EntityRecord | None:
    """The group of the entity, when it has one (a comment: its blog's)."""
    ctx = context_of(info)
    entity = resolve_entity(row, info)
    if isinstance(entity, CommentRecord):
        entity = repo.get_blog(ctx.conn, entity.blog_id)
    if isinstance(entity, BlogRecord):
        return repo.get_group(ctx.conn, entity.group_id)
    return None


@notification_type.field("customMessage")
def resolve_custom_message(_row: sqlite3.Row, _info: GraphQLResolveInfo) -> None:
    return None


@notification_type.field("timeCreated")
def resolve_time_created(row: sqlite3.Row, _info: GraphQLResolveInfo) -> str:
    return str(row["created_at"])


@notification_type.field("isUnread")
def resolve_is_unread(row: sqlite3.Row, _info: GraphQLResolveInfo) -> bool:
    return bool(row["unread"])


@notification_mutations.field("markAsRead")
def resolve_mark_as_read(
    _: None, info: GraphQLResolveInfo, input: dict[str, Any]
) -> dict[str, Any]:
    ctx = context_of(info)
    user = require_user(ctx)
    notification_id = input.get("id")
    row = None if notification_id is None else notes.get(ctx.conn, user.guid, notification_id)
    if row is None:
        fail(COULD_NOT_FIND)
    with ctx.conn:
        notes.mark_read(ctx.conn, row["id"])
    return {"success": True, "notification": notes.get(ctx.conn, user.guid, row["id"])}


@notification_mutations.field("markAllAsRead")
def resolve_mark_all_as_read(
    _: None, info: GraphQLResolveInfo, input: dict[str, Any]
) -> dict[str, Any]:
    ctx = context_of(info)
    user = require_user(ctx)
    with ctx.conn:
        notes.mark_all_read(ctx.conn, user.guid)
    return {"success": True}


@comment_title_type.field("title")
def resolve_comment_title(comment: CommentRecord, info: GraphQLResolveInfo) -> str:
    blog = repo.get_blog(context_of(info).conn, comment.blog_id)
    return "" if blog is None else blog.title


notification_bindables = (
    comment_title_type,
    notifications_query,
    notification_mutations,
    notification_type,
    notifications_list_type,
)
