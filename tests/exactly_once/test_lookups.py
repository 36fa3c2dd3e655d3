"""A lookup takes for the item only what the item created: by me, in its place,
with its text, created at or after its first attempt by the site's clock, and
not already matched to another item. Near misses are never taken for it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import make_world, replay
from site_view import SiteView

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult

NOW = timedelta(0)
LATER = timedelta(seconds=5)
"""Past the margin for the site's clock: what was made before is older."""


def sent_without_answer(cache_path: Path, item_id: int, first_attempt: datetime) -> None:
    """What a send that never reached the site leaves: SENDING since `first_attempt`."""
    with Store.open(cache_path) as store:
        assert store.take_outbox_lease()
        store.mark_sending(item_id, first_attempt)
        store.release_outbox_lease()


def remote_guid(cache_path: Path, item_id: int) -> str | None:
    with Store.open(cache_path) as store:
        item = store.outbox_item(item_id)
    assert item is not None and item.state == OutboxState.SENT
    return item.remote_guid


async def test_a_colleagues_identical_comment_is_not_mine(
    view: SiteView, me: str, colleague: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    sent_without_answer(cache_path, item.id, datetime.now(UTC))
    theirs = view.add_comment(colleague, world.blog, world.text)

    [outcome], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert outcome.result == OutboxResult.SENT
    mine = remote_guid(cache_path, item.id)
    assert sorted(view.comments_saying(me, world.blog, world.text)) == sorted([theirs, mine])


async def test_my_own_identical_older_comment_is_not_the_new_one(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    older = view.add_comment(me, world.blog, world.text)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    sent_without_answer(cache_path, item.id, datetime.now(UTC) + LATER)

    [outcome], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert outcome.result == OutboxResult.SENT
    new = remote_guid(cache_path, item.id)
    assert new != older
    assert sorted(view.comments_saying(me, world.blog, world.text)) == sorted([older, new])


async def test_last_weeks_post_with_the_same_title_is_not_the_new_one(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    body = f"Tekst van {world.text}"
    older = view.add_blog(me, world.group, world.text, body)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.BLOG, world.group, world.text, body)
    sent_without_answer(cache_path, item.id, datetime.now(UTC) + LATER)

    [outcome], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert outcome.result == OutboxResult.SENT
    new = remote_guid(cache_path, item.id)
    assert sorted(view.blogs_titled(me, world.text)) == sorted([older, new])


async def test_a_post_under_41_newer_blogs_is_still_found(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.BLOG, world.group, world.text, "Eerst")
    [sent], _ = await replay(proxy.url, me, cache_path)
    with sqlite3.connect(cache_path) as conn:  # as if its answer had been lost
        conn.execute("UPDATE outbox SET state = 'sending' WHERE id = ?", (item.id,))
    conn.close()
    for number in range(41):
        view.add_blog(me, world.group, f"Later {number} {world.text}", "Druk")

    [found], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert found.result == OutboxResult.FOUND
    assert found.remote_guid == sent.remote_guid
    assert view.blogs_titled(me, world.text) == [sent.remote_guid]


async def test_a_blog_deleted_while_the_lookup_pages_back_hides_nothing(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """A colleague's delete moves every older blog up one place between two
    pages: the one at the top of the next page must not slip past the lookup."""
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.BLOG, world.group, world.text, "Eerst")
    [sent], _ = await replay(proxy.url, me, cache_path)
    with sqlite3.connect(cache_path) as conn:  # as if its answer had been lost
        conn.execute("UPDATE outbox SET state = 'sending' WHERE id = ?", (item.id,))
    conn.close()
    newer = [view.add_blog(me, world.group, f"Later {n} {world.text}", "Druk") for n in range(20)]
    deleted: list[str] = []

    def delete_after_the_first_page(variables: dict[str, object]) -> None:
        if variables.get("offset") == 0 and not deleted:
            deleted.append(newer[-1])
            view.delete(me, newer[-1])

    proxy.after_read = delete_after_the_first_page
    [found], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert deleted
    assert found.result == OutboxResult.FOUND
    assert view.blogs_titled(me, world.text) == [sent.remote_guid]


async def test_two_identical_comments_of_mine_are_two_comments(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        first = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
        second = store.enqueue(OutboxKind.COMMENT, world.blog, body=world.text)
    started = datetime.now(UTC)
    sent_without_answer(cache_path, first.id, started)
    sent_without_answer(cache_path, second.id, started)
    landed = view.add_comment(me, world.blog, world.text)  # one of them arrived

    outcomes, _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert [o.result for o in outcomes] == [OutboxResult.FOUND, OutboxResult.SENT]
    guids = [remote_guid(cache_path, first.id), remote_guid(cache_path, second.id)]
    assert guids[0] == landed and guids[1] != landed
    assert sorted(view.comments_saying(me, world.blog, world.text)) == sorted(guids)


async def test_a_reply_is_found_through_its_blogs_thread(
    view: SiteView, me: str, proxy: FaultProxy, cache_path: Path
) -> None:
    """Pleio does not resolve a comment by its guid: the lookup never asks for it."""
    world = await make_world(view, me, cache_path)
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, world.parent, body=world.text)
    proxy.arm(Fault.DROP_ANSWER)
    await replay(proxy.url, me, cache_path)
    proxy.heal()
    proxy.requests.clear()

    [found], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert found.result == OutboxResult.FOUND
    assert view.replies_saying(me, world.blog, world.parent, world.text) == [
        remote_guid(cache_path, item.id)
    ]
    asked = [variables.get("guid") for _, variables in proxy.requests]
    assert world.blog in asked and world.parent not in asked


async def test_a_reply_queued_with_its_blog_named_needs_no_cache(
    view: SiteView, me: str, proxy: FaultProxy, tmp_path: Path
) -> None:
    """`pleio-tui comment` passes the blog: the reply is found without a cached thread."""
    world = await make_world(view, me, tmp_path / "other" / "cache.sqlite3")
    cache_path = tmp_path / "empty" / "cache.sqlite3"
    with Store.open(cache_path) as store:
        item = store.enqueue(
            OutboxKind.COMMENT, world.parent, body=world.text, thread_guid=world.blog
        )
    assert item.thread_guid == world.blog
    proxy.arm(Fault.BAD_GATEWAY)
    await replay(proxy.url, me, cache_path)
    proxy.heal()

    [found], _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW)

    assert found.result == OutboxResult.FOUND
    assert len(view.replies_saying(me, world.blog, world.parent, world.text)) == 1
