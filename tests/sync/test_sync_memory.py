"""A first sync saves the pages as they arrive, a few to a transaction, and lets
them go: the blogs held at any moment are a few pages' worth, however big the site."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

import pytest
from sync_helpers import FAST_RETRY, SiteApi

from fixtures_site import SiteFactory
from pleio_tui.api import PleioClient
from pleio_tui.models import Blog
from pleio_tui.store import Store
from pleio_tui.sync import SyncEngine
from pleio_tui.sync.engine import PAGES_PER_SAVE

PAGE_SIZE = 2
CONCURRENCY = 2
HELD_AT_MOST = (2 * CONCURRENCY + 1 + PAGES_PER_SAVE) * PAGE_SIZE
"""Pages under way and finished but not yet taken (each up to CONCURRENCY), the
first page and the pages being saved together."""


def blogs_alive() -> int:
    """Blogs still reachable: garbage of earlier tests in this process is collected
    first, so that only what the sync holds is counted."""
    gc.collect()
    return sum(1 for thing in gc.get_objects() if type(thing) is Blog)


async def test_a_first_sync_holds_a_few_pages_at_a_time(
    site_factory: SiteFactory, cache_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = site_factory(demo=True, demo_blogs=100)
    session = site.login("hadewych")
    on_site = len(SiteApi(site).blogs(session))
    assert on_site > 3 * HELD_AT_MOST
    before = blogs_alive()  # held by other tests' fixtures in this process, if any
    held: list[int] = []
    save = Store.upsert_blogs

    def counting_save(store: Store, blogs: Iterable[Blog]) -> None:
        save(store, blogs)
        held.append(blogs_alive() - before)

    monkeypatch.setattr(Store, "upsert_blogs", counting_save)
    async with PleioClient(site.url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            engine = SyncEngine(client, store, concurrency=CONCURRENCY, page_size=PAGE_SIZE)
            report = await engine.run()

    assert report.completed and report.blogs_new == on_site
    assert len(held) >= on_site // (PAGE_SIZE * PAGES_PER_SAVE)
    assert max(held) <= HELD_AT_MOST, held
