"""The outbox reaches the site exactly once: queued offline, sent when the site is
back, refused items kept with the reason, and items that may have gone out
looked up on the site before anything is sent again."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sync_helpers import SEED_BLOG, SEED_GROUP, SiteApi, replay, replay_elsewhere, run_sync

from pleio_tui.api import PleioClient, RetryPolicy
from pleio_tui.models import AccessId, OutboxKind, OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import OutboxReplayer, OutboxResult
from pleio_tui.sync.outbox import LOOKUP_DELAY

TITLE = "Geschreven in de trein"
BODY = "Tussen **Utrecht** en Zwolle viel het netwerk weg."


def enqueue(
    cache_path: Path, kind: OutboxKind, target: str, title: str = "", body: str = "", score: int = 0
) -> int:
    with Store.open(cache_path) as store:
        return store.enqueue(kind, target, title, body, score).id


def state_of(cache_path: Path, item_id: int) -> OutboxState:
    with Store.open(cache_path) as store:
        item = store.outbox_item(item_id)
    assert item is not None
    return item.state


def remote_guid_of(cache_path: Path, item_id: int) -> str | None:
    with Store.open(cache_path) as store:
        item = store.outbox_item(item_id)
    assert item is not None
    return item.remote_guid


def force_sending(cache_path: Path, item_id: int) -> None:
    """What a crash right after the request went out leaves behind, once the
    lookup delay has passed (a write still on its way has landed by then). The
    sender was another process: this one's own memory of an attempt it made
    counts the wait on a clock no file edit moves (sync/attempt_clock.py)."""
    with sqlite3.connect(cache_path) as conn:
        conn.execute("UPDATE outbox SET state = 'sending' WHERE id = ?", (item_id,))
    conn.close()
    attempted_earlier(cache_path, item_id)


def attempted_earlier(cache_path: Path, item_id: int) -> None:
    """As if the item's last change (its last attempt) was the lookup delay ago."""
    with sqlite3.connect(cache_path) as conn:
        conn.execute(
            "UPDATE outbox SET updated_at = updated_at - ? WHERE id = ?",
            (LOOKUP_DELAY // timedelta(microseconds=1), item_id),
        )
    conn.close()


async def test_a_post_queued_offline_is_sent_once_when_the_site_is_back(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    url = demo_site.url
    await run_sync(url, hadewych, cache_path)
    group = site_api.group_guid(hadewych, SEED_GROUP)
    demo_site.stop()
    item_id = enqueue(cache_path, OutboxKind.BLOG, group, TITLE, BODY)

    offline = await replay(url, hadewych, cache_path)
    assert [outcome.result for outcome in offline] == [OutboxResult.WAITING]
    assert state_of(cache_path, item_id) == OutboxState.PENDING  # refused: certainly not sent

    demo_site.start()
    first = await run_sync(url, hadewych, cache_path)
    second = await run_sync(url, hadewych, cache_path)

    assert (first.outbox_sent, second.outbox_sent) == (1, 0)
    assert site_api.count_titled(hadewych, TITLE) == 1
    assert state_of(cache_path, item_id) == OutboxState.SENT
    with Store.open(cache_path) as store:
        assert [hit.title for hit in store.search("Zwolle")] == [TITLE]


async def test_a_new_post_gets_the_groups_read_access_and_stays_the_authors_to_edit(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    group = site_api.group_guid(hadewych, SEED_GROUP)
    enqueue(cache_path, OutboxKind.BLOG, group, TITLE, BODY)

    [outcome] = await replay(demo_site.url, hadewych, cache_path)

    data = site_api.data(
        hadewych,
        "query($g: String!) { entity(guid: $g) { ... on Blog { accessId writeAccessId } } }",
        {"g": outcome.remote_guid},
    )
    with Store.open(cache_path) as store:
        cached_group = store.group(group)
    assert cached_group is not None and cached_group.default_access_id not in (None, 0)
    assert data["entity"] == {
        "accessId": cached_group.default_access_id,
        "writeAccessId": AccessId.PRIVATE,
    }


async def test_a_refused_post_is_kept_with_the_reason(
    demo_site: LocalSite, hadewych: str, jan_session: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, jan_session, cache_path)
    item_id = enqueue(
        cache_path, OutboxKind.BLOG, site_api.group_guid(hadewych, SEED_GROUP), TITLE, BODY
    )

    report = await run_sync(demo_site.url, jan_session, cache_path)
    again = await run_sync(demo_site.url, jan_session, cache_path)

    assert report.completed and report.outbox_failed == 1
    assert again.outbox == ()
    with Store.open(cache_path) as store:
        item = store.outbox_item(item_id)
    assert item is not None and item.state == OutboxState.FAILED
    assert item.error_code == "user_not_member_of_group"
    assert site_api.count_titled(hadewych, TITLE) == 0


async def test_a_post_left_sending_that_reached_the_site_is_not_sent_again(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    item_id = enqueue(
        cache_path, OutboxKind.BLOG, site_api.group_guid(hadewych, SEED_GROUP), TITLE, BODY
    )
    assert replay_elsewhere(demo_site.url, hadewych, cache_path) == [[item_id, "sent"]]
    sent = remote_guid_of(cache_path, item_id)
    force_sending(cache_path, item_id)

    [found] = await replay(demo_site.url, hadewych, cache_path)

    assert found.result == OutboxResult.FOUND
    assert found.remote_guid == sent
    assert site_api.count_titled(hadewych, TITLE) == 1
    assert state_of(cache_path, item_id) == OutboxState.SENT


async def test_a_comment_left_sending_that_reached_the_site_is_not_sent_again(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    blog = site_api.blog_guid(hadewych, SEED_BLOG)
    before = next(b["commentCount"] for b in site_api.blogs(hadewych) if b["guid"] == blog)
    item_id = enqueue(cache_path, OutboxKind.COMMENT, blog, body="Mooi stuk, *dank* je.")
    assert replay_elsewhere(demo_site.url, hadewych, cache_path) == [[item_id, "sent"]]
    sent = remote_guid_of(cache_path, item_id)
    force_sending(cache_path, item_id)

    [found] = await replay(demo_site.url, hadewych, cache_path)

    assert found.result == OutboxResult.FOUND
    assert found.remote_guid == sent
    after = next(b["commentCount"] for b in site_api.blogs(hadewych) if b["guid"] == blog)
    assert after == before + 1
    with Store.open(cache_path) as store:
        cached = store.blog(blog)
    assert cached is not None and sent in {c.guid for c in cached.comments or ()}


async def test_a_post_left_sending_that_never_arrived_is_sent(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    item_id = enqueue(
        cache_path, OutboxKind.BLOG, site_api.group_guid(hadewych, SEED_GROUP), TITLE, BODY
    )
    with Store.open(cache_path) as store:
        assert store.take_outbox_lease()
        store.mark_sending(item_id)
        store.release_outbox_lease()
    [waiting] = await replay(demo_site.url, hadewych, cache_path)
    assert waiting.result == OutboxResult.WAITING  # it might still be on its way
    attempted_earlier(cache_path, item_id)

    [outcome] = await replay(demo_site.url, hadewych, cache_path)

    assert outcome.result == OutboxResult.SENT
    assert site_api.count_titled(hadewych, TITLE) == 1


async def test_the_same_vote_twice_counts_as_done(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    blog = site_api.blog_guid(hadewych, SEED_BLOG)
    enqueue(cache_path, OutboxKind.VOTE, blog, score=1)
    enqueue(cache_path, OutboxKind.VOTE, blog, score=1)

    outcomes = await replay(demo_site.url, hadewych, cache_path)

    assert [outcome.result for outcome in outcomes] == [OutboxResult.SENT, OutboxResult.SENT]
    with Store.open(cache_path) as store:
        assert store.outbox_counts()[OutboxState.SENT] == 2


VIEWER_ANSWER = (
    b'{"data": {"viewer": {"guid": "viewer:1", "loggedIn": true, "isAdmin": false,'
    b' "user": {"guid": "u1", "name": "U", "username": "u", "icon": null, "url": null}}}}'
)


@pytest.fixture
async def silent_site() -> AsyncIterator[str]:
    """A server that tells who is logged in (and so its clock), then takes every
    other request and never answers: the request may have arrived."""

    async def swallow(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            body = await reader.readexactly(length)
            if b'"Viewer"' not in body:
                await asyncio.sleep(30)
                return
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                b"date: Sun, 29 Nov 2026 08:00:00 GMT\r\n"
                + f"content-length: {len(VIEWER_ANSWER)}\r\n\r\n".encode()
                + VIEWER_ANSWER
            )
            await writer.drain()

    server = await asyncio.start_server(swallow, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.close()


async def test_an_unanswered_send_stays_sending_and_stops_the_replay(
    silent_site: str, cache_path: Path
) -> None:
    first = enqueue(cache_path, OutboxKind.COMMENT, "blog-guid", body="Een")
    second = enqueue(cache_path, OutboxKind.COMMENT, "blog-guid", body="Twee")
    client = PleioClient(
        silent_site,
        "session",
        timeout=httpx.Timeout(0.3),
        total_timeout=0.5,
        retry=RetryPolicy(attempts=1),
    )
    async with client:
        with Store.open(cache_path) as store:
            replayer = OutboxReplayer(client, store)
            outcomes = await replayer.replay()

    assert [outcome.result for outcome in outcomes] == [OutboxResult.WAITING]
    assert replayer.stopped_by is not None and replayer.stopped_by.code == "offline"
    assert state_of(cache_path, first) == OutboxState.SENDING
    assert state_of(cache_path, second) == OutboxState.PENDING


async def test_a_replay_while_another_holds_the_outbox_sends_nothing_and_says_so(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    group = site_api.group_guid(hadewych, SEED_GROUP)
    item_id = enqueue(cache_path, OutboxKind.BLOG, group, TITLE, BODY)

    with Store.open(cache_path) as holder:
        assert holder.take_outbox_lease()  # a sync in another process, mid-send
        async with PleioClient(demo_site.url, hadewych) as client:
            with Store.open(cache_path) as store:
                replayer = OutboxReplayer(client, store)
                assert await replayer.replay() == []
                assert replayer.busy and replayer.stopped_by is None
        report = await run_sync(demo_site.url, hadewych, cache_path)
        holder.release_outbox_lease()

    assert report.outbox_busy and report.outbox == () and report.outbox_waiting == 1
    assert state_of(cache_path, item_id) == OutboxState.PENDING
    assert site_api.count_titled(hadewych, TITLE) == 0
    assert [outcome.result for outcome in await replay(demo_site.url, hadewych, cache_path)] == [
        OutboxResult.SENT
    ]
