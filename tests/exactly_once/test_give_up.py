"""An item whose fate no lookup can tell is given up by the user: never sent
again, its text kept, and never while a sender in another process has it in
flight. Counted on the site."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from fault_proxy import Fault, FaultProxy
from scenarios import make_world, replay
from site_view import SiteView
from test_two_processes import result, start_replay

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import OutboxBusyError, OutboxStateError, Store
from pleio_tui.sync import OutboxResult

NOW = timedelta(0)


async def test_a_reply_no_lookup_can_find_is_given_up_and_never_sent_again(
    view: SiteView, me: str, proxy: FaultProxy, tmp_path: Path
) -> None:
    """Queued with no blog known and no cached parent, a reply whose answer was
    lost can never be looked up (Pleio finds comments only through their blog's
    thread): it waits for good until the user gives it up."""
    world = await make_world(view, me, tmp_path / "other" / "cache.sqlite3")
    cache_path = tmp_path / "empty" / "cache.sqlite3"
    with Store.open(cache_path) as store:
        item = store.enqueue(
            OutboxKind.COMMENT, world.parent, body=world.text, draft_key=f"reply:{world.parent}"
        )
    assert item.thread_guid is None
    proxy.arm(Fault.DROP_ANSWER)
    [lost], _ = await replay(proxy.url, me, cache_path)
    proxy.heal()
    assert lost.result == OutboxResult.WAITING
    for _ in range(2):  # stuck: every lookup says it cannot tell
        [stuck], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)
        assert stuck.result == OutboxResult.WAITING

    with Store.open(cache_path) as store:
        given_up = store.give_up(item.id)
        draft = store.load_draft(f"reply:{world.parent}")
    assert given_up.state == OutboxState.GIVEN_UP
    assert draft is not None and draft.body == world.text  # nothing written is lost

    writes = proxy.writes_reaching_site
    outcomes, _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)
    assert outcomes == []
    assert proxy.writes_reaching_site == writes
    # The lost answer's write had reached the site: one reply, never a second.
    assert len(view.replies_saying(me, world.blog, world.parent, world.text)) == 1
    with Store.open(cache_path) as store:
        assert [i.state for i in store.outbox()] == [OutboxState.GIVEN_UP]


async def test_an_item_another_process_is_sending_is_not_given_up(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.delay = 2.0
    proxy.arm(Fault.HOLD)  # the write waits at the proxy: a slow site
    sender = start_replay(proxy, me, cache_path)
    try:
        with Store.open(cache_path) as store:
            deadline = time.monotonic() + 30
            while store.outbox_item(item.id).state != OutboxState.SENDING:  # type: ignore[union-attr]
                assert time.monotonic() < deadline, "the other process never sent"
                time.sleep(0.02)
            with pytest.raises(OutboxBusyError):
                store.give_up(item.id)
            assert store.outbox_item(item.id).state == OutboxState.SENDING  # type: ignore[union-attr]
    finally:
        outcome = result(sender)
        proxy.heal()
    assert outcome["busy"] is False and outcome["outcomes"] == [[item.id, "sent"]]
    with Store.open(cache_path) as store:
        with pytest.raises(OutboxStateError):  # sent meanwhile: nothing to give up
            store.give_up(item.id)
        assert store.outbox_item(item.id).state == OutboxState.SENT  # type: ignore[union-attr]
    assert len(view.comments_saying(me, world.blog, world.text)) == 1
