"""addEntity and editEntity for the kinds of content beside blogs, and the
mutations only some kinds have: attendEvent, toggleBestAnswer, toggleIsClosed."""

from __future__ import annotations

from typing import Any

from ariadne import MutationType
from graphql import GraphQLResolveInfo

from pleio_tui.server import notifications
from pleio_tui.server import repository as repo
from pleio_tui.server import repository_content as content_repo
from pleio_tui.server.access import effective_access_id, may_take_part
from pleio_tui.server.context import RequestContext
from pleio_tui.server.errors import (
    COULD_NOT_ADD,
    COULD_NOT_FIND,
    COULD_NOT_FIND_GROUP,
    COULD_NOT_SAVE,
    USER_NOT_MEMBER_OF_GROUP,
    fail,
)
from pleio_tui.server.records import BlogRecord, GroupRecord
from pleio_tui.server.records_content import EventRecord, QuestionRecord, WikiRecord
from pleio_tui.server.resolvers.lookup import (
    check_uuid,
    context_of,
    listed_content,
    require_user,
    visible_entity,
)
from pleio_tui.server.site_setup import best_answers_enabled
from pleio_tui.server.text import checked_abstract, checked_title, plain_text
from pleio_tui.server.timestamps import now_iso

# What addEntity makes here; files come by upload (addFile), which this site lacks.
ADDABLE_SUBTYPES = frozenset({"discussion", "question", "news", "event", "wiki", "statusupdate"})
EVENT_INVALID_STATE = "event_invalid_state"
EVENT_FIELDS = {
    "start_date": "start_date",
    "end_date": "end_date",
    "location": "location",
    "location_address": "location_address",
    "location_link": "location_link",
    "enable_maybe_attend_event": "enable_maybe",
}

kind_mutations = MutationType()


def _container(ctx: RequestContext, input: dict[str, Any]) -> tuple[GroupRecord | None, str | None]:
    """The group to post in and, for a wiki page under another, that page."""
    guid = input.get("container_guid")
    if guid is None:
        return None, None
    check_uuid(guid)
    if input["subtype"] == "wiki":
        parent = visible_entity(ctx, guid)
        if isinstance(parent, WikiRecord):
            return repo.get_group(ctx.conn, parent.group_id), parent.guid
    group = repo.get_group(ctx.conn, guid)
    if group is None:
        fail(COULD_NOT_FIND_GROUP)
    return group, None


def add_content(ctx: RequestContext, input: dict[str, Any]) -> BlogRecord | None:
    user = require_user(ctx)
    subtype = input["subtype"]
    if subtype == "news" and not ctx.viewer.is_admin:
        fail(COULD_NOT_ADD)
    group, parent = _container(ctx, input)
    if group is not None and not may_take_part(ctx.viewer, group.guid):
        fail(USER_NOT_MEMBER_OF_GROUP)
    # A status update may go without a title (missing or null) on Pleio; one that is
    # sent is checked as every other kind's, so "" is `invalid_value` there too.
    untitled = subtype == "statusupdate" and input.get("title") is None
    now = now_iso()
    rich_description = input.get("rich_description")
    new = repo.NewBlog(
        owner_id=user.guid,
        group_id=None if group is None else group.guid,
        title="" if untitled else checked_title(input.get("title")),
        abstract=checked_abstract(input.get("abstract")),
        rich_description=rich_description,
        description=plain_text(rich_description),
        tags=[t for t in input.get("tags") or () if t],
        access_id=effective_access_id(input.get("access_id"), group),
        write_access_id=effective_access_id(input.get("write_access_id"), group),
        created_at=now,
        published_at=input.get("time_published", now),
    )
    extra: dict[str, Any] = {}
    if subtype == "wiki" and parent is not None:
        extra["parent"] = parent
    if subtype == "event":
        extra.update(_event_fields(input))
        extra.setdefault("start_date", now)
        extra.setdefault("end_date", extra["start_date"])
    with ctx.conn:
        guid = content_repo.insert_content(ctx.conn, new, subtype=subtype, extra=extra)
        # As for a blog: the author follows it, the group's members hear of it.
        notifications.blog_added(ctx.conn, guid, new.created_at)
    return repo.get_blog(ctx.conn, guid)


def _event_fields(input: dict[str, Any]) -> dict[str, Any]:
    return {
        kept: input[given] for given, kept in EVENT_FIELDS.items() if input.get(given) is not None
    }


def edit_kind_fields(ctx: RequestContext, entity: BlogRecord, input: dict[str, Any]) -> None:
    """After the fields every kind shares are saved: an event's own."""
    if isinstance(entity, EventRecord):
        changes = _event_fields(input)
        if changes:
            with ctx.conn:
                content_repo.update_extra(ctx.conn, entity.guid, changes)


@kind_mutations.field("attendEvent")
def resolve_attend_event(
    _: None, info: GraphQLResolveInfo, input: dict[str, Any]
) -> dict[str, Any]:
    ctx = context_of(info)
    user = require_user(ctx)
    event = listed_content(ctx, input.get("guid"))
    if not isinstance(event, EventRecord):
        fail(COULD_NOT_FIND)
    state = input.get("state") or None
    accepted = set(content_repo.ATTENDANCE_STATES)
    if not event.extra.get("enable_maybe", True):
        accepted.discard("maybe")
    if state is not None and state not in accepted:
        fail(EVENT_INVALID_STATE)
    with ctx.conn:
        content_repo.set_attendance(ctx.conn, event.guid, user.guid, state, now_iso())
    return {"entity": repo.get_blog(ctx.conn, event.guid)}


@kind_mutations.field("toggleBestAnswer")
def resolve_toggle_best_answer(
    _: None, info: GraphQLResolveInfo, input: dict[str, Any]
) -> dict[str, Any]:
    """The comment becomes the best answer of its question, or stops being it."""
    ctx = context_of(info)
    require_user(ctx)
    comment = repo.get_comment(ctx.conn, input.get("guid") or "")
    if comment is None or comment.is_reply:
        fail(COULD_NOT_FIND)
    # As Pleio: the question is looked up among published, not archived content.
    question = listed_content(ctx, comment.blog_id)
    if not isinstance(question, QuestionRecord):
        fail(COULD_NOT_FIND)
    if not may_choose_best_answer(ctx, question):
        fail(COULD_NOT_SAVE)
    best = None if question.best_answer_id == comment.guid else comment.guid
    with ctx.conn:
        # Pleio saves the question: its timeUpdated moves, and a sync sees the change.
        content_repo.update_extra(ctx.conn, question.guid, {"best_answer": best}, now=now_iso())
    return {"entity": repo.get_blog(ctx.conn, question.guid)}


def may_choose_best_answer(ctx: RequestContext, question: QuestionRecord) -> bool:
    """Pleio's Question.can_choose_best_answer: the questioner or a site admin, on an
    open question, and only while the site lets questioners choose at all."""
    viewer = ctx.viewer
    if not viewer.logged_in or question.is_closed or not best_answers_enabled(ctx.conn):
        return False
    return viewer.is_admin or viewer.user_id == question.owner_id


@kind_mutations.field("toggleIsClosed")
def resolve_toggle_is_closed(
    _: None, info: GraphQLResolveInfo, input: dict[str, Any]
) -> dict[str, Any]:
    ctx = context_of(info)
    require_user(ctx)
    question = visible_entity(ctx, input.get("guid"))
    if not isinstance(question, QuestionRecord):
        fail(COULD_NOT_FIND)
    if not (ctx.viewer.is_admin or ctx.viewer.user_id == question.owner_id):
        fail(COULD_NOT_SAVE)
    with ctx.conn:
        closed = {"is_closed": not question.is_closed}
        content_repo.update_extra(ctx.conn, question.guid, closed, now=now_iso())
    return {"entity": repo.get_blog(ctx.conn, question.guid)}
