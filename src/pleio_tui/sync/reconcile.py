"""Bringing the cache's set of blogs in line with the site's: Pleio has no
"deleted since", so a difference in counts is the only cheap sign of a deletion,
and the bare guids of every readable blog settle which ones left the listings.

Counting costs the site a count of every readable blog, so the count is asked
for once a RECONCILE_INTERVAL, with the sync's first request (`checked` when it
matches). Listing every guid costs a request per GUID_PAGE_SIZE blogs, so it
runs only then and only when the counts differ, resumes where it stopped (the
guids seen so far are kept in the cache), and a blog opened in the app is asked
for on its own (`refresh_blog`), which finds a deletion at once.

A blog can leave the listings by being deleted, archived or put out of reach, or
only seem to: Pleio orders on one key without a tie-breaker, so blogs created at
the same moment may trade places between two pages and one of them be seen on
neither. The site is asked about each blog that seems gone (see the engine)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from pleio_tui.api import NotAllowedError, NotFoundError, PleioClient
from pleio_tui.models import Blog
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter

GUID_PAGE_SIZE = 2000
GUID_PASSES = 8
"""Passes over the guid listing at most, while it comes up short of its total: a
blog among many tied ones that span page borders is missed by a pass by chance."""
RECONCILE_INTERVAL = timedelta(days=1)
RECONCILED = "sync.reconciled_at"
"""When the last reconcile finished."""
RECONCILING = "sync.reconcile_progress"
"""`pass offset` of a guid listing under way, or `listed` when the
listing is complete and only the blogs that differ remain to be asked for."""
LISTED = "listed"


def cached_blog_count(store: Store) -> int:
    """The cached blogs the site should list: archived ones it lists no more."""
    return store.listed_blog_count()


def under_way(store: Store) -> bool:
    return store.get_watermark(RECONCILING) is not None


def is_due(store: Store, interval: timedelta = RECONCILE_INTERVAL) -> bool:
    """Whether the last reconcile finished longer than `interval` ago (or never)."""
    last = store.get_watermark(RECONCILED)
    if last is None:
        return True
    try:
        finished = datetime.fromisoformat(last)
    except ValueError:
        return True
    return datetime.now(UTC) - finished >= interval


@dataclass
class _Progress:
    passes: int = 0
    offset: int = 0

    def __str__(self) -> str:
        return f"{self.passes} {self.offset}"


def _progress(store: Store) -> _Progress | None:
    """Where a listing under way stands; None when it is complete."""
    value = store.get_watermark(RECONCILING)
    if value is None:
        store.clear_listed_guids()
        return _Progress()
    if value == LISTED:
        return None
    try:
        passes, offset = (int(part) for part in value.split())
    except ValueError:
        store.clear_listed_guids()
        return _Progress()
    return _Progress(passes, offset)


async def list_site_guids(
    client: PleioClient, store: Store, count: RequestCounter, page_size: int = GUID_PAGE_SIZE
) -> None:
    """Every guid the site lists, into the cache's listed guids, a page at a time,
    from where an earlier listing stopped. Ties shuffled across page borders can
    hide a blog from one pass; another pass, in another order, finds it."""
    progress = _progress(store)
    while progress is not None:
        page = await count(client.blog_guids(progress.offset, page_size))
        progress.offset += page_size
        store.add_listed_guids(page.items, RECONCILING, str(progress))
        if page.items and progress.offset < page.total:
            continue
        progress.passes += 1
        seen = store.listed_guid_count()
        # A pass that found nothing new says little: shuffled ties hide a blog
        # from a pass by chance, and may again from the next.
        if seen >= page.total or progress.passes >= GUID_PASSES:
            store.set_watermark(RECONCILING, LISTED)
            return
        progress = _Progress(progress.passes, 0)
        store.set_watermark(RECONCILING, str(progress))


async def differences(
    client: PleioClient, store: Store, count: RequestCounter, page_size: int = GUID_PAGE_SIZE
) -> tuple[set[str], set[str]]:
    """(cached and listed before, but not listed now; listed, but not cached as listed).

    Archived blogs are not expected in the listing; one that is there again is
    among the second set, to be fetched again."""
    await list_site_guids(client, store, count, page_size)
    return store.cached_but_unlisted(), store.listed_but_not_cached()


def checked(store: Store) -> None:
    """The daily count matched the cache's: no listing is due for a day."""
    store.set_watermark(RECONCILED, datetime.now(UTC).isoformat())


def finish(store: Store) -> None:
    store.finish_listing(RECONCILING, RECONCILED, datetime.now(UTC).isoformat())


async def refresh_blog(client: PleioClient, store: Store, guid: str) -> Blog | None:
    """Ask the site for one blog with its thread and bring the cache in line: saved
    as it is now (archived ones marked so), or forgotten, with its comments and
    its search entries, when the site has it no more or the user may not read
    it. Returns the blog, or None when it is gone. Offline and expired-session
    errors pass to the caller, and the cache keeps what it had."""
    try:
        blog = await client.blog(guid)
    except (NotFoundError, NotAllowedError):
        blog = None
    if blog is None:
        store.delete_blogs([guid])
    else:
        store.upsert_blogs((blog,))
    return blog
