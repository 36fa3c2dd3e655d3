"""Bringing the cache's set of blogs in line with the site's: Pleio has no
"deleted since", so a difference in counts is the only cheap sign of a deletion,
and the bare guids of every readable blog settle which ones went."""

from __future__ import annotations

from collections.abc import Iterator

from pleio_tui.api import PleioClient
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter

GUID_PAGE_SIZE = 500
CACHE_WINDOW = 1000


def cached_blog_count(store: Store) -> int:
    return store.feed(None).count()


def _cached_guids(store: Store) -> Iterator[str]:
    feed = store.feed(None)
    offset = 0
    while rows := feed.window(offset, CACHE_WINDOW):
        yield from (row.guid for row in rows)
        offset += len(rows)


async def site_blog_guids(client: PleioClient, count: RequestCounter) -> set[str]:
    guids: set[str] = set()
    offset = 0
    while True:
        page = await count(client.blog_guids(offset, GUID_PAGE_SIZE))
        guids.update(page.items)
        offset += GUID_PAGE_SIZE
        if not page.items or offset >= page.total:
            return guids


async def differences(
    client: PleioClient, store: Store, count: RequestCounter
) -> tuple[set[str], set[str]]:
    """(cached but gone from the site, on the site but not cached)."""
    on_site = await site_blog_guids(client, count)
    cached = set(_cached_guids(store))
    return cached - on_site, on_site - cached
