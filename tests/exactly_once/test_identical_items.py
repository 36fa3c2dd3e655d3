"""Two identical posts or comments of mine, queued on purpose, both unconfirmed:
each is matched to its own copy on the site, the older item to the older copy,
so neither is sent a third time."""

from __future__ import annotations

import time
from contextlib import suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fault_proxy import FaultProxy
from scenarios import make_world, replay
from site_view import SiteView
from test_lookups import remote_guid, sent_without_answer

from pleio_tui.models import OutboxKind
from pleio_tui.store import Store
from pleio_tui.store.errors import OutboxStateError
from pleio_tui.sync import OutboxResult
from pleio_tui.sync.lookup import SITE_CLOCK_MARGIN

NOW = timedelta(0)


def past_the_site_clock_margin() -> None:
    time.sleep(SITE_CLOCK_MARGIN.total_seconds() + 1.5)


async def test_two_identical_posts_both_unconfirmed_are_two_posts(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    body = f"Tekst van {world.text}"
    with Store.open(cache_path) as store:
        first = store.enqueue(OutboxKind.BLOG, world.group, world.text, body)
        second = store.enqueue(OutboxKind.BLOG, world.group, world.text, body)
    sent_without_answer(cache_path, first.id, datetime.now(UTC))
    older = view.add_blog(me, world.group, world.text, body)
    past_the_site_clock_margin()
    sent_without_answer(cache_path, second.id, datetime.now(UTC))
    newer = view.add_blog(me, world.group, world.text, body)

    outcomes, _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert [o.result for o in outcomes] == [OutboxResult.FOUND, OutboxResult.FOUND]
    assert [remote_guid(cache_path, first.id), remote_guid(cache_path, second.id)] == [
        older,
        newer,
    ]
    assert sorted(view.blogs_titled(me, world.text)) == sorted([older, newer])


async def test_two_identical_comments_both_unconfirmed_are_two_comments(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        first = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
        second = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    sent_without_answer(cache_path, first.id, datetime.now(UTC))
    older = view.add_comment(me, world.blog, world.text)
    past_the_site_clock_margin()
    sent_without_answer(cache_path, second.id, datetime.now(UTC))
    newer = view.add_comment(me, world.blog, world.text)

    outcomes, _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert [o.result for o in outcomes] == [OutboxResult.FOUND, OutboxResult.FOUND]
    assert [remote_guid(cache_path, first.id), remote_guid(cache_path, second.id)] == [
        older,
        newer,
    ]
    assert sorted(view.comments_saying(me, world.blog, world.text)) == sorted([older, newer])


async def test_a_sent_comment_stays_while_an_identical_one_is_unconfirmed(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """Discarding the sent one from the outbox's history would free its copy on
    the site to be taken for the other, which would then never be sent."""
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        first = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    [sent], _ = await replay(proxy.url, me, cache_path)
    assert sent.result == OutboxResult.SENT
    with Store.open(cache_path) as store:
        second = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    sent_without_answer(cache_path, second.id, datetime.now(UTC))  # right after the first

    with Store.open(cache_path) as store, suppress(OutboxStateError):
        store.discard(first.id)  # the user clears the outbox's history
    [after], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert after.result == OutboxResult.SENT
    assert sorted(view.comments_saying(me, world.blog, world.text)) == sorted(
        [sent.remote_guid, after.remote_guid]
    )
    with Store.open(cache_path) as store:
        store.discard(first.id)  # once the other is settled
        assert store.outbox_item(first.id) is None
