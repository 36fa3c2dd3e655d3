"""What one account wrote reaches the site under that account's name or not at
all. Another account logged in on the same cache (a session that expired and a
colleague's login, or a switch of session) neither sends it, under its own name,
nor looks for it among its own writing: the items wait, untouched, until their
author logs in again. Counted on the site, with the author of every copy."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import guid_of, make_world, replay, short_client
from site_view import THREAD, SiteView

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult

NOW = timedelta(0)


def authors_saying(view: SiteView, session: str, blog: str, text: str) -> list[str]:
    """The owner of every comment on `blog` with `text`, as the site has them."""
    comments = view.data(session, THREAD, {"guid": blog})["entity"]["comments"]
    return [c["owner"]["guid"] for c in comments if c["description"].strip() == text]


async def logged_in_as(cache_path: Path, url: str, session: str) -> None:
    """What a login or a sync leaves in the cache: who the viewer is."""
    async with short_client(url, session) as client:
        viewer = await client.viewer()
    with Store.open(cache_path) as store:
        store.save_viewer(viewer)


async def test_an_unconfirmed_comment_is_neither_sent_nor_looked_up_by_another_account(
    view: SiteView, me: str, colleague: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    await logged_in_as(cache_path, view.site.url, me)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    proxy.arm(Fault.DROP_ANSWER)  # the site has it; the answer is lost
    [lost], _ = await replay(proxy.url, me, cache_path)
    assert lost.result == OutboxResult.WAITING

    # My session expires; a colleague logs in on this machine and syncs.
    await logged_in_as(cache_path, view.site.url, colleague)
    outcomes, replayer = await replay(view.site.url, colleague, cache_path, NOW, healthy=True)

    assert authors_saying(view, me, world.blog, world.text) == [guid_of(view, me)]
    assert outcomes == []
    with Store.open(cache_path) as store:
        waiting = store.outbox_item(item.id)
    assert waiting is not None and waiting.state == OutboxState.SENDING
    assert [(a.guid, a.count) for a in replayer.for_others] == [(guid_of(view, me), 1)]
    assert replayer.for_others[0].name == "Hadewych"

    # I log in again: my lookup finds my comment; nothing is sent a second time.
    [found], _ = await replay(view.site.url, me, cache_path, NOW, healthy=True)
    assert found.result == OutboxResult.FOUND
    assert authors_saying(view, me, world.blog, world.text) == [guid_of(view, me)]


async def test_pending_items_wait_for_their_author_and_block_nothing_of_the_other(
    view: SiteView, me: str, colleague: str, cache_path: Path
) -> None:
    """My comment and my vote wait while a colleague is logged in; the colleague's
    own vote on the same blog goes out at once."""
    world = await make_world(view, me, cache_path)
    await logged_in_as(cache_path, view.site.url, me)
    with Store.open(cache_path) as store:
        comment = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
        store.queue_vote(world.blog, 1)
    await logged_in_as(cache_path, view.site.url, colleague)
    with Store.open(cache_path) as store:
        theirs = store.enqueue(OutboxKind.VOTE, world.blog, score=1)

    outcomes, replayer = await replay(view.site.url, colleague, cache_path, healthy=True)

    assert [(o.item_id, o.result) for o in outcomes] == [(theirs.id, OutboxResult.SENT)]
    assert authors_saying(view, me, world.blog, world.text) == []
    assert view.blog(me, world.blog)["votes"] == 1  # the colleague's alone
    assert view.blog(me, world.blog)["hasVoted"] is False
    assert [a.count for a in replayer.for_others] == [2]
    with Store.open(cache_path) as store:
        assert store.outbox_item(comment.id).state == OutboxState.PENDING  # type: ignore[union-attr]

    await replay(view.site.url, me, cache_path, healthy=True)
    assert authors_saying(view, me, world.blog, world.text) == [guid_of(view, me)]
    assert view.blog(me, world.blog)["hasVoted"] is True
    assert view.blog(me, world.blog)["votes"] == 2
