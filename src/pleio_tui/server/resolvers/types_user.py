"""Field resolvers of `User`."""

from __future__ import annotations

from ariadne import ObjectType
from graphql import GraphQLResolveInfo

from pleio_tui.server.records import UserRecord
from pleio_tui.server.resolvers.lookup import context_of

user_type = ObjectType("User")


@user_type.field("canEdit")
def resolve_can_edit(user: UserRecord, info: GraphQLResolveInfo) -> bool:
    viewer = context_of(info).viewer
    return viewer.is_admin or viewer.user_id == user.guid


@user_type.field("username")
def resolve_username(user: UserRecord, _info: GraphQLResolveInfo) -> str:
    """On Pleio the username field holds the user's guid, not a login name."""
    return user.guid
