"""Each kind of outbox item, queued under its own fresh blog, and the one effect
it must leave on the site, counted there."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
from site_view import SiteView
from sync_helpers import tiptap

from pleio_tui.api import PleioClient, RetryPolicy
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxOutcome, OutboxReplayer
from pleio_tui.sync.outbox import LOOKUP_DELAY

TIMEOUT = httpx.Timeout(0.6)
TOTAL_TIMEOUT = 1.0
NO_RETRY = RetryPolicy(attempts=1)


def short_client(url: str, session: str) -> PleioClient:
    return PleioClient(url, session, timeout=TIMEOUT, total_timeout=TOTAL_TIMEOUT, retry=NO_RETRY)


def healthy_client(url: str, session: str) -> PleioClient:
    """For a network that is well again: what the test then asks is the end state,
    which a slow, loaded machine must not turn into a timeout."""
    return PleioClient(url, session, timeout=10.0, total_timeout=20.0, retry=NO_RETRY)


async def replay(
    url: str,
    session: str,
    cache_path: Path,
    lookup_delay: timedelta = LOOKUP_DELAY,
    *,
    healthy: bool = False,
    viewer_guid: str | None = None,
) -> tuple[list[OutboxOutcome], OutboxReplayer]:
    """`viewer_guid`: the session's account, as a sync passes it (it has just
    asked the site); without it the replay asks the site before its first item."""
    client_for = healthy_client if healthy else short_client
    async with client_for(url, session) as client:
        with Store.open(cache_path) as store:
            replayer = OutboxReplayer(
                client, store, lookup_delay=lookup_delay, viewer_guid=viewer_guid
            )
            return await replayer.replay(), replayer


@dataclass
class World:
    """A fresh blog of mine with one comment of mine under it, cached."""

    view: SiteView
    me: str
    site_url: str
    cache_path: Path
    group: str
    blog: str
    parent: str
    text: str
    question: str = ""
    answer: str = ""
    event: str = ""


async def make_world(view: SiteView, me: str, cache_path: Path) -> World:
    group = view.group(me)
    tag = uuid.uuid4().hex[:10]
    blog = view.add_blog(me, group, f"Onderwerp {tag}", f"Over {tag}")
    parent = view.add_comment(me, blog, f"Eerste reactie {tag}")
    async with short_client(view.site.url, me) as client:
        cached = await client.blog(blog)
    assert cached is not None
    with Store.open(cache_path) as store:
        store.upsert_blogs([cached])
    return World(view, me, view.site.url, cache_path, group, blog, parent, f"Geschreven {tag}")


@dataclass(frozen=True)
class Kind:
    queue: Callable[[World, Store], None]
    """Queue the item (after whatever must be on the site first)."""
    check: Callable[[World], str | None]
    """Assert the one intended effect; returns the remote guid the item must have."""
    before: Callable[[World], None] | None = None
    """Done on a healthy network before the fault (a vote to take back)."""


def _queue_post(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.BLOG, world.group, world.text, f"Tekst van {world.text}")


def _check_post(world: World) -> str | None:
    [guid] = world.view.blogs_titled(world.me, world.text)
    return guid


def _queue_comment(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)


def _check_comment(world: World) -> str | None:
    [guid] = world.view.comments_saying(world.me, world.blog, world.text)
    return guid


def _queue_reply(world: World, store: Store) -> None:
    item = store.enqueue(OutboxKind.COMMENT, world.parent, body=world.text)
    assert item.thread_guid == world.blog  # taken from the cache


def _check_reply(world: World) -> str | None:
    [guid] = world.view.replies_saying(world.me, world.blog, world.parent, world.text)
    return guid


def _queue_vote(world: World, store: Store) -> None:
    store.queue_vote(world.blog, 1)


def _check_voted(world: World) -> str | None:
    blog = world.view.blog(world.me, world.blog)
    assert (blog["hasVoted"], blog["votes"]) == (True, 1)
    return world.blog


def _vote_first(world: World) -> None:
    with Store.open(world.cache_path) as store:
        store.queue_vote(world.blog, 1)


def _queue_take_back(world: World, store: Store) -> None:
    assert store.queue_vote(world.blog, -1).score == 0


def _check_taken_back(world: World) -> str | None:
    blog = world.view.blog(world.me, world.blog)
    assert (blog["hasVoted"], blog["votes"]) == (False, 0)
    return world.blog


def _queue_bookmark(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.BOOKMARK, world.blog, score=1)


def _check_bookmarked(world: World) -> str | None:
    assert world.view.blog(world.me, world.blog)["isBookmarked"] is True
    return world.blog


def _queue_edit(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.EDIT_BLOG, world.blog, world.text, f"Nieuwe tekst {world.text}")


def _check_edited(world: World) -> str | None:
    blog = world.view.blog(world.me, world.blog)
    assert blog["title"] == world.text
    assert blog["description"].strip() == f"Nieuwe tekst {world.text}"
    return world.blog


def _queue_comment_vote(world: World, store: Store) -> None:
    assert store.queue_vote(world.parent, -1).thread_guid == world.blog


def _check_comment_voted(world: World) -> str | None:
    comment = world.view.comment(world.me, world.blog, world.parent)
    assert comment is not None and (comment["hasVoted"], comment["votes"]) == (True, -1)
    return world.parent


def _queue_comment_edit(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.EDIT_COMMENT, world.parent, body=f"Bewerkt: {world.text}")


def _check_comment_edited(world: World) -> str | None:
    comment = world.view.comment(world.me, world.blog, world.parent)
    assert comment is not None and comment["description"].strip() == f"Bewerkt: {world.text}"
    return world.parent


def _reply_first(world: World) -> None:
    """A reply under the comment to delete: it goes with it, as on Pleio."""
    world.view.add_comment(world.me, world.parent, f"Antwoord {world.text}")


def _queue_comment_delete(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.DELETE_COMMENT, world.parent)


def _check_comment_deleted(world: World) -> str | None:
    assert world.view.comment(world.me, world.blog, world.parent) is None
    assert world.view.comments_saying(world.me, world.blog, f"Antwoord {world.text}") == []
    with Store.open(world.cache_path) as store:
        cached = store.blog(world.blog)
    assert cached is not None and cached.comments == ()  # the cache follows the site
    return world.parent


def _queue_title_and_tags(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.EDIT_BLOG, world.blog, world.text, tags=("eerste", world.text))


def _check_title_and_tags(world: World) -> str | None:
    blog = world.view.blog(world.me, world.blog)
    assert (blog["title"], blog["tags"]) == (world.text, ["eerste", world.text])
    assert blog["description"].strip().startswith("Over ")  # the body as it was
    return world.blog


NOTIFICATIONS = """query { notifications(limit: 100) {
  edges { id isUnread entity { guid } } } }"""


def _notifications_about(world: World) -> list[dict[str, object]]:
    """My notifications about the world's blog, newest first."""
    edges = world.view.data(world.me, NOTIFICATIONS)["notifications"]["edges"]
    return [e for e in edges if (e["entity"] or {}).get("guid") == world.blog]


def _colleague_comments(world: World, times: int) -> None:
    colleague = world.view.site.login("admin")
    for number in range(times):
        world.view.add_comment(colleague, world.blog, f"Reactie {number} op {world.text}")
    assert [e["isUnread"] for e in _notifications_about(world)] == [True] * times


def _queue_read(world: World, store: Store) -> None:
    [notification] = _notifications_about(world)
    store.enqueue(OutboxKind.NOTIFICATION_READ, str(notification["id"]))


def _check_read(world: World) -> str | None:
    [notification] = _notifications_about(world)
    assert notification["isUnread"] is False
    return str(notification["id"])


def _queue_read_up_to(world: World, store: Store) -> None:
    """Everything up to the older of two: the newer one came after the key press."""
    _newer, older = _notifications_about(world)
    store.enqueue(OutboxKind.NOTIFICATION_READ, f"all:{older['id']}")


def _check_read_up_to(world: World) -> str | None:
    newer, older = _notifications_about(world)
    assert (older["isUnread"], newer["isUnread"]) == (False, True)
    return f"all:{older['id']}"


# --- the kinds beside blogs ---

ADD_ENTITY = "mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }"
CONTENT_TITLED = """query($subtype: String, $group: String) {
  entities(subtype: $subtype, containerGuid: $group, limit: 1000) { total edges {
    guid ... on Discussion { title description owner { guid } }
    ... on Question { title description owner { guid } }
    ... on StatusUpdate { title description owner { guid } } } } }"""
ANSWERS = """query($guid: String!) { entity(guid: $guid) {
  ... on Question { comments { guid isBestAnswer } } } }"""
ATTENDING = """query($guid: String!) { entity(guid: $guid) { ... on Event { isAttending } } }"""


def _add(world: World, subtype: str, **fields: object) -> str:
    tiptap_text = tiptap(f"Over {world.text}")
    fields = {"subtype": subtype, "richDescription": tiptap_text, "accessId": 1, **fields}
    data = world.view.data(world.me, ADD_ENTITY, {"input": fields})
    return str(data["addEntity"]["entity"]["guid"])


def guid_of(view: SiteView, session: str) -> str:
    """The account a session belongs to, asked of the site."""
    return str(view.data(session, "{ viewer { user { guid } } }")["viewer"]["user"]["guid"])


def _my_guid(world: World) -> str:
    return guid_of(world.view, world.me)


def _made(world: World, subtype: str, matches: Callable[[dict[str, object]], bool]) -> list[str]:
    variables = {"subtype": subtype, "group": world.group}
    entities = world.view.data(world.me, CONTENT_TITLED, variables)["entities"]
    assert len(entities["edges"]) == entities["total"], "more than one page"
    return [
        str(edge["guid"])
        for edge in entities["edges"]
        if edge["owner"]["guid"] == _my_guid(world) and matches(edge)
    ]


def _queue_discussion(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.DISCUSSION, world.group, world.text, f"Tekst van {world.text}")


def _check_discussion(world: World) -> str | None:
    [guid] = _made(world, "discussion", lambda edge: edge["title"] == world.text)
    return guid


def _queue_question(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.QUESTION, world.group, world.text, f"Vraag over {world.text}")


def _check_question(world: World) -> str | None:
    [guid] = _made(world, "question", lambda edge: edge["title"] == world.text)
    return guid


def _queue_status(world: World, store: Store) -> None:
    store.enqueue(OutboxKind.STATUS_UPDATE, world.group, body=world.text)


def _check_status(world: World) -> str | None:
    saying = lambda edge: str(edge["description"]).strip() == world.text  # noqa: E731
    [guid] = _made(world, "statusupdate", saying)
    return guid


def _queue_best_answer(world: World, store: Store) -> None:
    question = _add(world, "question", title=f"Vraag {world.text}", containerGuid=world.group)
    answer = _add(world, "comment", containerGuid=question)
    world.question, world.answer = question, answer
    store.enqueue(OutboxKind.BEST_ANSWER, answer, score=1, thread_guid=question)


def _check_best_answer(world: World) -> str | None:
    answers = world.view.data(world.me, ANSWERS, {"guid": world.question})["entity"]["comments"]
    assert [a["guid"] for a in answers if a["isBestAnswer"]] == [world.answer]
    return world.answer


def _queue_attend(world: World, store: Store) -> None:
    world.event = _add(world, "event", title=f"Bijeenkomst {world.text}", containerGuid=world.group)
    store.enqueue(OutboxKind.ATTEND, world.event, "accept")


def _check_attending(world: World) -> str | None:
    event = world.view.data(world.me, ATTENDING, {"guid": world.event})["entity"]
    assert event["isAttending"] == "accept"
    return world.event


KINDS: dict[str, Kind] = {
    "post": Kind(_queue_post, _check_post),
    "comment": Kind(_queue_comment, _check_comment),
    "reply": Kind(_queue_reply, _check_reply),
    "vote": Kind(_queue_vote, _check_voted),
    "vote taken back": Kind(_queue_take_back, _check_taken_back, before=_vote_first),
    "bookmark": Kind(_queue_bookmark, _check_bookmarked),
    "edit": Kind(_queue_edit, _check_edited),
    "comment vote": Kind(_queue_comment_vote, _check_comment_voted),
    "comment edit": Kind(_queue_comment_edit, _check_comment_edited),
    "comment delete": Kind(_queue_comment_delete, _check_comment_deleted, before=_reply_first),
    "title and tags": Kind(_queue_title_and_tags, _check_title_and_tags),
    "notification read": Kind(
        _queue_read, _check_read, before=lambda world: _colleague_comments(world, 1)
    ),
    "notifications read up to one": Kind(
        _queue_read_up_to, _check_read_up_to, before=lambda world: _colleague_comments(world, 2)
    ),
    "discussion": Kind(_queue_discussion, _check_discussion),
    "question": Kind(_queue_question, _check_question),
    "status update": Kind(_queue_status, _check_status),
    "best answer": Kind(_queue_best_answer, _check_best_answer),
    "attend": Kind(_queue_attend, _check_attending),
}


def all_sent(cache_path: Path) -> dict[int, str | None]:
    """Every item SENT (none lost, none waiting): their remote guids by id."""
    with Store.open(cache_path) as store:
        items = store.outbox()
    assert [item.state for item in items] == [OutboxState.SENT] * len(items), items
    return {item.id: item.remote_guid for item in items}


def states(cache_path: Path) -> list[OutboxState]:
    with Store.open(cache_path) as store:
        return [item.state for item in store.outbox()]
