"""A write whose answer was lost may still be held by a gateway in front of the
site: nginx, the usual one before Pleio, waits 60 s for the site by default and
the site acts on the write whenever it gets to it. Until then a lookup finds
nothing, and sending again would put the comment there twice. So the lookup of
an unconfirmed item waits longer than that gateway would. Counted on the site."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import make_world, replay
from site_view import SiteView
from sync_helpers import replay_elsewhere

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.store.values import time_to_db
from pleio_tui.sync import OutboxResult

GATEWAY_WAIT = timedelta(seconds=60)
NOW = timedelta(0)


def unconfirmed_since(cache_path: Path, item_id: int, ago: timedelta) -> None:
    """Move the moment the item's answer was lost back in time, as a clock would."""
    when = time_to_db(datetime.now(UTC) - ago)
    with sqlite3.connect(cache_path) as conn:
        conn.execute("UPDATE outbox SET unconfirmed_at = ? WHERE id = ?", (when, item_id))
    conn.close()


async def test_a_write_a_gateway_may_still_hold_is_not_looked_up_nor_sent_again(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.delay = 3.0  # the write waits at the gateway, past the client's timeout
    proxy.arm(Fault.DELAY)
    [lost], _ = await replay(proxy.url, me, cache_path)
    assert lost.result == OutboxResult.WAITING

    # The gateway has held it for most of its wait; the site has not seen it yet.
    unconfirmed_since(cache_path, item.id, GATEWAY_WAIT - timedelta(seconds=5))
    asked = len(proxy.operations())
    [later], _ = await replay(proxy.url, me, cache_path)

    assert later.result == OutboxResult.WAITING
    assert len(proxy.operations()) == asked  # neither looked up nor sent
    proxy.heal()
    [settled], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW, healthy=True)
    assert settled.result == OutboxResult.FOUND
    assert len(view.comments_saying(me, world.blog, world.text)) == 1
    with Store.open(cache_path) as store:
        assert store.outbox_item(item.id).state == OutboxState.SENT  # type: ignore[union-attr]


async def test_a_clock_set_forward_after_the_lost_answer_does_not_cut_the_wait_short(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """The stored time of the lost answer looks two hours old to the wall clock,
    as after the clock was set forward two hours; the gateway still holds the
    write. This process saw the answer get lost a moment ago: it still waits."""
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.delay = 3.0  # the write waits at the gateway, past the client's timeout
    proxy.arm(Fault.DELAY)
    [lost], _ = await replay(proxy.url, me, cache_path)
    assert lost.result == OutboxResult.WAITING

    unconfirmed_since(cache_path, item.id, timedelta(hours=2))
    asked = len(proxy.operations())
    [later], _ = await replay(proxy.url, me, cache_path)

    assert later.result == OutboxResult.WAITING
    assert len(proxy.operations()) == asked  # neither looked up nor sent
    proxy.heal()
    [settled], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW, healthy=True)
    assert settled.result == OutboxResult.FOUND
    assert len(view.comments_saying(me, world.blog, world.text)) == 1


async def test_a_clock_set_back_restarts_the_wait_from_when_it_is_seen(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """Another process lost the answer and stored the time by a clock an hour
    ahead, set right since: the stored time lies in the future. The wait is then
    counted, in full, from the moment that is seen, not from an hour from now."""
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.arm(Fault.DROP_ANSWER)  # the site has it; the answer is lost
    assert replay_elsewhere(proxy.url, me, cache_path) == [[item.id, "waiting"]]
    unconfirmed_since(cache_path, item.id, -timedelta(hours=1))

    wait = timedelta(seconds=2)
    asked = len(proxy.operations())
    [first], _ = await replay(proxy.url, me, cache_path, lookup_delay=wait)
    assert first.result == OutboxResult.WAITING
    assert len(proxy.operations()) == asked  # neither looked up nor sent
    time.sleep(wait.total_seconds() + 0.5)
    [found], _ = await replay(proxy.url, me, cache_path, lookup_delay=wait, healthy=True)

    assert found.result == OutboxResult.FOUND
    assert len(view.comments_saying(me, world.blog, world.text)) == 1
