"""What the first request of an incremental sync tells apart: a group left or a
notification read on the website brings them in again, an unchanged site is
not written to at all."""

from __future__ import annotations

from pathlib import Path

from sync_helpers import FAST_RETRY, SiteApi

from pleio_tui.api import PleioClient
from pleio_tui.models import Membership
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import SyncEngine, SyncReport

LEAVE = "mutation($input: leaveGroupInput!) { leaveGroup(input: $input) { group { guid } } }"
LEFT = "Open overheid in de praktijk"
UNREAD = "query { notifications(limit: 100, unread: true) { edges { id } } }"
READ = "mutation($input: markAsReadInput!) { markAsRead(input: $input) { success } }"


async def sync(site: LocalSite, session: str, cache_path: Path) -> SyncReport:
    async with PleioClient(site.url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            return await SyncEngine(client, store).run()


async def test_a_group_left_on_the_website_is_left_after_the_next_sync(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await sync(demo_site, hadewych, cache_path)
    group = site_api.group_guid(hadewych, LEFT)
    with Store.open(cache_path) as store:
        cached = store.group(group)
    assert cached is not None and cached.membership == Membership.JOINED
    site_api.data(hadewych, LEAVE, {"input": {"guid": group}})

    report = await sync(demo_site, hadewych, cache_path)

    # The first request shows the membership changed; the groups follow in full.
    assert report.completed and report.requests == 2
    with Store.open(cache_path) as store:
        left = store.group(group)
    assert left is not None and left.membership == Membership.NOT_JOINED


async def test_a_notification_read_on_the_website_is_read_after_the_next_sync(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    await sync(demo_site, hadewych, cache_path)
    with Store.open(cache_path) as store:
        unread = store.unread_notification_count()
    assert unread > 0
    first = site_api.data(hadewych, UNREAD)["notifications"]["edges"][0]["id"]
    site_api.data(hadewych, READ, {"input": {"id": first}})

    report = await sync(demo_site, hadewych, cache_path)

    assert report.completed and report.requests == 2
    with Store.open(cache_path) as store:
        assert store.unread_notification_count() == unread - 1
        read = store.notification(first)
    assert read is not None and not read.is_unread


async def test_a_sync_of_an_unchanged_site_does_not_write_to_the_cache(
    demo_site: LocalSite, hadewych: str, cache_path: Path
) -> None:
    await sync(demo_site, hadewych, cache_path)
    await sync(demo_site, hadewych, cache_path)
    before = cache_path.stat()

    report = await sync(demo_site, hadewych, cache_path)

    after = cache_path.stat()
    assert report.completed and report.requests == 1
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert not cache_path.with_name(cache_path.name + "-wal").exists()
