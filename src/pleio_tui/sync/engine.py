"""The sync: the outbox out first, then whatever changed on the site in.

Pleio pages with offset/limit and has no "changed since" filter. Every sync
starts with one request that asks all its questions at once (api/changes.py):
the viewer, the site, the groups, the newest few items of every kind by
`timeUpdated` (edits, new posts) and by `lastAction` (new comments) as change
marks, and the newest notification. On an unchanged site that is all; when
those marks show every change (change_probe.py), only the changed items follow.

The first sync downloads every readable blog with its comments, a page per
request, a few requests at a time, saved a few pages to a transaction as they
arrive. Later syncs that need more than the first marks walk the pages of marks,
a page at a time, until a page holds nothing new, and fetch each changed blog
with its thread.
Deletions are not looked for on every sync: an opened blog is asked for on its
own (reconcile.refresh_blog), and once a day the site's count is asked for and,
when it differs from the cache's, every guid is listed (see reconcile.py).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
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
from pleio_tui.api.changes import CHANGE_PROBE, ChangeMark, Changes
from pleio_tui.api.client import OrderBy
from pleio_tui.api.errors import NotLoggedInError
from pleio_tui.models import Blog, OutboxState, Page
from pleio_tui.store import Store
from pleio_tui.sync import reconcile
from pleio_tui.sync.change_probe import ProbeVerdict, read_probe
from pleio_tui.sync.concurrency import as_they_arrive
from pleio_tui.sync.content_sync import ContentSync, ContentTally
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
from pleio_tui.sync.group_sync import sync_groups
from pleio_tui.sync.notifications import sync_notifications
from pleio_tui.sync.outbox import OutboxReplayer
from pleio_tui.sync.reconcile import GUID_PAGE_SIZE, RECONCILE_INTERVAL

FULL_SYNC_DONE = "sync.full_completed_at"
"""Set when a full download finished: until then every sync is a full one."""
LAST_SYNC_DONE = "sync.completed_at"
"""When the last sync that saved anything ended: a sync of an unchanged site
writes nothing (the cache file's first write and the checkpoint when it is
closed cost several times the request)."""
CHANGES_CAUGHT_UP = "sync.changes_caught_up"
"""Set while the cache holds every change the last incremental sync listed: the
next one may stop at the first page that holds a blog the cache has as it is."""
NOTIFICATIONS_SEEN = "sync.notifications_mark"
"""The site's notification counts and newest one when they were last fetched:
while the site shows the same, the cached page is as the site's."""
BLOG_PAGE_SIZE = 50
PAGES_PER_SAVE = 10
"""A first sync saves this many pages in one transaction: each transaction writes
again every index page its rows touch (random guids touch most of them). At
10,000 blogs, a transaction a page wrote 1.4 GB for a 73 MB cache; ten pages to
a transaction, 0.43 GB."""
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
    content: ContentTally = field(default_factory=ContentTally)
    saved: bool = False


def next_page_offset(items: Sequence[Blog | ChangeMark], page_size: int, order: OrderBy) -> int:
    """How far the next page starts. Pleio orders on one key without a tie-breaker:
    blogs with the same time as the page's last may lie on either side of the page
    border, differently for each request. The next page starts at the first of them,
    so that one request shows them all (unless they fill a page)."""
    if order != "timeUpdated" or len(items) < page_size:
        return page_size
    last = items[-1].time_updated
    first_tied = next(index for index, blog in enumerate(items) if blog.time_updated == last)
    return first_tied or page_size


def _by_kind(tally: _Tally) -> tuple[tuple[str, int], ...]:
    counts = tally.content.new_by_kind.copy()
    if tally.new:
        counts["blog"] += tally.new
    return tuple(counts.most_common())


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
        probe: int = CHANGE_PROBE,
    ) -> None:
        self._client = client
        self._store = store
        self._concurrency = concurrency
        self._page_size = page_size
        self._on_progress = on_progress
        self._replay_outbox = replay_outbox
        self._guid_page_size = guid_page_size
        self._reconcile_interval = reconcile_interval
        self._probe = probe
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
        viewer = self._store.load_viewer()
        for_others = self._store.waiting_for_others(
            None if viewer is None or viewer.user is None else viewer.user.guid
        )
        return SyncReport(
            groups=tally.groups,
            blogs_new=tally.new,
            blogs_updated=tally.updated,
            blogs_deleted=tally.deleted,
            content_new=tally.content.new,
            content_updated=tally.content.updated,
            content_deleted=tally.content.deleted,
            new_by_kind=_by_kind(tally),
            comments=tally.comments + tally.content.comments,
            outbox=tuple(tally.outbox),
            outbox_waiting=counts[OutboxState.PENDING] + counts[OutboxState.SENDING],
            outbox_busy=tally.outbox_busy,
            outbox_for_others=tuple(for_others),
            notifications_new=tally.notifications,
            requests=self._count.requests,
            duration=time.monotonic() - started,
            full=full,
            stopped=stopped,
            stop_detail=detail,
        )

    async def _sync(self, tally: _Tally, full: bool) -> None:
        self._progress(SyncPhase.SITE, 0, 1)
        count_due = (
            full
            or reconcile.under_way(self._store)
            or reconcile.is_due(self._store, self._reconcile_interval)
        )
        # The site's settings and the groups in full: the first time, or daily.
        details = full or count_due or self._store.load_site() is None
        changes = await self._changes(count_due and not full, details, tally)
        viewer = changes.viewer
        if self._replay_outbox and viewer.user is not None:
            await self._replay(viewer.user.guid, tally)
            if tally.outbox:
                # What was just sent changed the site after the question was asked.
                changes = await self._changes(count_due and not full, details, tally)
        await self._sync_groups(changes, tally)
        verdict: ProbeVerdict | None = None
        catching_up = False
        if full:
            site_total: int | None = await self._download_all(tally)
        else:
            verdict, catching_up = await self._fetch_changes(changes, tally)
            site_total = changes.blog_total
        await self._reconcile(site_total, tally)
        if viewer.user is not None and changes.notifications is not None:
            await self._sync_notifications(str(changes.notifications), tally)
        tally.saved |= await self._sync_content(changes, verdict, tally)
        now = datetime.now(UTC).isoformat()
        if catching_up:
            self._store.set_watermark(CHANGES_CAUGHT_UP, now)
        if full:
            # Every blog was just listed: as good as a reconcile.
            reconcile.finish(self._store)
            self._store.set_watermark(FULL_SYNC_DONE, now)
        if full or tally.saved or tally.outbox:
            self._store.set_watermark(LAST_SYNC_DONE, now)

    async def _changes(self, with_totals: bool, with_details: bool, tally: _Tally) -> Changes:
        """The one request every sync starts with; the viewer and the site saved."""
        try:
            changes = await self._count(
                self._client.changes(
                    probe=self._probe, with_totals=with_totals, with_details=with_details
                )
            )
        except NotLoggedInError as exc:
            if self._client.has_session:
                raise SessionExpiredError("the site does not know this session") from exc
            raise
        if changes.viewer.user is None and self._client.has_session:
            raise SessionExpiredError("the site does not know this session")
        # Written only when they changed: a write costs more than the request.
        if self._store.load_viewer() != changes.viewer:
            self._store.save_viewer(changes.viewer)
            tally.saved = True
        # Before the outbox: a new post takes the site's default access from it.
        if changes.site is not None and self._store.load_site() != changes.site:
            self._store.save_site(changes.site)
            tally.saved = True
        return changes

    async def _sync_notifications(self, mark: str, tally: _Tally) -> None:
        """The newest notifications, unless the site shows them as they were."""
        if self._store.get_watermark(NOTIFICATIONS_SEEN) == mark:
            return
        tally.notifications = await sync_notifications(self._client, self._store, self._count)
        self._store.set_watermark(NOTIFICATIONS_SEEN, mark)
        tally.saved = True

    async def _sync_content(
        self, changes: Changes, verdict: ProbeVerdict | None, tally: _Tally
    ) -> bool:
        """Discussions, questions, events and the other kinds beside blogs;
        whether any was saved or forgotten."""
        self._progress(SyncPhase.CHANGES, 0, 0)
        content = ContentSync(
            self._client,
            self._store,
            self._count,
            concurrency=self._concurrency,
            page_size=self._page_size,
        )
        # Counted apart from the blogs, whose numbers the site's blog count checks.
        tally.content = content.tally
        done = await content.run(changes, verdict)
        return bool(done.new or done.updated or done.deleted)

    async def _replay(self, viewer_guid: str, tally: _Tally) -> None:
        self._progress(SyncPhase.OUTBOX, 0, 0)
        replayer = OutboxReplayer(
            self._client, self._store, count=self._count, viewer_guid=viewer_guid
        )
        tally.outbox = await replayer.replay()
        tally.outbox_busy = replayer.busy
        if replayer.stopped_by is not None:
            raise replayer.stopped_by

    async def _sync_groups(self, changes: Changes, tally: _Tally) -> None:
        seen, saved = await sync_groups(self._client, self._store, self._count, changes)
        tally.groups += seen
        tally.saved |= saved
        self._progress(SyncPhase.GROUPS, seen, seen)

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

    async def _fetch_changes(self, changes: Changes, tally: _Tally) -> tuple[ProbeVerdict, bool]:
        """The changed blogs: those the first marks show, when they show every
        change; else newest first by each order at once until a page matches the
        cache (a whole page, unless the last sync caught up: then a blog the cache
        holds as it is ends the walk, for all older changes were seen). Returns
        what the marks showed, and whether the sync catches up once the other
        kinds are saved too."""
        caught_up = self._store.get_watermark(CHANGES_CAUGHT_UP) is not None
        verdict = read_probe(self._store, changes, self._probe, caught_up)
        changed = set(verdict.blogs)
        newest = (changes.newest_by_update, changes.newest_by_action)
        walks = (
            self._walk(order, marks, changed, caught_up)
            for order, marks, shown in zip(
                CHANGE_ORDERS, newest, verdict.shown_by_order, strict=True
            )
            if not shown
        )
        await _together(*walks)
        if caught_up and verdict.complete and len(changed) + len(verdict.content) <= 1:
            # Nothing, or one item saved in one transaction or not at all. Unsaved,
            # it stays stale, and only items changed later can come before it in
            # the order that showed it (all stale then): the next sync sees it again.
            if changed:
                tally.saved = True
                await self._fetch_blogs(changed, tally, SyncPhase.CHANGES)
            return verdict, False
        # Not caught up while the changes are saved: a sync cut short then must
        # not stop at the first item it finds as it is.
        tally.saved = True
        self._store.delete_watermark(CHANGES_CAUGHT_UP)
        await self._fetch_blogs(changed, tally, SyncPhase.CHANGES)
        return verdict, True

    async def _walk(
        self, order: OrderBy, newest: tuple[ChangeMark, ...], changed: set[str], caught_up: bool
    ) -> None:
        """Add the blogs that changed by one order to `changed`, a page of marks at a
        time, after the `newest` of every kind by that order."""
        offset, size = 0, self._page_size
        if all(mark.is_blog for mark in newest):
            # The newest of every kind are all blogs: the top of the blogs' order too.
            offset = next_page_offset(newest, self._probe, order)
        while True:
            self._progress(SyncPhase.CHANGES, offset, 0)
            marks = await self._count(self._client.blog_marks(offset, size, order))
            # By what is stale, not what is new to `changed`: the other order's
            # walk runs at the same time and may have seen these blogs first.
            stale = stale_guids(self._store, marks)
            changed |= stale
            holds_unchanged = len(stale) < len(marks)
            if not stale or len(marks) < size or (caught_up and holds_unchanged):
                return
            offset += next_page_offset(marks, size, order)

    async def _reconcile(self, site_total: int | None, tally: _Tally) -> None:
        """List every guid when the daily count differs from the cache's, or to
        finish a listing that stopped halfway. `site_total` is None when the
        count was not asked for (it is not due)."""
        if not reconcile.under_way(self._store):
            if site_total is None:
                return
            if self._store.listed_blog_count() == site_total:
                reconcile.checked(self._store)
                tally.saved = True
                return
        self._progress(SyncPhase.DELETIONS, 0, 0)
        tally.saved = True
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
