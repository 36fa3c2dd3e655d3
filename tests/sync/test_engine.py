"""The sync against the real local site: a first full download, cheap incremental
syncs that still see edits, comments and deletions, and reading with the site gone."""

from __future__ import annotations

from pathlib import Path

import httpx
from sync_helpers import OPEN_GROUP, SEED_BLOG, SEED_GROUP, SiteApi, age_last_reconcile, run_sync

from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import StopReason
from pleio_tui.sync.freshness import thread_size

UNCHANGED_SYNC_REQUESTS = 7
"""viewer, site, one page of groups, the newest page by timeUpdated and by lastAction,
the newest notifications, and one for the kinds beside blogs."""


async def test_first_sync_fills_the_cache(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    report = await run_sync(demo_site.url, hadewych, cache_path)

    assert report.completed and report.full
    on_site = {blog["guid"]: blog for blog in site_api.blogs(hadewych)}
    with Store.open(cache_path) as store:
        assert store.feed(None, "blog").count() == len(on_site) == report.blogs_new
        groups = store.groups()
        names = {row.name for row in groups.window(0, groups.count())}
        assert {SEED_GROUP, OPEN_GROUP} <= names
        assert store.load_viewer() is not None and store.load_site() is not None
        threads = {guid: store.blog(guid) for guid in on_site}
    for guid, cached in threads.items():
        assert cached is not None and cached.comments is not None
        assert thread_size(cached.comments) == on_site[guid]["commentCount"]
    assert any(comment.replies for blog in threads.values() for comment in blog.comments or ())
    # The threads of the other kinds (discussions, questions, ...) count as well.
    with Store.open(cache_path) as store:
        every = [store.blog(guid) for (guid,) in store._conn.execute("SELECT guid FROM blogs")]
    assert report.comments == sum(thread_size(item.comments) for item in every if item)
    assert report.comments > sum(blog["commentCount"] for blog in on_site.values())
    assert report.content_new == len(every) - len(on_site)


async def test_search_finds_a_body_word_with_the_site_stopped(
    demo_site: LocalSite, hadewych: str, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    demo_site.stop()

    with Store.open(cache_path) as store:
        hits = store.search("energieke samenleving")
    assert [hit.title for hit in hits][:1] == [SEED_BLOG]


async def test_an_unchanged_site_costs_a_handful_of_requests(
    demo_site: LocalSite, hadewych: str, cache_path: Path
) -> None:
    await run_sync(demo_site.url, hadewych, cache_path)
    sent: list[httpx.Request] = []

    async def seen(request: httpx.Request) -> None:
        sent.append(request)

    async with httpx.AsyncClient(event_hooks={"request": [seen]}) as http:
        report = await run_sync(demo_site.url, hadewych, cache_path, http=http)

    assert report.completed and not report.full
    assert (report.blogs_new, report.blogs_updated, report.blogs_deleted) == (0, 0, 0)
    assert report.requests == len(sent) <= UNCHANGED_SYNC_REQUESTS


async def test_edits_comments_and_deletions_show_up_after_an_incremental_sync(
    demo_site: LocalSite, hadewych: str, jan_session: str, site_api: SiteApi, cache_path: Path
) -> None:
    await run_sync(demo_site.url, jan_session, cache_path)
    group = site_api.group_guid(hadewych, SEED_GROUP)
    edited = site_api.blog_guid(hadewych, SEED_BLOG)
    doomed = site_api.add_blog(hadewych, group, "Weg ermee", "Dit blijft niet lang staan.")
    await run_sync(demo_site.url, jan_session, cache_path)
    with Store.open(cache_path) as store:
        assert store.blog(doomed) is not None
        commented = next(
            row.guid
            for row in store.feed(None, "blog").window(0, 50)
            if row.guid not in (edited, doomed)
        )

    site_api.edit_title(hadewych, edited, "Leren door doen, herzien")
    comment = site_api.add_comment(hadewych, commented, "Een nieuwe gedachte over zwaluwstaarten")
    site_api.delete(hadewych, doomed)
    age_last_reconcile(cache_path)  # deletions are looked for once a day
    report = await run_sync(demo_site.url, jan_session, cache_path)

    assert report.completed and not report.full
    assert (report.blogs_updated, report.blogs_deleted) == (2, 1)
    with Store.open(cache_path) as store:
        edited_blog = store.blog(edited)
        assert edited_blog is not None and edited_blog.title == "Leren door doen, herzien"
        commented_blog = store.blog(commented)
        assert commented_blog is not None and commented_blog.comments is not None
        assert comment in {c.guid for c in commented_blog.comments}
        assert store.blog(doomed) is None
        assert [hit.blog_guid for hit in store.search("zwaluwstaarten")] == [commented]


async def test_a_stopped_site_ends_the_sync_cleanly(
    demo_site: LocalSite, hadewych: str, cache_path: Path
) -> None:
    url = demo_site.url
    await run_sync(url, hadewych, cache_path)
    demo_site.stop()

    report = await run_sync(url, hadewych, cache_path)

    assert report.stopped == StopReason.OFFLINE
    with Store.open(cache_path) as store:
        assert store.feed(None, "blog").count() > 0


async def test_an_unknown_session_stops_the_sync_as_expired(
    demo_site: LocalSite, cache_path: Path
) -> None:
    report = await run_sync(demo_site.url, "not-a-real-session", cache_path)

    assert report.stopped == StopReason.SESSION_EXPIRED
