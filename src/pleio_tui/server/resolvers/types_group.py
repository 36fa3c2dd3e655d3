"""Field resolvers of `Group`."""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from pleio_tui.models import Membership
from pleio_tui.server import repository as repo
from pleio_tui.server.access import access_options, can_write_group, group_default_access_id
from pleio_tui.server.records import GroupRecord
from pleio_tui.server.resolvers.lookup import context_of, page_bounds

group_type = ObjectType("Group")
MEMBERS_DEFAULT_LIMIT = 5


@group_type.field("canEdit")
def resolve_can_edit(group: GroupRecord, info: GraphQLResolveInfo) -> bool:
    return can_write_group(context_of(info).viewer, group.guid)


@group_type.field("membership")
def resolve_membership(group: GroupRecord, info: GraphQLResolveInfo) -> str:
    viewer = context_of(info).viewer
    if viewer.is_full_member(group.guid):
        return Membership.JOINED.value
    if viewer.role_in(group.guid) == "pending":
        return Membership.REQUESTED.value
    return Membership.NOT_JOINED.value


@group_type.field("memberRole")
def resolve_member_role(group: GroupRecord, info: GraphQLResolveInfo) -> str | None:
    return context_of(info).viewer.role_in(group.guid)


@group_type.field("memberCount")
def resolve_member_count(group: GroupRecord, info: GraphQLResolveInfo) -> int:
    return repo.member_count(context_of(info).conn, group.guid)


@group_type.field("defaultAccessId")
def resolve_default_access_id(group: GroupRecord, _info: GraphQLResolveInfo) -> int:
    return group_default_access_id(group)


@group_type.field("accessIds")
def resolve_access_ids(group: GroupRecord, info: GraphQLResolveInfo) -> list[dict[str, object]]:
    return access_options(group, site_is_closed=context_of(info).site_is_closed)


@group_type.field("members")
def resolve_members(
    group: GroupRecord,
    info: GraphQLResolveInfo,
    q: str | None = None,
    offset: int | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    ctx = context_of(info)
    viewer = ctx.viewer
    # Pleio lists no members to anonymous visitors (an empty list, no error); this
    # site also keeps a closed group's members to its members and site admins.
    hidden = not viewer.logged_in or (
        group.is_closed and not viewer.is_admin and not viewer.is_full_member(group.guid)
    )
    if hidden:
        return {"total": 0, "edges": []}
    offset, limit = page_bounds(offset, MEMBERS_DEFAULT_LIMIT if limit is None else limit)
    total, members = repo.list_members(
        ctx.conn, group.guid, name_contains=q, offset=offset, limit=limit
    )
    return {"total": total, "edges": members}
