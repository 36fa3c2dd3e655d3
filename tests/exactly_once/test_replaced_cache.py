"""The cache is moved aside while the app runs (as the message about a damaged
cache tells the user to do) with a comment whose answer was lost in its outbox:
the new cache takes the comment over unconfirmed, so it is looked up and then
sent only if the site does not have it. Counted on the site."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fault_proxy import Fault, FaultProxy
from scenarios import make_world, replay
from site_view import SiteView

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult
from pleio_tui.tui.services.storage import restart_store

NOW = timedelta(0)


def move_aside(cache_path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        here = Path(f"{cache_path}{suffix}")
        if here.exists():
            here.rename(Path(f"{cache_path}.damaged{suffix}"))


@pytest.mark.parametrize(
    ("fault", "landed", "settled"),
    [
        (Fault.DROP_ANSWER, True, OutboxResult.FOUND),
        (Fault.CLOSE_BEFORE_FORWARD, False, OutboxResult.SENT),
    ],
    ids=["answer lost", "never arrived"],
)
async def test_an_unconfirmed_comment_survives_a_cache_moved_aside(
    fault: Fault,
    landed: bool,
    settled: OutboxResult,
    view: SiteView,
    me: str,
    proxy: FaultProxy,
    cache_path: Path,
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.arm(fault)
    [lost], _ = await replay(proxy.url, me, cache_path)
    assert lost.result == OutboxResult.WAITING
    assert len(view.comments_saying(me, world.blog, world.text)) == (1 if landed else 0)

    old = Store.open(cache_path)  # the running app's
    try:
        move_aside(cache_path)
        restart_store(old, cache_path).close()
    finally:
        old.close()
    with Store.open(cache_path) as store:
        [carried] = store.outbox()
    assert (carried.state, carried.body) == (OutboxState.SENDING, world.text)

    proxy.heal()
    [after], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW, healthy=True)

    assert after.result == settled
    [on_site] = view.comments_saying(me, world.blog, world.text)
    with Store.open(cache_path) as store:
        [done] = store.outbox()
    assert (done.state, done.remote_guid, done.created_at) == (
        OutboxState.SENT,
        on_site,
        item.created_at,
    )
