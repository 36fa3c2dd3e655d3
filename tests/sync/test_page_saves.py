"""A first sync saves the pages it downloads a few to a transaction (each one
writes again every index page its rows touch), and keeps every page that arrived
when the download stops half-way."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from pathlib import Path

import pytest
from sync_helpers import FAST_RETRY, SiteApi

from fixtures_site import SiteFactory
from pleio_tui.api import PleioClient
from pleio_tui.models import Blog
from pleio_tui.store import Store
from pleio_tui.sync import StopReason, SyncEngine, SyncPhase, SyncProgress
from pleio_tui.sync.engine import PAGES_PER_SAVE

PAGE_SIZE = 2


def _record_saves(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    saves: list[list[str]] = []
    save = Store.upsert_blogs

    def recording_save(store: Store, blogs: Iterable[Blog]) -> None:
        batch = list(blogs)
        saves.append([blog.guid for blog in batch])
        save(store, batch)

    monkeypatch.setattr(Store, "upsert_blogs", recording_save)
    return saves


async def test_a_first_sync_saves_a_few_pages_to_a_transaction(
    site_factory: SiteFactory, cache_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_factory(demo=True, demo_blogs=40)
    session = site.login("hadewych")
    on_site = {blog["guid"] for blog in SiteApi(site).blogs(session)}
    saves = _record_saves(monkeypatch)
    async with PleioClient(site.url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            report = await SyncEngine(client, store, page_size=PAGE_SIZE).run()
            cached = store.feed(None, "blog").count()

    assert report.completed and report.blogs_new == len(on_site) == cached
    downloads: list[list[str]] = []  # then come the other kinds' pages
    while sum(map(len, downloads)) < len(on_site):
        downloads.append(saves[len(downloads)])
    first, *middle, last = downloads
    assert len(first) == PAGE_SIZE  # the first page at once: the reader has something
    assert middle and all(len(batch) == PAGE_SIZE * PAGES_PER_SAVE for batch in middle)
    assert 0 < len(last) <= PAGE_SIZE * PAGES_PER_SAVE
    assert {guid for batch in (first, *middle, last) for guid in batch} == on_site


async def test_a_download_cut_off_half_way_keeps_every_page_that_arrived(
    site_factory: SiteFactory, cache_path: Path
) -> None:
    site = site_factory(demo=True, demo_blogs=200)
    session = site.login("hadewych")
    arrived = 0
    stopping: list[threading.Thread] = []

    def on_progress(progress: SyncProgress) -> None:
        nonlocal arrived
        if progress.phase != SyncPhase.BLOGS:
            return
        arrived = max(arrived, progress.done)
        if arrived >= 10 * PAGE_SIZE and not stopping:
            # Stopped from another thread: it waits for the answers under way.
            stopping.append(threading.Thread(target=site.stop))
            stopping[0].start()

    async with PleioClient(site.url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            engine = SyncEngine(client, store, page_size=PAGE_SIZE, on_progress=on_progress)
            report = await engine.run()
            cached = store.feed(None, "blog").count()
    stopping[0].join()

    assert report.stopped == StopReason.OFFLINE
    assert 10 * PAGE_SIZE <= arrived < 200
    assert cached == arrived  # none held back unsaved
