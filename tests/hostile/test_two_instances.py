"""Two app processes and a sync on one cache leave it whole, and a cache locked
past the busy timeout is explained, never a traceback.

- Two real `pleio-tui --offline` TUIs in tmux read the same cache; one saves a
  draft while typing, the other queues a comment, while `pleio-tui sync`
  processes keep writing to it. Afterwards `PRAGMA integrity_check` is ok, the
  draft is there, and the comment is on the site exactly once.
- Another connection holds `BEGIN IMMEDIATE`: the headless commands print one
  clear line and exit non-zero; the app shows a notification, keeps running,
  and keeps the text until the cache is free again.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from terminal_session import TerminalSession, xdg_env
from test_app_faults import notified
from test_app_support import SIZE, graphql, wait_for
from test_kill_and_share import open_seed_blog
from textual.pilot import Pilot

from pleio_tui.config import Config
from pleio_tui.context import site_context
from pleio_tui.models import OutboxState
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.runner import sync_site
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.services.background import SiteAccess

SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"
DRAFT_SAVE_WAIT = 1.2
"""More than the composer's draft save delay."""
COMMENTS = """query($guid: String!) { entity(guid: $guid) {
  ... on Blog { comments { description } } } }"""


@contextmanager
def write_lock_held(cache_path: Path) -> Iterator[None]:
    """Another process in the middle of a write transaction on the cache."""
    holder = sqlite3.connect(cache_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


@pytest.fixture
async def shared_cache(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, str], Path]:
    """The environment of every process (XDG dirs in tmp, the session), and the
    cache they share, filled by a sync."""
    env = {
        **xdg_env(tmp_path),
        "PLEIO_TUI_SESSION": hadewych,
        "PLEIO_TUI_SESSION_SITE": demo_site.url,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    cache_path = site_context(demo_site.url, read_keyring=False).cache_path
    assert (await sync_site(demo_site.url, hadewych, cache_path)).completed
    return env, cache_path


def run_sync(site_url: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pleio_tui", "sync", "--site", site_url],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


class SyncLoop:
    """`pleio-tui sync` processes one after another in the background, writing to
    the cache the whole time the apps are used."""

    def __init__(self, site_url: str, env: dict[str, str]) -> None:
        self.runs: list[subprocess.CompletedProcess[str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(site_url, env), daemon=True)

    def _loop(self, site_url: str, env: dict[str, str]) -> None:
        while not self._stop.is_set():
            self.runs.append(run_sync(site_url, env))

    def __enter__(self) -> SyncLoop:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=60)

    def assert_all_succeeded(self) -> None:
        for run in self.runs:
            assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is needed to run the real TUIs")
def test_two_apps_and_a_sync_share_one_cache(
    shared_cache: tuple[dict[str, str], Path], demo_site: LocalSite, hadewych: str
) -> None:
    env, cache_path = shared_cache
    draft = f"Concept in venster een {uuid.uuid4().hex[:6]}"
    comment = f"Reactie uit venster twee {uuid.uuid4().hex[:6]}"
    args = ["--offline", "--site", demo_site.url]
    first = TerminalSession(args, env)
    second = TerminalSession(args, env)
    try:
        with SyncLoop(demo_site.url, env) as syncs:
            open_seed_blog(first)
            open_seed_blog(second)
            first.keys("c")
            first.wait_for("Reactie op")
            second.keys("c")
            second.wait_for("Reactie op")
            first.type(draft)
            second.type(comment)
            first.wait_for(draft)
            second.wait_for(comment)
            second.keys("C-s")
            second.wait_for("In de outbox gezet")
            time.sleep(DRAFT_SAVE_WAIT)  # the first one's draft is saved meanwhile
    finally:
        first.close()
        second.close()
    syncs.assert_all_succeeded()
    assert len(syncs.runs) >= 2, "the syncs did not overlap the apps' writes"

    with sqlite3.connect(cache_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store.open(cache_path) as store:
        assert draft in [saved.body for saved in store.drafts()]
        queued = [item for item in store.outbox() if item.body == comment]
    assert len(queued) == 1, "the comment was not queued"

    # Whichever sync picked it up, one more sends what still waits: once in all.
    last = run_sync(demo_site.url, env)
    assert last.returncode == 0, last.stderr
    with Store.open(cache_path) as store:
        sent = store.outbox_item(queued[0].id)
        assert sent is not None and sent.state == OutboxState.SENT
        seed = next(row for row in store.feed(None).window(0, 100) if "energieke" in row.title)
    thread = graphql(demo_site.url, hadewych, COMMENTS, guid=seed.guid)["entity"]["comments"]
    assert [c["description"].strip() for c in thread].count(comment) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--offline", "post", "--group", SEED_GROUP, "--title", "Bezet", "-"],
        ["sync"],
    ],
    ids=["post", "sync"],
)
def test_a_locked_cache_stops_a_command_with_one_line(
    args: list[str],
    shared_cache: tuple[dict[str, str], Path],
    demo_site: LocalSite,
    tmp_path: Path,
) -> None:
    env, cache_path = shared_cache
    with write_lock_held(cache_path):
        done = subprocess.run(
            [sys.executable, "-m", "pleio_tui", "--site", demo_site.url, *args],
            env={**os.environ, **env, "TMPDIR": str(tmp_path)},
            input="Een bericht\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("pleio-tui: the offline cache ")
    assert (
        "is locked by another pleio-tui process; close it or wait for its sync to finish"
        in (lines[0])
    )
    if "post" in args:  # the piped text has no other home: it is kept in a file
        (kept,) = tmp_path.glob("pleio-tui-unsent-*.md")
        assert str(kept) in lines[0]
        assert "Een bericht" in kept.read_text(encoding="utf-8")
    with Store.open(cache_path) as store:
        assert store.integrity_problems() == []
        assert store.outbox() == []


async def highlight_blog(pilot: Pilot[Any], title_start: str) -> None:
    app = pilot.app
    assert isinstance(app, PleioApp)
    feed = app.main.feed.row_list
    app.main.activate(app.main.feed)
    await pilot.press("g")
    while not (row := feed.highlighted_row) or not row.title.startswith(title_start):
        await pilot.press("j")


async def test_a_locked_cache_is_a_notice_in_the_app_and_nothing_is_lost(
    shared_cache: tuple[dict[str, str], Path], demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    _, cache_path = shared_cache
    store = Store.open(cache_path, busy_timeout=0.2)
    app = PleioApp(
        site=SiteAccess(demo_site.url, hadewych, cache_path),
        store=store,
        config=Config(sync_interval_minutes=0),
        dirs=AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "c"),
        offline=True,
    )
    busy = Strings("nl").error("cache_busy")
    text = "Geschreven terwijl de cache bezet is"

    def busy_notices() -> int:
        return sum(1 for notice in app._notifications if busy in notice.message)

    try:
        async with app.run_test(size=SIZE) as pilot:
            await highlight_blog(pilot, "Leren door doen")
            with write_lock_held(cache_path):
                await pilot.press("enter")  # opening marks it read: a write
                await wait_for(pilot, lambda: notified(pilot, busy))
                # Reading needs no writing: the post shows, only its read mark waits.
                await wait_for(pilot, lambda: app.open_blog is not None)

            await pilot.press("c", *text)
            composer = app.main.post.composer
            await wait_for(pilot, lambda: composer.text == text)
            seen = busy_notices()
            with write_lock_held(cache_path):
                await pilot.press("ctrl+s")
                await wait_for(pilot, lambda: busy_notices() > seen)
                await pilot.pause(0.3)
                assert composer.is_open and composer.text == text  # kept, not sent
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: not composer.is_open)
            assert [item.body for item in store.outbox()] == [text]
    finally:
        store.close()
    with Store.open(cache_path) as check:
        assert check.integrity_problems() == []
