"""joinGroup and leaveGroup."""

from __future__ import annotations

from typing import Any

from ariadne import MutationType
from graphql import GraphQLResolveInfo

from pleio_tui.server import notifications
from pleio_tui.server import repository as repo
from pleio_tui.server.access import can_write_group
from pleio_tui.server.errors import (
    ALREADY_MEMBER_OF_GROUP,
    COULD_NOT_FIND,
    USER_NOT_MEMBER_OF_GROUP,
    fail,
)
from pleio_tui.server.resolvers.lookup import context_of, require_user
from pleio_tui.server.timestamps import now_iso

membership_mutations = MutationType()


@membership_mutations.field("joinGroup")
def resolve_join_group(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    ctx = context_of(info)
    user = require_user(ctx)
    group = repo.get_group(ctx.conn, input.get("guid"))
    if group is None:
        fail(COULD_NOT_FIND)
    if ctx.viewer.is_full_member(group.guid):
        fail(ALREADY_MEMBER_OF_GROUP)
    open_to_all = not group.is_closed and not group.is_membership_on_request
    role = "member" if open_to_all or can_write_group(ctx.viewer, group.guid) else "pending"
    with ctx.conn:
        repo.set_membership(ctx.conn, group.guid, user.guid, role, now_iso())
        notifications.member_joined(ctx.conn, group.guid, user.guid)
    # The payload's group fields read the viewer's roles: let them see the change.
    ctx.viewer.roles[group.guid] = role
    return {"group": group}


@membership_mutations.field("leaveGroup")
def resolve_leave_group(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    ctx = context_of(info)
    user = require_user(ctx)
    group = repo.get_group(ctx.conn, input.get("guid"))
    if group is None:
        fail(COULD_NOT_FIND)
    if ctx.viewer.role_in(group.guid) is None:
        fail(USER_NOT_MEMBER_OF_GROUP)
    with ctx.conn:
        repo.remove_membership(ctx.conn, group.guid, user.guid)
    ctx.viewer.roles.pop(group.guid, None)
    return {"group": group}
