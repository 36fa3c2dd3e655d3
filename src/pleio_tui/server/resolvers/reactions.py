"""vote, bookmark and follow."""

from __future__ import annotations

from typing import Any

from ariadne import MutationType
from graphql import GraphQLResolveInfo

from pleio_tui.server import marks
from pleio_tui.server.errors import ALREADY_VOTED, COULD_NOT_FIND, INVALID_VALUE, fail
from pleio_tui.server.records import BlogRecord, CommentRecord
from pleio_tui.server.resolvers.lookup import (
    context_of,
    listed_content,
    require_user,
    visible_entity,
)
from pleio_tui.server.timestamps import now_iso

reaction_mutations = MutationType()


@reaction_mutations.field("vote")
def resolve_vote(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    ctx = context_of(info)
    user = require_user(ctx)
    score = input["score"]
    if score not in (1, -1):
        fail(INVALID_VALUE)
    # Pleio looks among published content first, then among comments.
    entity: BlogRecord | CommentRecord | None = listed_content(ctx, input["guid"])
    if entity is None:
        comment = visible_entity(ctx, input["guid"])
        if not isinstance(comment, CommentRecord):
            fail(COULD_NOT_FIND)
        entity = comment
    previous = marks.get_vote(ctx.conn, entity.guid, user.guid)
    if previous == score:
        fail(ALREADY_VOTED)
    with ctx.conn:
        # The opposite score takes the earlier vote back rather than flipping it.
        marks.set_vote(ctx.conn, entity.guid, user.guid, None if previous is not None else score)
    return {"object": entity}


def _markable(info: GraphQLResolveInfo, guid: str) -> tuple[str, BlogRecord]:
    """Only published content is bookmarked or followed on Pleio: a group, a user,
    a comment, a draft or an archived item is not found."""
    ctx = context_of(info)
    user = require_user(ctx)
    entity = listed_content(ctx, guid)
    if entity is None:
        fail(COULD_NOT_FIND)
    return user.guid, entity


@reaction_mutations.field("bookmark")
def resolve_bookmark(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    user_id, entity = _markable(info, input["guid"])
    conn = context_of(info).conn
    with conn:
        marks.set_bookmark(conn, entity.guid, user_id, bool(input["is_adding"]), now_iso())
    return {"object": entity, "is_first_bookmark": False}


@reaction_mutations.field("follow")
def resolve_follow(_: None, info: GraphQLResolveInfo, input: dict[str, Any]) -> dict[str, Any]:
    user_id, entity = _markable(info, input["guid"])
    conn = context_of(info).conn
    with conn:
        marks.set_follow(conn, entity.guid, user_id, bool(input["is_following"]))
    return {"object": entity}
