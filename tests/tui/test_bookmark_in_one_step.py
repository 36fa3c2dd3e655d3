"""A bookmark is queued and shown in the cache in one transaction: a cache that
fails between the two keeps neither, so the outbox never sends a bookmark the
screen does not show, nor the screen shows one that will never be sent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from test_app_support import SIZE, make_app, notices, open_blog, synced, wait_for

from pleio_tui.server import LocalSite

# The cache refuses the second write only: the item is queued, then showing the
# bookmark fails, as a disk filling up (or the process dying) at that moment would.
FAIL_SHOWING_BOOKMARK = """
CREATE TRIGGER test_fail_bookmark BEFORE UPDATE OF is_bookmarked ON blogs
BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END
"""


def _cache(tmp_path: Path, statement: str) -> None:
    conn = sqlite3.connect(tmp_path / "cache.sqlite3")
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


async def test_a_bookmark_that_cannot_be_shown_is_not_queued(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Welkom op dit Pleio-platform")
        assert app.open_blog is not None and not app.open_blog.is_bookmarked
        guid = app.open_blog.guid
        _cache(tmp_path, FAIL_SHOWING_BOOKMARK)

        await pilot.press("b")
        cache_named = str(tmp_path / "cache.sqlite3")  # the notice of a cache that refused
        await wait_for(pilot, lambda: any(cache_named in notice for notice in notices(pilot)))
        assert app.store is not None
        assert app.store.outbox() == []  # nothing the screen does not show goes out
        assert app.open_blog is not None and not app.open_blog.is_bookmarked

        _cache(tmp_path, "DROP TRIGGER test_fail_bookmark")
        await pilot.press("b")
        await wait_for(pilot, lambda: app.store is not None and len(app.store.outbox()) == 1)
        (item,) = app.store.outbox()
        assert (item.target_guid, item.score) == (guid, 1)
        blog = app.store.blog(guid)
        assert blog is not None and blog.is_bookmarked
