"""A sync killed half-way leaves a sound cache of whole pages, and the next sync
finishes the job."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sync_helpers import SiteApi, run_sync

from fixtures_site import SiteFactory
from pleio_tui.paths import site_slug
from pleio_tui.store import Store
from pleio_tui.sync.freshness import thread_size

GENERATED_BLOGS = 3000
KILL_AFTER_BLOGS = 200


def cached_blogs(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM blogs").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet, or busy for a moment
        return 0


async def test_a_killed_sync_leaves_whole_pages_and_the_next_one_completes(
    site_factory: SiteFactory, tmp_path: Path
) -> None:
    site = site_factory(demo=True, demo_blogs=GENERATED_BLOGS)
    session = site.login("hadewych")
    xdg = {
        name: str(tmp_path / name.lower())
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME")
    }
    cache_path = (
        Path(xdg["XDG_DATA_HOME"]) / "pleio-tui" / "sites" / f"{site_slug(site.url)}.sqlite3"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "pleio_tui", "--site", site.url, "sync"],
        env={**os.environ, **xdg, "PLEIO_TUI_SESSION": session, "PLEIO_TUI_SESSION_SITE": site.url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while cached_blogs(cache_path) < KILL_AFTER_BLOGS and process.poll() is None:
            assert time.monotonic() < deadline, "the sync saved nothing in a minute"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL

    with Store.open(cache_path) as store:
        assert store.integrity_problems() == []
        feed = store.feed(None, "blog")
        saved = feed.count()
        assert KILL_AFTER_BLOGS <= saved < GENERATED_BLOGS
        for row in feed.window(0, saved):
            blog = store.blog(row.guid)
            assert blog is not None and blog.comments is not None
            assert thread_size(blog.comments) == blog.comment_count

    report = await run_sync(site.url, session, cache_path)

    assert report.completed and report.full
    on_site = len(SiteApi(site).blogs(session))
    with Store.open(cache_path) as store:
        assert store.feed(None, "blog").count() == on_site
    assert report.blogs_new == on_site - saved
