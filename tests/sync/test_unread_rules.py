"""Unread that is true: my own writing is never unread; a blog I read is unread
again when someone else comments after that, but not when I do; a group, or
everything, can be marked read at once."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sync_helpers import OPEN_GROUP, SEED_GROUP, SiteApi, replay, run_sync

from pleio_tui.models import OutboxKind
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

DLG = "Innovatie binnen de overheid ... DLG's aanpak"
WOO = "Een jaar Woo: wat we leerden van actieve openbaarmaking"


def own_blogs(site_api: SiteApi, session: str, owner: str) -> list[str]:
    query = """{ entities(subtype: "blog", limit: 100) {
        edges { guid ... on Blog { owner { name } } } } }"""
    edges = site_api.data(session, query)["entities"]["edges"]
    return [edge["guid"] for edge in edges if edge["owner"]["name"] == owner]


async def test_my_own_blogs_are_read_from_the_start(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    mine = own_blogs(site_api, hadewych, "Hadewych")
    assert len(mine) >= 2
    with Store.open(cache_path) as store:
        assert all(store.is_read(guid) for guid in mine)
        assert not store.is_read(site_api.blog_guid(hadewych, WOO))  # someone else's
        group = site_api.group_guid(hadewych, SEED_GROUP)
        store.enqueue(OutboxKind.BLOG, group, "Vers van de pers", "Net geschreven.")
    await replay(demo_site.url, hadewych, cache_path)
    written = site_api.add_blog(
        hadewych,
        site_api.group_guid(hadewych, OPEN_GROUP),
        "Van een ander apparaat",
        "Ook van mij.",
    )
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        fresh = site_api.blog_guid(hadewych, "Vers van de pers")
        assert store.is_read(fresh) and store.is_read(written)
        # The per-group counters agree with the blogs they count.
        source = store.groups("")
        for row in source.window(0, source.count()):
            guids = store.blog_guids_in_group(row.guid)
            assert row.blog_count == len(guids)
            assert row.unread_count == sum(1 for guid in guids if not store.is_read(guid))


async def test_a_comment_after_reading_makes_the_blog_unread_again_unless_it_is_mine(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    woo = site_api.blog_guid(hadewych, WOO)
    with Store.open(cache_path) as store:
        assert store.read_since(woo) is None  # never read
        store.mark_read(woo)
        read_at = store.read_since(woo)
        newest = max(c.time_created for c in store.blog(woo).comments or ())  # type: ignore[union-attr]
        assert read_at is not None and read_at >= newest
        assert abs((read_at - datetime.now(UTC)).total_seconds()) < 60
        before = store.unread_total()

    site_api.add_comment(hadewych, woo, "Mijn eigen aanvulling")
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        assert store.is_read(woo)

    site_api.add_comment(demo_site.login("fatima"), woo, "Een nieuwe reactie")
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        assert not store.is_read(woo)
        assert store.unread_total() == before + 1
        assert store.read_since(woo) == read_at  # what the post view marks new from


async def test_a_group_or_everything_marked_read(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        open_group = site_api.group_guid(hadewych, OPEN_GROUP)
        in_group = store.blog_guids_in_group(open_group)
        unread_there = sum(1 for guid in in_group if not store.is_read(guid))
        total = store.unread_total()
        assert unread_there and total > unread_there
        assert store.mark_group_read(open_group) == unread_there
        assert all(store.is_read(guid) for guid in in_group)
        assert store.unread_total() == total - unread_there
        store.mark_group_read(None)
        assert store.unread_total() == 0
