"""What a sync costs in requests on a site with more blogs than a page: a full
download a page at a time, an incremental sync that asks all its questions in
one request and reads only what changed (and every page of it), and deletions
found when a blog is opened or by a daily count and listing of guids, not on
every sync."""

from __future__ import annotations

import math
from collections.abc import Awaitable
from pathlib import Path
from typing import TypeVar

import pytest
from sync_helpers import FAST_RETRY, SEED_GROUP, SiteApi, age_last_reconcile, tiptap

from pleio_tui.api import OfflineError, PleioClient
from pleio_tui.api.changes import CHANGE_PROBE
from pleio_tui.api.content_queries import CONTENT_SUBTYPES
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import SyncEngine, SyncReport, reconcile
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.reconcile import refresh_blog
from pleio_tui.sync.runner import refresh_opened_blog

T = TypeVar("T")
PAGE = 4
GUID_PAGE = 6
UNCHANGED_REQUESTS = 1
"""Every question of a sync in one request: viewer, site, the first page of
groups, the newest change marks of blogs and of the other kinds by timeUpdated
and by lastAction, and the newest notification."""
FULL_FIXED_REQUESTS = UNCHANGED_REQUESTS + 1
"""And the newest notifications, never fetched before."""
KINDS = list(CONTENT_SUBTYPES)


async def sync(
    site: LocalSite, session: str, cache_path: Path, guid_page: int = GUID_PAGE
) -> SyncReport:
    async with PleioClient(site.url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            engine = SyncEngine(client, store, page_size=PAGE, guid_page_size=guid_page)
            return await engine.run()


async def test_full_and_unchanged_syncs_cost_pinned_requests(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    on_site = len(site_api.blogs(hadewych))
    assert on_site > 2 * PAGE

    full = await sync(demo_site, hadewych, cache_path)
    unchanged = await sync(demo_site, hadewych, cache_path)

    assert full.completed and full.full and full.blogs_new == on_site
    kinds = site_api.data(
        hadewych, "query($s: [String]) { entities(subtypes: $s) { total } }", {"s": KINDS}
    )
    kinds_on_site = kinds["entities"]["total"]
    # The kinds beside blogs come in pages of their own the first time.
    pages = math.ceil(on_site / PAGE) + math.ceil(kinds_on_site / PAGE)
    assert full.requests == FULL_FIXED_REQUESTS + pages
    assert unchanged.completed and not unchanged.full
    assert unchanged.requests == UNCHANGED_REQUESTS


@pytest.mark.parametrize("caught_up", [False, True], ids=["after a full sync", "caught up"])
async def test_edits_beyond_the_first_page_arrive_in_an_incremental_sync(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path, caught_up: bool
) -> None:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    count = CHANGE_PROBE + PAGE + 1
    edited = [site_api.add_blog(hadewych, group, f"Blog {n}", "Tekst.") for n in range(count)]
    await sync(demo_site, hadewych, cache_path)
    if caught_up:
        assert (await sync(demo_site, hadewych, cache_path)).requests == UNCHANGED_REQUESTS
    for number, guid in enumerate(edited):
        site_api.edit_title(hadewych, guid, f"Herzien {number}")

    report = await sync(demo_site, hadewych, cache_path)

    assert report.completed and report.blogs_updated == len(edited)
    with Store.open(cache_path) as store:
        titles = [getattr(store.blog(guid), "title", None) for guid in edited]
    assert titles == [f"Herzien {number}" for number in range(len(edited))]
    # The first request holds the newest few of every kind by each order, all
    # edited blogs; then by each order a page of blog marks, all edited, and one
    # that holds the last edited and unchanged ones; after a full sync, a last
    # one that holds nothing new. As the first marks did not reach an unchanged
    # item, the other kinds' first page of changes too. And each changed blog
    # with its thread.
    listing_pages = report.requests - UNCHANGED_REQUESTS - len(edited)
    assert listing_pages == (4 if caught_up else 6) + 1


@pytest.mark.parametrize("kind", ["blog", "discussion"])
@pytest.mark.parametrize("where", ["newest", "oldest"])
async def test_a_new_comment_costs_one_request_more_than_nothing(
    demo_site: LocalSite,
    hadewych: str,
    site_api: SiteApi,
    cache_path: Path,
    where: str,
    kind: str,
) -> None:
    await sync(demo_site, hadewych, cache_path)
    await sync(demo_site, hadewych, cache_path)
    with Store.open(cache_path) as store:
        feed = store.feed(None, kind)
        commented = feed.window(0 if where == "newest" else feed.count() - 1, 1)[0].guid
    site_api.add_comment(hadewych, commented, "Een nieuwe gedachte")

    report = await sync(demo_site, hadewych, cache_path)

    # The first request shows it among the newest of every kind by lastAction;
    # the item with its thread follows.
    updated = report.blogs_updated if kind == "blog" else report.content_updated
    assert report.completed and updated == 1
    assert report.requests == UNCHANGED_REQUESTS + 1
    with Store.open(cache_path) as store:
        assert store.search("gedachte")


async def test_more_new_items_of_other_kinds_than_the_first_marks_hold_all_arrive(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    await sync(demo_site, hadewych, cache_path)
    await sync(demo_site, hadewych, cache_path)
    added = [
        site_api.data(
            hadewych,
            "mutation($i: addEntityInput!) { addEntity(input: $i) { entity { guid } } }",
            {
                "i": {
                    "subtype": "discussion",
                    "containerGuid": group,
                    "title": f"Gesprek {number}",
                    "richDescription": tiptap("Praat mee."),
                    "accessId": 1,
                }
            },
        )["addEntity"]["entity"]["guid"]
        for number in range(CHANGE_PROBE + 1)
    ]

    report = await sync(demo_site, hadewych, cache_path)

    # Every one of the first marks is new: the pages of changes follow.
    assert report.completed and report.content_new == len(added)
    with Store.open(cache_path) as store:
        assert all(store.blog(guid) is not None for guid in added)
    assert (await sync(demo_site, hadewych, cache_path)).requests == UNCHANGED_REQUESTS


async def test_a_deletion_is_found_by_the_daily_listing_not_by_every_sync(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    doomed = site_api.add_blog(hadewych, group, "Weg ermee", "Zwaluwstaarten verdwijnen.")
    await sync(demo_site, hadewych, cache_path)
    site_api.delete(hadewych, doomed)

    soon = await sync(demo_site, hadewych, cache_path)
    assert soon.completed and soon.blogs_deleted == 0
    assert soon.requests == UNCHANGED_REQUESTS  # no guid is listed
    with Store.open(cache_path) as store:
        assert store.blog(doomed) is not None

    age_last_reconcile(cache_path, days=2)
    next_day = await sync(demo_site, hadewych, cache_path)
    on_site = len(site_api.blogs(hadewych))
    assert next_day.completed and next_day.blogs_deleted == 1
    # The guids in large pages, and the one blog that left them asked for by guid.
    assert next_day.requests == UNCHANGED_REQUESTS + math.ceil(on_site / GUID_PAGE) + 1
    with Store.open(cache_path) as store:
        assert store.blog(doomed) is None
        assert store.search("zwaluwstaarten") == []

    after = await sync(demo_site, hadewych, cache_path)
    assert after.completed and after.requests == UNCHANGED_REQUESTS


async def test_the_daily_count_lists_nothing_when_it_matches(
    demo_site: LocalSite, hadewych: str, cache_path: Path
) -> None:
    await sync(demo_site, hadewych, cache_path)
    age_last_reconcile(cache_path, days=2)

    due = await sync(demo_site, hadewych, cache_path)

    # The count comes with the first request; equal to the cache's, nothing is listed.
    assert due.completed and due.requests == UNCHANGED_REQUESTS and due.blogs_deleted == 0
    with Store.open(cache_path) as store:
        assert not reconcile.is_due(store)


async def test_opening_a_blog_finds_it_deleted_or_changed_at_once(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    doomed = site_api.add_blog(hadewych, group, "Weg ermee", "Zwaluwstaarten verdwijnen.")
    edited = site_api.add_blog(hadewych, group, "Eerste versie", "Blijft staan.")
    await sync(demo_site, hadewych, cache_path)
    site_api.delete(hadewych, doomed)
    site_api.edit_title(hadewych, edited, "Tweede versie")

    assert await refresh_opened_blog(demo_site.url, hadewych, cache_path, doomed) is None
    async with PleioClient(demo_site.url, hadewych, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            fresh = await refresh_blog(client, store, edited)
            assert store.blog(doomed) is None
            assert store.search("zwaluwstaarten") == []
            cached = store.blog(edited)
    assert fresh is not None and fresh.title == "Tweede versie"
    assert cached is not None and cached.title == "Tweede versie"


class StopsTheSite(RequestCounter):
    """Stops the site before request number `after` + 1 leaves."""

    def __init__(self, site: LocalSite, after: int) -> None:
        super().__init__()
        self.site, self.after = site, after

    async def __call__(self, request: Awaitable[T]) -> T:
        if self.requests == self.after:
            self.site.stop()
        return await super().__call__(request)


async def test_a_listing_cut_short_resumes_where_it_stopped(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    group = site_api.group_guid(hadewych, SEED_GROUP)
    doomed = site_api.add_blog(hadewych, group, "Weg ermee", "Zwaluwstaarten verdwijnen.")
    await sync(demo_site, hadewych, cache_path)
    site_api.delete(hadewych, doomed)
    small = 2
    pages = math.ceil(len(site_api.blogs(hadewych)) / small)
    assert pages > 3
    age_last_reconcile(cache_path)

    cut = StopsTheSite(demo_site, after=2)
    async with PleioClient(demo_site.url, hadewych, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store, pytest.raises(OfflineError):
            await reconcile.differences(client, store, cut, small)
    demo_site.start()

    resumed = await sync(demo_site, hadewych, cache_path, guid_page=small)

    assert resumed.completed and resumed.blogs_deleted == 1
    assert resumed.requests == UNCHANGED_REQUESTS + (pages - 2) + 1
    with Store.open(cache_path) as store:
        assert store.blog(doomed) is None
        assert store.get_watermark(reconcile.RECONCILING) is None
