"""Notifications through the client: a colleague's reply reaches the cache with
the unread count; marking read goes to the site, or waits in the outbox while
the site is out of reach and stays read in the cache meanwhile."""

from __future__ import annotations

import socket
from pathlib import Path

from sync_helpers import FAST_RETRY, SEED_GROUP, SiteApi, replay, run_sync, tiptap

from pleio_tui.api import PleioClient
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import SyncEngine

UNREAD = "query { notifications(limit: 100) { totalUnread edges { id isUnread } } }"


def site_unread(site_api: SiteApi, session: str) -> dict[int, bool]:
    edges = site_api.data(session, UNREAD)["notifications"]["edges"]
    return {edge["id"]: edge["isUnread"] for edge in edges}


def closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


async def test_a_reply_arrives_is_counted_and_read_on_the_site(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    first = await run_sync(demo_site.url, hadewych, cache_path)
    assert first.notifications_new == 3  # the demo's recent replies and mention
    with Store.open(cache_path) as store:
        assert store.unread_notification_count() == 3

    admin = demo_site.login("admin")
    blog = site_api.blog_guid(hadewych, "Innovatie binnen de overheid ... DLG's aanpak")
    site_api.add_comment(admin, blog, "Sterk verhaal")
    report = await run_sync(demo_site.url, hadewych, cache_path)
    assert report.notifications_new == 1
    with Store.open(cache_path) as store:
        newest = store.notifications()[0]
        assert (newest.action, newest.is_unread, newest.item_guid) == ("commented", True, blog)
        assert newest.performer is not None and newest.performer.name == "Admin"
        assert newest.container_name == SEED_GROUP
        assert store.unread_notification_count() == 4
        item = store.queue_notification_read(newest.id)
        assert item is not None and item.kind == OutboxKind.NOTIFICATION_READ
        assert store.queue_notification_read(newest.id) is None  # read already
        assert store.unread_notification_count() == 3

    outcomes = await replay(demo_site.url, hadewych, cache_path)
    assert [o.result.value for o in outcomes] == ["sent"]
    assert site_unread(site_api, hadewych)[newest.id] is False
    assert sum(site_unread(site_api, hadewych).values()) == 3


async def test_a_mention_in_a_comment_opens_its_blog(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        mention = next(n for n in store.notifications() if n.action == "mentioned")
    blog = site_api.blog_guid(hadewych, "Open data zonder gebruikers is een etalage zonder winkel")
    assert (mention.entity_type, mention.item_guid) == ("Comment", blog)
    assert mention.excerpt.startswith("@Hadewych wil jij")


async def test_marked_read_offline_waits_in_the_outbox_and_stays_read(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        unread = store.notifications(unread_only=True)
        one = unread[-1]
        store.queue_notification_read(one.id)
    offline = await replay(closed_port(), hadewych, cache_path)
    assert [o.result.value for o in offline] == ["waiting"]
    with Store.open(cache_path) as store:
        assert [i.state for i in store.outbox()] == [OutboxState.PENDING]

    # A sync that reads the site while the mark still waits keeps it laid over.
    async with PleioClient(demo_site.url, hadewych, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            await SyncEngine(client, store, replay_outbox=False).run()
            assert store.notification(one.id).is_unread is False  # type: ignore[union-attr]
            assert store.unread_notification_count() == len(unread) - 1
    assert site_unread(site_api, hadewych)[one.id] is True

    await run_sync(demo_site.url, hadewych, cache_path)
    assert site_unread(site_api, hadewych)[one.id] is False
    with Store.open(cache_path) as store:
        assert [i.state for i in store.outbox()] == [OutboxState.SENT]
        assert store.unread_notification_count() == len(unread) - 1


async def test_mark_all_read_leaves_what_came_after_unread(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        assert store.queue_all_notifications_read() is not None
        assert store.unread_notification_count() == 0
        assert store.queue_all_notifications_read() is None
    admin = demo_site.login("admin")
    blog = site_api.blog_guid(hadewych, "Innovatie binnen de overheid ... DLG's aanpak")
    site_api.add_comment(admin, blog, "Na het lezen")  # after the key press, before sending
    report = await run_sync(demo_site.url, hadewych, cache_path)
    assert [o.result.value for o in report.outbox] == ["sent"]
    assert sum(site_unread(site_api, hadewych).values()) == 1
    with Store.open(cache_path) as store:
        assert store.unread_notification_count() == 1
        assert store.notifications(unread_only=True)[0].item_guid == blog


async def test_an_anonymous_sync_asks_for_no_notifications(
    demo_site: LocalSite, cache_path: Path
) -> None:
    report = await run_sync(demo_site.url, None, cache_path)  # type: ignore[arg-type]
    assert report.completed and report.notifications_new == 0
    with Store.open(cache_path) as store:
        assert store.notifications() == []


async def test_a_new_discussion_in_my_group_names_it_and_opens_it(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    """A notification about a kind beside blogs carries its title and opens it."""
    await run_sync(demo_site.url, hadewych, cache_path)
    pieter = demo_site.login("pieter")
    group = site_api.group_guid(hadewych, "Open overheid in de praktijk")
    made = site_api.data(
        pieter,
        """mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }""",
        {
            "input": {
                "subtype": "discussion",
                "containerGuid": group,
                "title": "Wie deelt zijn ervaringen met de Woo?",
                "richDescription": tiptap("Graag jullie ervaringen."),
                "accessId": 1,
            }
        },
    )
    guid = made["addEntity"]["entity"]["guid"]
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        newest = next(n for n in store.notifications() if n.entity_guid == guid)
        cached = store.blog(guid)
    assert (newest.action, newest.entity_type, newest.item_guid) == ("created", "Discussion", guid)
    assert newest.title == "Wie deelt zijn ervaringen met de Woo?"
    assert cached is not None and cached.subtype == "discussion"  # what opening it shows
