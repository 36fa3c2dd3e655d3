"""One sync of a site from start to end: the client and the cache opened, the
engine run, both closed. Call it from the thread and event loop that owns it
(`asyncio.run(sync_site(...))` from a command, or from a TUI worker thread);
likewise the refresh of one opened blog."""

from __future__ import annotations

from pathlib import Path

from pleio_tui.api import PleioClient
from pleio_tui.models import Blog
from pleio_tui.store import Store
from pleio_tui.sync.engine import SyncEngine
from pleio_tui.sync.events import ProgressCallback, SyncReport
from pleio_tui.sync.reconcile import refresh_blog


async def sync_site(
    site_url: str,
    session: str | None,
    cache_path: Path,
    *,
    on_progress: ProgressCallback | None = None,
    concurrency: int = 4,
) -> SyncReport:
    async with PleioClient(site_url, session) as client:
        with Store.open(cache_path) as store:
            engine = SyncEngine(client, store, concurrency=concurrency, on_progress=on_progress)
            return await engine.run()


async def refresh_opened_blog(
    site_url: str, session: str | None, cache_path: Path, guid: str
) -> Blog | None:
    """Bring one blog the user opened in line with the site, at once: saved as the
    site has it now, or forgotten (with its comments and search entries) when the
    site has it no more; None then. Raises OfflineError and SessionExpiredError
    as the client does, leaving the cache as it was."""
    async with PleioClient(site_url, session) as client:
        with Store.open(cache_path) as store:
            return await refresh_blog(client, store, guid)
