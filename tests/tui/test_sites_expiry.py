"""An expired session in the app: the login dialog offers to read the session
again from the browser it came from; reading from the cache goes on meanwhile
and the outbox waits, then goes out once the session is back."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from test_app_support import BLOG_THREAD, SIZE, graphql, screen_text, wait_for

from pleio_tui import APP_NAME
from pleio_tui.config import load_config
from pleio_tui.context import site_context
from pleio_tui.credentials import save_session
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.paths import AppDirs, normalise_site_url
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.runner import sync_site
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.login import LoginScreen

pytest.importorskip("rookiepy")


def firefox_profile(folder: Path, host: str, value: str) -> Path:
    folder.mkdir(parents=True)
    with sqlite3.connect(folder / "cookies.sqlite") as db:
        db.execute(
            "CREATE TABLE moz_cookies (id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL"
            " DEFAULT '', name TEXT, value TEXT, host TEXT, path TEXT, expiry INTEGER,"
            " lastAccessed INTEGER, creationTime INTEGER, isSecure INTEGER, isHttpOnly INTEGER,"
            " inBrowserElement INTEGER DEFAULT 0, sameSite INTEGER DEFAULT 0,"
            " rawSameSite INTEGER DEFAULT 0, schemeMap INTEGER DEFAULT 0)"
        )
        db.execute(
            "INSERT INTO moz_cookies (name, value, host, path, expiry, lastAccessed,"
            " creationTime, isSecure, isHttpOnly) VALUES ('sessionid', ?, ?, '/', ?, 0, 0, 0, 1)",
            (value, host, int(time.time()) + 3600),
        )
    return folder


async def test_an_expired_session_is_read_again_from_the_same_browser(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, memory_keyring: object
) -> None:
    profile = firefox_profile(tmp_path / "firefox", "127.0.0.1", hadewych)
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True)
    dirs.config_file.write_text(
        f'language = "en"\n[sync]\ninterval_minutes = 0\n[sites.demo]\nurl = "{demo_site.url}"\n'
        f'browser = "firefox"\nprofile = "{profile}"\n',
        encoding="utf-8",
    )
    cache = dirs.site_cache_file(demo_site.url)
    await sync_site(demo_site.url, hadewych, cache)  # read before the session expired
    with Store.open(cache) as store:
        [hit] = store.search("energieke")
        store.enqueue(OutboxKind.COMMENT, hit.blog_guid, "", "Geschreven in de trein")
    save_session(demo_site.url, Secret("allang-verlopen"))
    config = load_config(dirs.config_file)
    app = create_app(site_context("demo", dirs=dirs, config=config), dirs=dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Read again from firefox" in screen_text(pilot))
        assert isinstance(app.screen, LoginScreen)
        await pilot.press("escape")  # later: reading goes on from the cache
        app.open_post(hit.blog_guid)
        await wait_for(pilot, lambda: app.open_blog is not None)
        assert app.store is not None
        assert [i.state for i in app.store.outbox()] == [OutboxState.PENDING]  # it waits

        await pilot.press("r")  # a sync asks again
        await wait_for(pilot, lambda: "Read again from firefox" in screen_text(pilot))
        await pilot.click("#login-browser")
        await wait_for(pilot, lambda: not isinstance(app.screen, LoginScreen))
        await wait_for(pilot, lambda: not app.store.outbox((OutboxState.PENDING,)))

    stored = memory_keyring.passwords  # type: ignore[attr-defined]
    assert stored[(APP_NAME, normalise_site_url(demo_site.url))] == hadewych
    thread = graphql(demo_site.url, hadewych, BLOG_THREAD, guid=hit.blog_guid)["entity"]
    texts = [comment["description"].strip() for comment in thread["comments"]]
    assert texts.count("Geschreven in de trein") == 1


async def test_a_browser_without_the_cookie_is_said_in_the_dialog(
    demo_site: LocalSite, tmp_path: Path
) -> None:
    profile = firefox_profile(tmp_path / "firefox", "example.org", "iets-anders")
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True)
    dirs.config_file.write_text(
        f'language = "en"\n[sync]\ninterval_minutes = 0\n[sites.demo]\nurl = "{demo_site.url}"\n'
        f'browser = "firefox"\nprofile = "{profile}"\n',
        encoding="utf-8",
    )
    config = load_config(dirs.config_file)
    app = create_app(site_context("demo", dirs=dirs, config=config), dirs=dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Read again from firefox" in screen_text(pilot))
        await pilot.click("#login-browser")
        await wait_for(pilot, lambda: "Reading from firefox failed" in screen_text(pilot))
        assert "no sessionid cookie for 127.0.0.1" in screen_text(pilot).replace("\n", " ")
        assert isinstance(app.screen, LoginScreen)
