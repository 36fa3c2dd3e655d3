"""When the first attempt was made decides which of my comments a lookup may take
for the item. Only an attempt that may have reached the site counts, and its time
is the site's own: a bound taken from this machine's clock (with its margin for a
clock that runs ahead) would let an identical comment I wrote just before, in the
browser, be taken for the queued one, which would then never be sent."""

from __future__ import annotations

import socket
import time
from datetime import timedelta
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import guid_of, make_world, replay, short_client
from site_view import SiteView

from pleio_tui.api.transport import SiteClock
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxReplayer, OutboxResult
from pleio_tui.sync.lookup import SITE_CLOCK_MARGIN

NOW = timedelta(0)


def refusing_url() -> str:
    """An address on which nothing listens: every connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def past_the_site_clock_margin() -> None:
    """The site's `Date` is whole seconds, refreshed by uvicorn once a second (so up
    to two seconds behind), and the lookup allows a margin before it."""
    time.sleep(SITE_CLOCK_MARGIN.total_seconds() + 3.0)


async def test_a_refused_attempt_does_not_let_my_later_browser_comment_stand_in(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """The site answered a moment ago, then the connection is refused: nothing
    left. Meanwhile I write the same words in the browser. The queued comment's
    first attempt is the one made later, not the refused one."""
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    async with short_client(view.site.url, me) as answering:
        viewer = await answering.viewer()
        clock = answering._transport.site_clock
    assert viewer.user is not None
    async with short_client(refusing_url(), me) as client:
        client._transport.site_clock = clock
        with Store.open(cache_path) as store:
            replayer = OutboxReplayer(client, store, viewer_guid=viewer.user.guid)
            [offline] = await replayer.replay()
    assert offline.result == OutboxResult.WAITING
    with Store.open(cache_path) as store:
        refused = store.outbox_item(item.id)
    assert refused is not None and refused.state == OutboxState.PENDING
    assert refused.attempts == 1 and refused.first_sent_at is None

    from_browser = view.add_comment(me, world.blog, world.text)
    past_the_site_clock_margin()
    proxy.arm(Fault.CLOSE_BEFORE_FORWARD)  # unconfirmed, never arrived
    await replay(proxy.url, me, cache_path)
    proxy.heal()
    [after], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert after.result == OutboxResult.SENT
    assert after.remote_guid != from_browser
    assert len(view.comments_saying(me, world.blog, world.text)) == 2


async def test_behind_a_proxy_that_adds_its_own_date_the_site_clock_still_dates_the_attempt(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """The fault proxy sends its own `Date` beside the site's, as some gateways do."""
    world = await make_world(view, me, cache_path)
    from_browser = view.add_comment(me, world.blog, world.text)
    past_the_site_clock_margin()
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)

    proxy.arm(Fault.CLOSE_BEFORE_FORWARD)  # unconfirmed, never arrived
    await replay(proxy.url, me, cache_path)
    proxy.heal()
    [after], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert after.result == OutboxResult.SENT
    assert after.remote_guid != from_browser
    assert len(view.comments_saying(me, world.blog, world.text)) == 2
    with Store.open(cache_path) as store:
        sent = store.outbox_item(item.id)
    assert sent is not None and sent.state == OutboxState.SENT


async def test_after_a_night_asleep_the_site_clock_is_asked_again(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """The monotonic clock stands still while the machine sleeps: a `Date` read
    last evening, moved on by it, says the site's time is still last evening."""
    world = await make_world(view, me, cache_path)
    from_browser = view.add_comment(me, world.blog, world.text)
    past_the_site_clock_margin()
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)

    night = timedelta(hours=10)
    async with short_client(proxy.url, me) as client:
        viewer = await client.viewer()
        awake = client._transport.site_clock
        assert awake is not None and viewer.user is not None
        client._transport.site_clock = SiteClock(
            awake.date - night, awake.received, awake.wall - night.total_seconds()
        )
        proxy.arm(Fault.CLOSE_BEFORE_FORWARD)  # unconfirmed, never arrived
        with Store.open(cache_path) as store:
            await OutboxReplayer(client, store, viewer_guid=viewer.user.guid).replay()
    proxy.heal()
    [after], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert after.result == OutboxResult.SENT
    assert after.remote_guid != from_browser
    assert len(view.comments_saying(me, world.blog, world.text)) == 2
    with Store.open(cache_path) as store:
        sent = store.outbox_item(item.id)
    assert sent is not None and sent.state == OutboxState.SENT


async def test_no_write_leaves_while_the_site_clock_cannot_be_read(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """Dated by this machine's clock, with its margin, the attempt would let a
    lookup take my comment of a minute ago for it: the write waits instead."""
    world = await make_world(view, me, cache_path)
    from_browser = view.add_comment(me, world.blog, world.text)
    past_the_site_clock_margin()
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)

    proxy.drop_reads = True
    proxy.arm(Fault.CLOSE_BEFORE_FORWARD)  # a write, if one left: unconfirmed
    [waiting], _ = await replay(proxy.url, me, cache_path, viewer_guid=guid_of(view, me))
    assert not any(op.lstrip().startswith("mutation") for op in proxy.operations())
    assert waiting.result == OutboxResult.WAITING
    proxy.heal()
    [after], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert after.result == OutboxResult.SENT
    assert after.remote_guid != from_browser
    assert len(view.comments_saying(me, world.blog, world.text)) == 2
    with Store.open(cache_path) as store:
        sent = store.outbox_item(item.id)
    assert sent is not None and sent.state == OutboxState.SENT
