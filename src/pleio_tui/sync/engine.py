"""The sync: the outbox out first, then whatever changed on the site in.

Pleio pages with offset/limit and has no "changed since" filter. The first sync
downloads every readable blog with its comments, a page per request, a few
requests at a time, saved a few pages to a transaction as they arrive. Later
syncs read the newest pages by `timeUpdated` (edits, new posts) and by
`lastAction` (new comments) until a page holds nothing new, and look for
deletions only when the site's count and the cache's disagree, by listing every
guid at most once a day (see reconcile.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pleio_tui.api import (
    NotAllowedError,
    NotFoundError,
    OfflineError,
    PleioClient,
    SessionExpiredError,
)
from pleio_tui.api.client import OrderBy
from pleio_tui.models import Blog, OutboxState, Page, Viewer
from pleio_tui.store import Store
from pleio_tui.sync import reconcile
from pleio_tui.sync.concurrency import as_they_arrive
from pleio_tui.sync.content_sync import ContentSync
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.events import (
    OutboxOutcome,
    ProgressCallback,
    StopReason,
    SyncPhase,
    SyncProgress,
    SyncReport,
)
from pleio_tui.sync.freshness import differs, is_cached, stale_guids, thread_size
from pleio_tui.sync.notifications import sync_notifications
from pleio_tui.sync.outbox import OutboxReplayer
from pleio_tui.sync.reconcile import GUID_PAGE_SIZE, RECONCILE_INTERVAL

FULL_SYNC_DONE = "sync.full_completed_at"
"""Set when a full download finished: until then every sync is a full one."""
LAST_SYNC_DONE = "sync.completed_at"
CHANGES_CAUGHT_UP = "sync.changes_caught_up"
"""Set while the cache holds every change the last incremental sync listed: the
next one may stop at the first page that holds a blog the cache has as it is."""
BLOG_PAGE_SIZE = 50
PAGES_PER_SAVE = 10
"""A first sync saves this many pages in one transaction: each transaction writes
again every index page its rows touch (random guids touch most of them). At
10,000 blogs, a transaction a page wrote 1.4 GB for a 73 MB cache; ten pages to
a transaction, 0.43 GB."""
GROUP_PAGE_SIZE = 100
CHANGE_ORDERS: tuple[OrderBy, ...] = ("timeUpdated", "lastAction")


@dataclass
class _Tally:
    groups: int = 0
    new: int = 0
    updated: int = 0
    deleted: int = 0
    comments: int = 0
    outbox: list[OutboxOutcome] = field(default_factory=list)
    outbox_busy: bool = False
    notifications: int = 0


def next_page_offset(items: tuple[Blog, ...], page_size: int, order: OrderBy) -> int:
    """How far the next page starts. Pleio orders on one key without a tie-breaker:
    blogs with the same time as the page's last may lie on either side of the page
    border, differently for each request. The next page starts at the first of them,
    so that one request shows them all (unless they fill a page)."""
    if order != "timeUpdated" or len(items) < page_size:
        return page_size
    last = items[-1].time_updated
    first_tied = next(index for index, blog in enumerate(items) if blog.time_updated == last)
    return first_tied or page_size


async def _together(*steps: Awaitable[Any]) -> list[Any]:
    """Run `steps` at once; when all have ended, raise the first error if any."""
    results = await asyncio.gather(*steps, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


class SyncEngine:
    """One sync of one site into its cache. Create it, and the client and Store
    it uses, in the thread and event loop that runs it."""

    def __init__(
        self,
        client: PleioClient,
        store: Store,
        *,
        concurrency: int = 4,
        page_size: int = BLOG_PAGE_SIZE,
        on_progress: ProgressCallback | None = None,
        replay_outbox: bool = True,
        guid_page_size: int = GUID_PAGE_SIZE,
        reconcile_interval: timedelta = RECONCILE_INTERVAL,
    ) -> None:
        self._client = client
        self._store = store
        self._concurrency = concurrency
        self._page_size = page_size
        self._on_progress = on_progress
        self._replay_outbox = replay_outbox
        self._guid_page_size = guid_page_size
        self._reconcile_interval = reconcile_interval
        self._count = RequestCounter()

    async def run(self) -> SyncReport:
        """Sync once. No network or an expired session ends it early, with the
        reason in the report; everything saved until then stays."""
        started = time.monotonic()
        self._count = RequestCounter()
        tally = _Tally()
        full = self._store.get_watermark(FULL_SYNC_DONE) is None
        stopped: StopReason | None = None
        detail = ""
        try:
            await self._sync(tally, full)
        except SessionExpiredError as exc:
            stopped, detail = StopReason.SESSION_EXPIRED, str(exc)
        except OfflineError as exc:
            stopped, detail = StopReason.OFFLINE, exc.reason
        counts = self._store.outbox_counts()
        return SyncReport(
            groups=tally.groups,
            blogs_new=tally.new,
            blogs_updated=tally.updated,
            blogs_deleted=tally.deleted,
            comments=tally.comments,
            outbox=tuple(tally.outbox),
            outbox_waiting=counts[OutboxState.PENDING] + counts[OutboxState.SENDING],
            outbox_busy=tally.outbox_busy,
            notifications_new=tally.notifications,
            requests=self._count.requests,
            duration=time.monotonic() - started,
            full=full,
            stopped=stopped,
            stop_detail=detail,
        )

    async def _sync(self, tally: _Tally, full: bool) -> None:
        self._progress(SyncPhase.SITE, 0, 1)
        viewer, site = await _together(self._viewer(), self._count(self._client.site()))
        # Before the outbox: a new post takes the site's default access from it.
        self._store.save_site(site)
        if self._replay_outbox and viewer.user is not None:
            await self._replay(viewer.user.guid, tally)
        if full:
            await self._sync_groups(tally)
            site_total = await self._download_all(tally)
        else:
            _, site_total = await _together(self._sync_groups(tally), self._fetch_changes(tally))
        await self._reconcile(site_total, tally)
        if viewer.user is not None:
            tally.notifications = await sync_notifications(self._client, self._store, self._count)
        await self._sync_content()
        now = datetime.now(UTC).isoformat()
        if full:
            # Every blog was just listed: as good as a reconcile.
            reconcile.finish(self._store)
            self._store.set_watermark(FULL_SYNC_DONE, now)
        self._store.set_watermark(LAST_SYNC_DONE, now)

    async def _sync_content(self) -> None:
        """Discussions, questions, events and the other kinds beside blogs."""
        self._progress(SyncPhase.CHANGES, 0, 0)
        content = ContentSync(
            self._client,
            self._store,
            self._count,
            concurrency=self._concurrency,
            page_size=self._page_size,
        )
        # Counted apart: the report's numbers are the blogs', as the site counts them.
        await content.run()

    async def _viewer(self) -> Viewer:
        viewer = await self._count(self._client.viewer())
        if viewer.user is None and self._client.has_session:
            raise SessionExpiredError("the site does not know this session")
        self._store.save_viewer(viewer)
        return viewer

    async def _replay(self, viewer_guid: str, tally: _Tally) -> None:
        self._progress(SyncPhase.OUTBOX, 0, 0)
        replayer = OutboxReplayer(
            self._client, self._store, count=self._count, viewer_guid=viewer_guid
        )
        tally.outbox = await replayer.replay()
        tally.outbox_busy = replayer.busy
        if replayer.stopped_by is not None:
            raise replayer.stopped_by

    async def _sync_groups(self, tally: _Tally) -> None:
        offset = 0
        while True:
            page = await self._count(self._client.groups(offset=offset, limit=GROUP_PAGE_SIZE))
            self._store.upsert_groups(page.items)
            tally.groups += len(page.items)
            self._progress(SyncPhase.GROUPS, tally.groups, page.total)
            offset += GROUP_PAGE_SIZE
            if not page.items or offset >= page.total:
                return

    async def _download_all(self, tally: _Tally) -> int:
        """Every readable blog with its thread; returns the site's count."""
        size = self._page_size
        first = await self._count(self._client.blogs_with_threads(0, size))
        self._save(first.items, tally)
        done = len(first.items)
        self._progress(SyncPhase.BLOGS, done, first.total)
        calls = [self._page_call(offset) for offset in range(size, first.total, size)]
        held: list[Blog] = []
        pages_held = 0
        try:
            async for page in as_they_arrive(calls, self._concurrency):
                held.extend(page.items)
                pages_held += 1
                if pages_held >= PAGES_PER_SAVE:
                    batch, held, pages_held = held, [], 0
                    self._save_pages(batch, tally)
                done += len(page.items)
                self._progress(SyncPhase.BLOGS, done, first.total)
        finally:
            # What arrived stays when the download stops (offline, session gone).
            self._save_pages(held, tally)
        return first.total

    def _save_pages(self, blogs: list[Blog], tally: _Tally) -> None:
        """Pages saved together; a blog that two of them list (paging without a
        tie-breaker) is saved once, as the later page has it."""
        if blogs:
            self._save(tuple({blog.guid: blog for blog in blogs}.values()), tally)

    def _page_call(self, offset: int) -> Callable[[], Awaitable[Page[Blog]]]:
        return lambda: self._count(self._client.blogs_with_threads(offset, self._page_size))

    async def _fetch_changes(self, tally: _Tally) -> int:
        """Newest first by each order at once, until a page matches the cache:
        a whole page, unless the last sync caught up (then a blog the cache
        already holds as it is ends the walk, for all older changes were seen)."""
        caught_up = self._store.get_watermark(CHANGES_CAUGHT_UP) is not None
        self._store.delete_watermark(CHANGES_CAUGHT_UP)
        changed: set[str] = set()
        walks = (self._walk(order, changed, caught_up) for order in CHANGE_ORDERS)
        totals = await _together(*walks)
        await self._fetch_blogs(changed, tally, SyncPhase.CHANGES)
        self._store.set_watermark(CHANGES_CAUGHT_UP, datetime.now(UTC).isoformat())
        return int(totals[-1])

    async def _walk(self, order: OrderBy, changed: set[str], caught_up: bool) -> int:
        """Add what changed by one order to `changed`; returns the site's count."""
        offset = 0
        while True:
            self._progress(SyncPhase.CHANGES, offset, 0)
            page = await self._count(
                self._client.blogs(None, offset, self._page_size, order, "desc")
            )
            # By what is stale, not what is new to `changed`: the other order's
            # walk runs at the same time and may have seen these blogs first.
            stale = stale_guids(self._store, page.items)
            changed |= stale
            offset += next_page_offset(page.items, self._page_size, order)
            holds_unchanged = len(stale) < len(page.items)
            if not stale or offset >= page.total or (caught_up and holds_unchanged):
                return page.total

    async def _reconcile(self, site_total: int, tally: _Tally) -> None:
        """List every guid when the counts differ and the last listing is a day
        old, or to finish one that stopped halfway."""
        if not reconcile.under_way(self._store):
            if self._store.listed_blog_count() == site_total:
                return
            if not reconcile.is_due(self._store, self._reconcile_interval):
                return
        self._progress(SyncPhase.DELETIONS, 0, 0)
        gone, missing = await reconcile.differences(
            self._client, self._store, self._count, self._guid_page_size
        )
        # What left the listings is asked for by its guid: deleted or out of reach
        # (forgotten here), archived (kept, marked so), or only missed by paging
        # through blogs with equal times (kept).
        await self._fetch_blogs(gone | missing, tally, SyncPhase.DELETIONS)
        reconcile.finish(self._store)

    async def _fetch_blogs(self, guids: Iterable[str], tally: _Tally, phase: SyncPhase) -> None:
        """Each blog with its thread, saved as it arrives; gone ones are forgotten."""
        wanted = sorted(guids)
        calls = [self._blog_call(guid) for guid in wanted]
        done = 0
        async for guid, blog in as_they_arrive(calls, self._concurrency):
            if blog is not None:
                self._save((blog,), tally)
            elif is_cached(self._store, guid):
                self._store.delete_blogs([guid])
                tally.deleted += 1
            done += 1
            self._progress(phase, done, len(wanted))

    def _blog_call(self, guid: str) -> Callable[[], Awaitable[tuple[str, Blog | None]]]:
        async def fetch() -> tuple[str, Blog | None]:
            try:
                return guid, await self._count(self._client.blog(guid))
            except (NotFoundError, NotAllowedError):
                # Deleted, or in a closed group the user has left.
                return guid, None

        return fetch

    def _save(self, blogs: tuple[Blog, ...], tally: _Tally) -> None:
        """One page in one transaction, counted as new or changed."""
        known = self._store.blog_freshness(blog.guid for blog in blogs)
        for blog in blogs:
            if blog.guid not in known:
                tally.new += 1
            elif differs(known[blog.guid], blog):
                tally.updated += 1
            tally.comments += thread_size(blog.comments)
        self._store.upsert_blogs(blogs)

    def _progress(self, phase: SyncPhase, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(SyncProgress(phase, done, total))
