"""The app on a misbehaving site: it says what is wrong, keeps running, keeps the
cache as it was and keeps what the user writes in the outbox.

The cache is filled from the real local site first; then the app is pointed at a
real fault server (500s, HTML login pages, broken, truncated and huge answers,
connections closed mid-answer, a 404, an unknown error code full of escapes, a
refused connection). Startup and `r` both sync into the fault; the screen shows
the matching Dutch message, the app still answers keys, the cache's content
tables are byte for byte the same, and a comment written meanwhile waits.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fault_server import FaultServer
from hostile_site import refused_site_url
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, make_app, notices, open_blog, wait_for
from textual.pilot import Pilot

from pleio_tui.models import OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.sync.runner import sync_site
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.i18n import NL
from pleio_tui.tui.screens.login import LoginScreen

CONTENT_TABLES = ("users", "groups", "group_stats", "blogs", "comments", "search_docs")
HOSTILE_CODE = "\x1b]0;PWNED\x07[@click=app.quit]weird_code"


def cache_fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        for table in CONTENT_TABLES:
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


@pytest.fixture
async def filled_cache(demo_site: LocalSite, hadewych: str, tmp_path: Path) -> Path:
    path = tmp_path / "cache.sqlite3"
    report = await sync_site(demo_site.url, hadewych, path)
    assert report.completed
    return path


SESSION_GONE = NL["error.session_expired"]
OFFLINE = NL["error.offline"]
FAULTS = {
    "server_error": OFFLINE,
    "malformed": OFFLINE,
    "truncated": OFFLINE,
    "close_early": OFFLINE,
    "huge_declared": OFFLINE,
    "refused": OFFLINE,
    "html_200": SESSION_GONE,
    "html_401": SESSION_GONE,
    "not_found": NL["error.unexpected_response"],
    "unknown_code": "Onbekende fout van de site: ",
}


def toasts_and_screen(pilot: Pilot[Any]) -> str:
    return assert_strips_inert(screen_strips(pilot), "fault screen")


def notified(pilot: Pilot[Any], text: str) -> bool:
    """Whether a notification says `text` (toasts wrap, so not read off the screen)."""
    toasts_and_screen(pilot)  # what they show on the terminal is inert
    return any(text in notice for notice in notices(pilot))


@pytest.mark.parametrize("fault", sorted(FAULTS))
async def test_a_faulty_site_is_explained_and_nothing_is_lost(
    fault: str, filled_cache: Path, fault_server: FaultServer, tmp_path: Path
) -> None:
    url = fault_server.url
    if fault == "refused":
        url = refused_site_url()
    elif fault == "unknown_code":
        fault_server.payload = {"data": None, "errors": [{"message": HOSTILE_CODE}]}
    else:
        fault_server.mode = fault
    before = cache_fingerprint(filled_cache)

    app = make_app(url, "a-session", tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: notified(pilot, FAULTS[fault]), timeout=30)
        await wait_for(pilot, lambda: not app.is_syncing)
        if isinstance(app.screen, LoginScreen):
            await pilot.press("escape")  # the login question can wait: read the cache
        assert "offline" in toasts_and_screen(pilot).splitlines()[-1]

        await pilot.press("r")
        await wait_for(pilot, lambda: not app.is_syncing)
        if isinstance(app.screen, LoginScreen):
            await pilot.press("escape")
        await pilot.press("L")  # still answering keys
        await wait_for(pilot, lambda: "offline" in toasts_and_screen(pilot).splitlines()[-1])
        assert app.strings.lang == "en"
        # Two failed syncs changed nothing (opening a post below marks it read).
        assert cache_fingerprint(filled_cache) == before

        await write_a_comment(pilot)
        store = app.store
        assert store is not None
        # Kept, waiting to go out: before any write the replay asks the site whose
        # the session is, and a site that answers that with an error (a 404 page,
        # an unknown error code) or not at all gets no write to refuse or lose.
        kept = store.outbox((OutboxState.PENDING, OutboxState.SENDING, OutboxState.FAILED))
        assert [item.body for item in kept] == ["Geschreven tijdens een storing"]
        assert kept[0].state == OutboxState.PENDING
    if app.store is not None:
        app.store.close()


async def write_a_comment(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, PleioApp)
    if isinstance(app.screen, LoginScreen):
        await pilot.press("escape")
    await open_blog(pilot, "Leren door doen")
    await pilot.press("c", *"Geschreven tijdens een storing", "ctrl+s")
    await wait_for(pilot, lambda: not app.main.post.composer.is_open)
    await wait_for(pilot, lambda: not app.is_syncing)
    await pilot.pause(0.3)
