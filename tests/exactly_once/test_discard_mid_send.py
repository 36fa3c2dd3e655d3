"""The user discards a waiting item while a sender reads its state on the site:
the item is not sent, and the sender goes on with the rest of the outbox instead
of stopping with an error. Counted on the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fault_proxy import FaultProxy
from scenarios import make_world, replay
from site_view import SiteView

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult


async def test_an_item_discarded_while_its_state_is_read_is_not_sent(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        bookmark = store.enqueue(OutboxKind.BOOKMARK, world.blog, score=1)
        comment = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)

    def discard_once_read(variables: dict[str, Any]) -> None:
        if variables.get("guid") != world.blog or proxy.after_read is None:
            return
        proxy.after_read = None
        with Store.open(cache_path) as other:  # the outbox screen, in the app
            other.discard(bookmark.id)

    proxy.after_read = discard_once_read
    outcomes, replayer = await replay(proxy.url, me, cache_path)

    assert proxy.after_read is None, "the bookmark's state was never read"
    assert [(o.item_id, o.result) for o in outcomes] == [
        (bookmark.id, OutboxResult.WAITING),
        (comment.id, OutboxResult.SENT),
    ]
    assert replayer.stopped_by is None
    assert view.blog(me, world.blog)["isBookmarked"] is False
    assert len(view.comments_saying(me, world.blog, world.text)) == 1
    with Store.open(cache_path) as store:
        assert [(i.id, i.state) for i in store.outbox()] == [(comment.id, OutboxState.SENT)]
