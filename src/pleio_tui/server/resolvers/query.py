"""The `Query` root: viewer, site, groups, entity, entities, bookmarks, activities."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ariadne import ObjectType, QueryType
from graphql import GraphQLResolveInfo

from pleio_tui.server import db, marks
from pleio_tui.server import repository as repo
from pleio_tui.server.access import (
    SITE_DEFAULT_ACCESS_ID,
    access_options,
    archived_blogs_sql,
    own_drafts_sql,
    readable_blogs_sql,
)
from pleio_tui.server.blog_listing import list_blogs_lazily
from pleio_tui.server.context import RequestContext
from pleio_tui.server.errors import INVALID_SUBTYPE, fail
from pleio_tui.server.records import BlogRecord, EntityRecord
from pleio_tui.server.records_content import CONTENT_SUBTYPES
from pleio_tui.server.resolvers.lookup import (
    DEFAULT_LIMIT,
    context_of,
    entity_by_guid,
    entity_list,
    page_slice,
    require_user,
    visible_entity,
)
from pleio_tui.server.timestamps import now_iso

query = QueryType()
entity_list_type = ObjectType("EntityList")

# Group guid "1" is how Pleio asks for content outside any group.
OUTSIDE_GROUPS = "1"
# Pleio's site is the one with guid "1", whatever its domain.
SITE_GUID = "1"
LISTED_SUBTYPES = frozenset(CONTENT_SUBTYPES)
STREAM_SUBTYPES = sorted(LISTED_SUBTYPES - {"file", "folder"})
"""What Pleio's activity stream holds when no subtype is asked: files and folders
are listed in a group's files, not in its stream."""
# Pleio orders by a start date for events alone and says so for anything else.
ORDER_BY_START_DATE_IS_ONLY_FOR_EVENTS = "order_by_start_date_is_only_for_events"
ANONYMOUS_HAS_NO_MEMBERSHIPS = "'AnonymousUser' object has no attribute 'memberships'"


@query.field("viewer")
def resolve_viewer(_: None, info: GraphQLResolveInfo) -> dict[str, Any]:
    viewer = context_of(info).viewer
    return {
        "guid": f"viewer:{viewer.user_id or 0}",
        "logged_in": viewer.logged_in,
        "is_admin": viewer.is_admin,
        "user": viewer.user,
    }


@query.field("site")
def resolve_site(_: None, info: GraphQLResolveInfo) -> dict[str, Any]:
    ctx = context_of(info)
    return {
        "guid": SITE_GUID,
        "name": db.get_setting(ctx.conn, "site_name"),
        "language": "nl",
        "default_access_id": SITE_DEFAULT_ACCESS_ID,
        "access_ids": access_options(None, site_is_closed=ctx.site_is_closed),
    }


@query.field("groups")
def resolve_groups(
    _: None,
    info: GraphQLResolveInfo,
    q: str | None = None,
    filter: str | None = None,
    tags: Sequence[str] | None = None,
    offset: int | None = 0,
    limit: int | None = DEFAULT_LIMIT,
) -> dict[str, Any]:
    ctx = context_of(info)
    if filter == "mine" and not ctx.viewer.logged_in:
        # Pleio asks the anonymous user for its memberships, which it has not.
        fail(ANONYMOUS_HAS_NO_MEMBERSHIPS)
    offset, limit = page_slice(offset, limit)
    total, groups = repo.list_groups(
        ctx.conn,
        name_contains=q,
        only_member=ctx.viewer.user_id if filter == "mine" else None,
        tags=[t for t in tags or () if t],
        offset=offset,
        limit=limit,
    )
    return entity_list(total, groups)


@query.field("entity")
def resolve_entity(
    _: None,
    info: GraphQLResolveInfo,
    guid: str | None = None,
    username: str | None = None,
    increment_view_count: bool | None = None,
) -> EntityRecord | None:
    ctx = context_of(info)
    entity = entity_by_guid(ctx, guid, username)
    if increment_view_count and isinstance(entity, BlogRecord):
        with ctx.conn:
            repo.add_view(ctx.conn, entity.guid)
        return repo.get_blog(ctx.conn, entity.guid)  # with this view counted
    return entity


def _blog_listing(
    ctx: RequestContext,
    *,
    subtypes: Sequence[str],
    container_guid: str | None,
    user_guid: str | None,
    tags: Sequence[str] | None,
    status_published: Sequence[str] | None,
    order_by: str | None,
    order_direction: str | None,
    sort_pinned: bool | None,
    offset: int | None,
    limit: int | None,
) -> tuple[Callable[[], int], list[BlogRecord]]:
    unknown = [s for s in subtypes if s not in LISTED_SUBTYPES]
    if unknown:
        fail(INVALID_SUBTYPE)
    if order_by == "startDate" and list(subtypes) != ["event"]:
        fail(ORDER_BY_START_DATE_IS_ONLY_FOR_EVENTS)
    offset, limit = page_slice(offset, limit)
    now = now_iso()
    statuses = set(status_published or ["published"])
    fragments: list[str] = []
    params: list[object] = []
    if "published" in statuses:
        sql, values = readable_blogs_sql(ctx.viewer, now)
        fragments.append(f"({sql})")
        params.extend(values)
    if "draft" in statuses and ctx.viewer.logged_in:
        sql, values = own_drafts_sql(ctx.viewer, now)
        fragments.append(f"({sql})")
        params.extend(values)
    if "archived" in statuses:
        sql, values = archived_blogs_sql(ctx.viewer)
        fragments.append(f"({sql})")
        params.extend(values)
    if not fragments:
        return (lambda: 0), []
    listing = repo.BlogQuery(
        visibility_sql=" OR ".join(fragments),
        visibility_params=params,
        group_id=container_guid if container_guid != OUTSIDE_GROUPS else None,
        outside_groups=container_guid == OUTSIDE_GROUPS,
        owner_id=user_guid,
        tags=[t for t in tags or () if t],
        order_by=order_by or "timePublished",
        descending=(order_direction or "desc") == "desc",
        pinned_first=bool(sort_pinned),
        now=now,
        subtypes=tuple(subtypes) or CONTENT_SUBTYPES,
    )
    return list_blogs_lazily(ctx.conn, listing, offset, limit)


@query.field("entities")
def resolve_entities(
    _: None,
    info: GraphQLResolveInfo,
    subtype: str | None = None,
    subtypes: Sequence[str] | None = None,
    container_guid: str | None = None,
    user_guid: str | None = None,
    tags: Sequence[str] | None = None,
    status_published: Sequence[str] | None = None,
    order_by: str | None = None,
    order_direction: str | None = None,
    sort_pinned: bool | None = None,
    offset: int | None = 0,
    limit: int | None = DEFAULT_LIMIT,
) -> dict[str, Any]:
    wanted = list(subtypes or ([subtype] if subtype else []))
    total, blogs = _blog_listing(
        context_of(info),
        subtypes=wanted,
        container_guid=container_guid,
        user_guid=user_guid,
        tags=tags,
        status_published=status_published,
        order_by=order_by,
        order_direction=order_direction,
        sort_pinned=sort_pinned,
        offset=offset,
        limit=limit,
    )
    # Counted only when the answer asks for `total` (see `resolve_entity_list_total`).
    return entity_list(total, blogs)  # type: ignore[arg-type]


@entity_list_type.field("total")
def resolve_entity_list_total(listing: dict[str, Any], _info: GraphQLResolveInfo) -> int:
    total = listing["total"]
    return int(total() if callable(total) else total)


@query.field("activities")
def resolve_activities(
    _: None,
    info: GraphQLResolveInfo,
    container_guid: str | None = None,
    subtypes: Sequence[str] | None = None,
    user_guid: str | None = None,
    tags: Sequence[str] | None = None,
    status_published: Sequence[str] | None = None,
    order_by: str | None = None,
    order_direction: str | None = None,
    sort_pinned: bool | None = None,
    offset: int | None = 0,
    limit: int | None = DEFAULT_LIMIT,
) -> dict[str, Any]:
    total, blogs = _blog_listing(
        context_of(info),
        subtypes=list(subtypes or STREAM_SUBTYPES),
        container_guid=container_guid,
        user_guid=user_guid,
        tags=tags,
        status_published=status_published,
        order_by=order_by,
        order_direction=order_direction,
        sort_pinned=sort_pinned,
        offset=offset,
        limit=limit,
    )
    edges = [{"guid": f"activity:{b.guid}", "type": "create", "entity": b} for b in blogs]
    return entity_list(total(), edges)


@query.field("bookmarks")
def resolve_bookmarks(
    _: None,
    info: GraphQLResolveInfo,
    subtype: str | None = None,
    offset: int | None = 0,
    limit: int | None = DEFAULT_LIMIT,
) -> dict[str, Any]:
    """Every bookmark counts, as on Pleio, which keeps a bookmark after its item is
    deleted and answers `null` for it: an item gone, or one the viewer may no
    longer read (Pleio would even show that one), is a null edge here."""
    ctx = context_of(info)
    user = require_user(ctx)
    if subtype not in (None, "", "all", "blog"):
        fail(INVALID_SUBTYPE)
    offset, limit = page_slice(offset, limit)
    guids = marks.bookmarked_ids(ctx.conn, user.guid)
    edges = [_bookmarked(ctx, guid) for guid in guids[offset : offset + limit]]
    return entity_list(len(guids), edges)


def _bookmarked(ctx: RequestContext, guid: str) -> BlogRecord | None:
    entity = visible_entity(ctx, guid)
    return entity if isinstance(entity, BlogRecord) else None
