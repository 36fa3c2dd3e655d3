"""Bringing the cache's set of blogs in line with the site's: Pleio has no
"deleted since", so a difference in counts is the only cheap sign of a deletion,
and the bare guids of every readable blog settle which ones left the listings.

A blog can leave them by being deleted, archived or put out of reach, or only
seem to: Pleio orders on one key without a tie-breaker, so blogs created at the
same moment may trade places between two pages and one of them be seen on
neither. The site is asked about each blog that seems gone (see the engine)."""

from __future__ import annotations

from collections.abc import Iterator

from pleio_tui.api import PleioClient
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter

GUID_PAGE_SIZE = 500
GUID_PASSES = 4
"""Passes over the guid listing at most, while it comes up short of its total."""
CACHE_WINDOW = 1000


def cached_blog_count(store: Store) -> int:
    """The cached blogs the site should list: archived ones it lists no more."""
    return store.feed(None).count() - store.archived_blog_count()


def _cached_guids(store: Store) -> Iterator[str]:
    feed = store.feed(None)
    offset = 0
    while rows := feed.window(offset, CACHE_WINDOW):
        yield from (row.guid for row in rows)
        offset += len(rows)


async def site_blog_guids(
    client: PleioClient, count: RequestCounter, page_size: int = GUID_PAGE_SIZE
) -> set[str]:
    """The guid of every blog the site lists. Ties shuffled across page borders can
    hide a blog from one pass; another pass, in another order, finds it."""
    guids: set[str] = set()
    for _ in range(GUID_PASSES):
        before = len(guids)
        total = await _one_pass(client, count, guids, page_size)
        if len(guids) >= total or len(guids) == before:
            break
    return guids


async def _one_pass(
    client: PleioClient, count: RequestCounter, guids: set[str], page_size: int
) -> int:
    offset = 0
    while True:
        page = await count(client.blog_guids(offset, page_size))
        guids.update(page.items)
        offset += page_size
        if not page.items or offset >= page.total:
            return page.total


async def differences(
    client: PleioClient, store: Store, count: RequestCounter, page_size: int = GUID_PAGE_SIZE
) -> tuple[set[str], set[str]]:
    """(cached and listed before, but not listed now; listed, but not cached as listed).

    Archived blogs are not expected in the listing; one that is there again is
    among the second set, to be fetched again."""
    on_site = await site_blog_guids(client, count, page_size)
    cached = set(_cached_guids(store)) - store.archived_blog_guids()
    return cached - on_site, on_site - cached
