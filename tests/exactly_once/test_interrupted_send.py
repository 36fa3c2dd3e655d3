"""A sender killed between a write and its answer leaves the item SENDING with no
outcome recorded. The write may still be on its way to the site (a slow site
finishes what it was sent), so a sender started right after must wait as for a
lost answer before it looks the item up: looking at once, it finds nothing and
sends a second copy. Counted on the site."""

from __future__ import annotations

import signal
import time
from datetime import timedelta
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import make_world, replay
from site_view import SiteView
from test_two_processes import start_replay

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult

NOW = timedelta(0)
SLOW_SITE = 2.0
"""Seconds each write waits at the proxy before the site acts on it."""


async def test_a_restart_right_after_a_killed_send_posts_once(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.delay = SLOW_SITE
    proxy.arm(Fault.HOLD)
    sender = start_replay(proxy, me, cache_path)
    deadline = time.monotonic() + 30
    while not any(op.lstrip().startswith("mutation") for op in proxy.operations()):
        assert time.monotonic() < deadline, "the sender never wrote"
        time.sleep(0.02)
    sender.send_signal(signal.SIGKILL)  # the write is on its way, the sender gone
    sender.communicate(timeout=10)

    [restarted], _ = await replay(proxy.url, me, cache_path)  # a new process at once

    assert restarted.result == OutboxResult.WAITING
    proxy.heal()  # the slow site finishes what it was sent
    [settled], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)
    assert settled.result == OutboxResult.FOUND
    assert len(view.comments_saying(me, world.blog, world.text)) == 1
    with Store.open(cache_path) as store:
        assert store.outbox_item(item.id).state == OutboxState.SENT  # type: ignore[union-attr]
