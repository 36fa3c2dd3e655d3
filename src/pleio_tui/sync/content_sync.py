"""Syncing every kind of content beside blogs (discussions, questions, events,
wiki pages, news, status updates, files, folders) into the cache.

The first time, every page, each item with its thread. Later, only the items
the sync's first request shows changed, when it shows every change
(change_probe.py); else the newest pages by both orders until a page holds
nothing new; what a page shows changed is saved from the page itself (it
carries the thread). When the site's count (asked for by those pages,
or once a day) and the cache's differ, the guids are listed, and each one that
seems gone is asked for on its own before it is forgotten."""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from pleio_tui.api import NotAllowedError, NotFoundError, PleioClient
from pleio_tui.api.changes import Changes
from pleio_tui.models import Blog, Page
from pleio_tui.store import Store
from pleio_tui.sync.change_probe import ProbeVerdict
from pleio_tui.sync.concurrency import as_they_arrive
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.freshness import stale_guids, thread_size

CONTENT_FULL_DONE = "sync.content_full_completed_at"
"""Set when every item of the kinds beside blogs was downloaded once."""
CONTENT_PAGE_SIZE = 50
CONTENT_GUID_PAGE_SIZE = 2000
CHANGES_PAGE_SIZE = 25
"""Per order: two lists of this many items make one request."""


@dataclass
class ContentTally:
    new: int = 0
    updated: int = 0
    deleted: int = 0
    comments: int = 0
    new_by_kind: Counter[str] = field(default_factory=Counter)


class ContentSync:
    """One pass over the kinds beside blogs; made and run by the SyncEngine."""

    def __init__(
        self,
        client: PleioClient,
        store: Store,
        count: RequestCounter,
        *,
        concurrency: int = 4,
        page_size: int = CONTENT_PAGE_SIZE,
    ) -> None:
        self._client = client
        self._store = store
        self._count = count
        self._concurrency = concurrency
        self._page_size = page_size
        self.tally = ContentTally()

    async def run(self, changes: Changes, verdict: ProbeVerdict | None) -> ContentTally:
        """`changes`: the sync's first answer; `verdict`: what its marks showed
        (None: not read, as in a first sync)."""
        if self._store.get_watermark(CONTENT_FULL_DONE) is None:
            await self._download_all()
            self._store.set_watermark(CONTENT_FULL_DONE, datetime.now(UTC).isoformat())
            return self.tally
        site_total = changes.content_total
        if verdict is None or not verdict.complete:
            site_total = await self._walk()
        else:
            for guid in sorted(verdict.content):
                await self._refresh(guid, counted=True)
        if site_total is not None and self._store.content_count() != site_total:
            await self._reconcile()
        return self.tally

    async def _download_all(self) -> None:
        size = self._page_size
        first = await self._count(self._client.content_page(0, size))
        self._save(first)
        calls = [self._page_call(offset) for offset in range(size, first.total, size)]
        async for page in as_they_arrive(calls, self._concurrency):
            self._save(page)

    def _page_call(self, offset: int) -> Callable[[], Awaitable[Page[Blog]]]:
        return lambda: self._count(self._client.content_page(offset, self._page_size))

    async def _walk(self) -> int:
        """Save what changed, newest first by both orders at once, until a page
        holds nothing new; returns the site's count."""
        offset = 0
        while True:
            by_update, by_action = await self._count(
                self._client.content_changes(offset, CHANGES_PAGE_SIZE)
            )
            items = {item.guid: item for item in (*by_update.items, *by_action.items)}
            stale = stale_guids(self._store, items.values())
            self._save(Page(by_update.total, tuple(items[guid] for guid in sorted(stale))))
            offset += CHANGES_PAGE_SIZE
            if not stale or offset >= by_update.total:
                return by_update.total

    async def _reconcile(self) -> None:
        listed: set[str] = set()
        offset = 0
        while True:
            page = await self._count(self._client.content_guids(offset, CONTENT_GUID_PAGE_SIZE))
            listed.update(page.items)
            offset += CONTENT_GUID_PAGE_SIZE
            if not page.items or offset >= page.total:
                break
        # Asked for one by one: gone, archived, or only shuffled past by paging.
        for guid in sorted(self._store.content_guids() - listed):
            await self._refresh(guid, counted=False)

    async def _refresh(self, guid: str, *, counted: bool) -> None:
        """One item asked for on its own and saved (`counted` as new or changed),
        or forgotten when it is gone."""
        try:
            item = await self._count(self._client.content_item(guid))
        except (NotFoundError, NotAllowedError):
            item = None
        if item is not None and counted:
            self._save(Page(1, (item,)))
        elif item is not None:
            self._store.upsert_blogs((item,))
        elif self._store.last_action(guid) is not None:
            self._store.delete_blogs([guid])
            self.tally.deleted += 1

    def _save(self, page: Page[Blog]) -> None:
        known = self._store.blog_freshness(item.guid for item in page.items)
        for item in page.items:
            if item.guid in known:
                self.tally.updated += 1
            else:
                self.tally.new += 1
                self.tally.new_by_kind[item.subtype] += 1
            self.tally.comments += thread_size(item.comments)
        if page.items:
            self._store.upsert_blogs(page.items)
