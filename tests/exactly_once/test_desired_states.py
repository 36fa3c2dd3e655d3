"""Votes, bookmarks and edits are states the user wants the site to end in: the
last one queued for a thing is what it must end as. An earlier one left
unconfirmed must never be sent after a later one has settled, or it undoes it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import make_world, replay
from site_view import SiteView

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store

LATER = timedelta(0)
"""A later replay: past the wait before an unconfirmed item is sent again."""


def unsent(cache_path: Path) -> list[int]:
    with Store.open(cache_path) as store:
        return [item.id for item in store.outbox((OutboxState.PENDING, OutboxState.SENDING))]


async def test_an_unconfirmed_edit_never_overwrites_the_later_one(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        store.enqueue(OutboxKind.EDIT_BLOG, world.blog, f"Eerste {world.text}")
        store.enqueue(OutboxKind.EDIT_BLOG, world.blog, f"Tweede {world.text}")

    proxy.arm(Fault.UNKNOWN_WRITE_ERROR)
    await replay(proxy.url, me, cache_path)
    await replay(proxy.url, me, cache_path, lookup_delay=LATER)

    assert view.blog(me, world.blog)["title"] == f"Tweede {world.text}"
    assert unsent(cache_path) == []


async def test_a_vote_taken_back_offline_stays_taken_back_when_the_first_answer_was_lost(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        store.queue_vote(world.blog, 1)
        assert store.queue_vote(world.blog, -1).score == 0

    proxy.arm(Fault.UNKNOWN_WRITE_ERROR)
    await replay(proxy.url, me, cache_path)
    await replay(proxy.url, me, cache_path, lookup_delay=LATER)

    blog = view.blog(me, world.blog)
    assert (blog["hasVoted"], blog["votes"]) == (False, 0)
    assert unsent(cache_path) == []


async def test_a_comment_deleted_after_an_unconfirmed_edit_waits_for_that_edit(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        store.enqueue(OutboxKind.EDIT_COMMENT, world.parent, body=f"Bewerkt {world.text}")
        store.enqueue(OutboxKind.DELETE_COMMENT, world.parent)

    proxy.arm(Fault.UNKNOWN_WRITE_ERROR)
    await replay(proxy.url, me, cache_path)
    # The deletion did not pass the edit whose fate is unknown.
    assert view.comment(me, world.blog, world.parent) is not None
    await replay(proxy.url, me, cache_path, lookup_delay=LATER)

    assert view.comment(me, world.blog, world.parent) is None
    with Store.open(cache_path) as store:
        assert [item.state for item in store.outbox()] == [OutboxState.SENT] * 2
