"""The sync against a site that orders like Pleio (one key, ties in any order,
shuffled by the local site on every request) and archives like Pleio (archived
blogs leave the listings and stay readable by guid)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sync_helpers import FAST_RETRY, SEED_GROUP, SiteApi, age_last_reconcile

from pleio_tui.api import PleioClient
from pleio_tui.models import Blog
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import SyncEngine, SyncReport
from pleio_tui.sync.engine import next_page_offset

TIED = 40
MOMENT = "2019-05-05T12:00:00+00:00"
TOGGLE = "mutation($g: String!) { toggleEntityArchived(guid: $g) { success } }"
EDIT_CREATED = """
mutation($input: editEntityInput!) { editEntity(input: $input) { entity { guid } } }
"""


async def small_page_sync(site_url: str, session: str, cache_path: Path) -> SyncReport:
    """Pages of ten, so that forty blogs created at one moment span page borders."""
    async with PleioClient(site_url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            return await SyncEngine(client, store, page_size=10, guid_page_size=10).run()


def cached_guids(cache_path: Path) -> set[str]:
    with Store.open(cache_path) as store:
        feed = store.feed(None, "blog")
        return {row.guid for row in feed.window(0, feed.count())}


def blogs_at_one_moment(site_api: SiteApi, hadewych: str, admin: str) -> set[str]:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    guids = {site_api.add_blog(hadewych, group, f"Gelijk {n}", "Tegelijk.") for n in range(TIED)}
    for guid in guids:  # a site admin may move timeCreated, as on Pleio
        site_api.data(admin, EDIT_CREATED, {"input": {"guid": guid, "timeCreated": MOMENT}})
    return guids


async def test_blogs_created_at_one_moment_are_all_cached_once(
    demo_site: LocalSite, hadewych: str, admin_session: str, site_api: SiteApi, cache_path: Path
) -> None:
    tied = blogs_at_one_moment(site_api, hadewych, admin_session)
    on_site = {blog["guid"] for blog in site_api.blogs(hadewych)}
    assert tied <= on_site

    first = await small_page_sync(demo_site.url, hadewych, cache_path)
    assert first.completed and first.full
    assert cached_guids(cache_path) == on_site
    assert first.blogs_new == len(on_site) and first.blogs_deleted == 0

    for _ in range(3):  # later syncs neither lose nor add any of them
        again = await small_page_sync(demo_site.url, hadewych, cache_path)
        assert again.completed and again.blogs_deleted == 0 and again.blogs_new == 0
        assert cached_guids(cache_path) == on_site


def test_the_next_page_starts_at_the_blogs_tied_with_the_last() -> None:
    def blog(n: int, minute: int) -> Blog:
        return Blog(f"b{n}", "t", time_updated=datetime(2024, 1, 1, 12, minute, tzinfo=UTC))

    page = (blog(0, 9), blog(1, 8), blog(2, 7), blog(3, 7))
    assert next_page_offset(page, 4, "timeUpdated") == 2
    # The last one again: blogs of its time may follow on the next page.
    distinct = (blog(0, 9), blog(1, 8), blog(2, 7), blog(3, 6))
    assert next_page_offset(distinct, 4, "timeUpdated") == 3
    one_moment = tuple(blog(n, 5) for n in range(4))
    assert next_page_offset(one_moment, 4, "timeUpdated") == 4  # no progress otherwise
    assert next_page_offset(page[:3], 4, "timeUpdated") == 4  # the last page
    assert next_page_offset(page, 4, "lastAction") == 4  # no key to compare


async def test_an_archived_blog_stays_readable_and_marked(
    demo_site: LocalSite, hadewych: str, jan_session: str, site_api: SiteApi, cache_path: Path
) -> None:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    kept = site_api.add_blog(hadewych, group, "Voor het archief", "Oud maar goud.")
    doomed = site_api.add_blog(hadewych, group, "Weg ermee", "Verdwijnt.")
    await small_page_sync(demo_site.url, jan_session, cache_path)

    site_api.data(hadewych, TOGGLE, {"g": kept})
    site_api.delete(hadewych, doomed)
    age_last_reconcile(cache_path)  # deletions are looked for once a day
    report = await small_page_sync(demo_site.url, jan_session, cache_path)

    assert report.completed and report.blogs_deleted == 1
    with Store.open(cache_path) as store:
        archived = store.blog(kept)
        assert archived is not None and archived.is_archived
        assert archived.title == "Voor het archief" and archived.comments is not None
        assert store.blog(doomed) is None
        rows = store.feed(None, "blog").window(0, store.feed(None, "blog").count())
        assert {row.guid for row in rows if row.is_archived} == {kept}
        assert [hit.blog_guid for hit in store.search("goud")] == [kept]

    # The archived blog is not looked for again while nothing else changes.
    quiet = await small_page_sync(demo_site.url, jan_session, cache_path)
    assert quiet.completed and quiet.blogs_updated == quiet.blogs_deleted == 0
    assert quiet.requests <= 7  # the five of an unchanged site, the notifications, the kinds

    site_api.data(hadewych, TOGGLE, {"g": kept})
    back = await small_page_sync(demo_site.url, jan_session, cache_path)
    assert back.completed and back.blogs_deleted == 0
    with Store.open(cache_path) as store:
        restored = store.blog(kept)
        assert restored is not None and not restored.is_archived
