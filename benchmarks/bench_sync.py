"""The first sync of a local site of 10,000 items of every kind against its floor,
and a sync of an unchanged site.

The site runs in its own process (`pleio-tui serve`), so client and server do not
share one interpreter lock on a 2-core machine. The floor asks for the same pages
of blogs and of the other kinds with their threads, as many at a time as the sync
does, parses them into the same models, and keeps nothing: what a sync costs
beyond it is the cache.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from pleio_tui.api import PleioClient
from pleio_tui.models import Blog, Page
from pleio_tui.store import Store
from pleio_tui.sync import SyncEngine, SyncReport
from pleio_tui.sync.concurrency import as_they_arrive
from pleio_tui.sync.engine import BLOG_PAGE_SIZE

CONCURRENCY = 4
"""What `SyncEngine` uses by default."""
START_TIMEOUT = 600.0
"""Seeding 100,000 blogs takes about a minute on a quiet machine."""
_URL_LINE = re.compile(r"Local Pleio site at (http://\S+)")


@dataclass(frozen=True, slots=True)
class RunningSite:
    url: str
    session: str


@contextmanager
def served_site(data_dir: Path, demo_blogs: int, *, mixed: bool = False) -> Iterator[RunningSite]:
    """`pleio-tui serve --demo --demo-blogs N` on a free loopback port, logged in;
    `mixed`: N items of every kind (`--demo-items N`) instead of N blogs."""
    log = data_dir.with_name(data_dir.name + ".log")
    with log.open("w") as output:
        argv = [sys.executable, "-m", "pleio_tui", "serve", "--port", "0", "--demo"]
        flag = "--demo-items" if mixed else "--demo-blogs"
        argv += [flag, str(demo_blogs), "--data", str(data_dir)]
        process = subprocess.Popen(argv, stdout=output, stderr=subprocess.STDOUT)
    try:
        url = _wait_for_url(process, log)
        answer = httpx.post(f"{url}/login", data={"username": "hadewych", "password": "demo"})
        session = answer.cookies.get("sessionid")
        if not session:
            raise RuntimeError(f"could not log in to the local site ({answer.status_code})")
        yield RunningSite(url, session)
    finally:
        process.terminate()
        process.wait(timeout=15)


def _wait_for_url(process: subprocess.Popen[bytes], log: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        found = _URL_LINE.search(log.read_text())
        if found:
            return found.group(1)
        if process.poll() is not None:
            raise RuntimeError(f"the local site did not start: {log.read_text()}")
        time.sleep(0.05)
    raise TimeoutError("the local site did not start in time")


async def _sync(site: RunningSite, cache: Path) -> SyncReport:
    async with PleioClient(site.url, site.session) as client:
        with Store.open(cache) as store:
            return await SyncEngine(client, store, concurrency=CONCURRENCY).run()


def sync_once(site: RunningSite, cache: Path) -> SyncReport:
    """One sync into `cache`, from scratch when the file does not exist yet."""
    report = asyncio.run(_sync(site, cache))
    if report.stopped is not None:
        raise RuntimeError(f"the sync stopped: {report.stopped} {report.stop_detail}")
    return report


PageFetch = Callable[[int, int], Awaitable[Page[Blog]]]


async def _fetch_all_pages(fetch: PageFetch) -> int:
    first = await fetch(0, BLOG_PAGE_SIZE)
    fetched = len(first.items)
    calls = [
        lambda offset=offset: fetch(offset, BLOG_PAGE_SIZE)
        for offset in range(BLOG_PAGE_SIZE, first.total, BLOG_PAGE_SIZE)
    ]
    async for page in as_they_arrive(calls, CONCURRENCY):
        fetched += len(page.items)
    return fetched


async def _fetch_everything(site: RunningSite) -> int:
    """The blogs, then the other kinds, as the sync downloads them (the engine
    pages the other kinds by the blogs' page size)."""
    async with PleioClient(site.url, site.session) as client:
        blogs = await _fetch_all_pages(client.blogs_with_threads)
        return blogs + await _fetch_all_pages(client.content_page)


def floor_seconds(site: RunningSite) -> float:
    """Fetching every page of items with threads, keeping nothing."""
    started = time.perf_counter()
    asyncio.run(_fetch_everything(site))
    return time.perf_counter() - started


def fresh_sync_seconds(site: RunningSite, cache: Path) -> float:
    for stale in cache.parent.glob(cache.name + "*"):
        stale.unlink()
    started = time.perf_counter()
    sync_once(site, cache)
    return time.perf_counter() - started
