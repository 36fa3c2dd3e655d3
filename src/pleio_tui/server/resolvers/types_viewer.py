"""Field resolvers of `Viewer`."""

from __future__ import annotations

from typing import Any

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from pleio_tui.server import repository as repo
from pleio_tui.server.access import may_take_part
from pleio_tui.server.resolvers.lookup import context_of

viewer_type = ObjectType("Viewer")


@viewer_type.field("canWriteToContainer")
def resolve_can_write_to_container(
    _viewer: dict[str, Any],
    info: GraphQLResolveInfo,
    container_guid: str | None = None,
    subtype: str | None = None,
    type: str | None = None,
) -> bool:
    ctx = context_of(info)
    if subtype not in (None, "blog"):
        return ctx.viewer.is_admin
    if container_guid is None:
        return ctx.viewer.logged_in
    if repo.get_group(ctx.conn, container_guid) is None:
        return False
    return may_take_part(ctx.viewer, container_guid)
