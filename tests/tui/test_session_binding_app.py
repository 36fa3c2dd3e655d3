"""The app and PLEIO_TUI_SESSION: the session goes to the site that
PLEIO_TUI_SESSION_SITE names and to no other; set without a site it is sent
nowhere, the app says so and asks to log in (or reads as a visitor). What the
site received is read off a real loopback relay in front of a real local site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from test_app_support import SIZE, notices, synced, wait_for

from cookie_relay import CookieRelay
from pleio_tui.commands.tui import start_context
from pleio_tui.config import load_config
from pleio_tui.context import site_context
from pleio_tui.paths import AppDirs
from pleio_tui.secret import SESSION_ENV
from pleio_tui.server import LocalSite
from pleio_tui.session_env import SESSION_SITE_ENV
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.login import LoginScreen

UNBOUND_NOTICE = (
    "PLEIO_TUI_SESSION is set, but PLEIO_TUI_SESSION_SITE does not name the site it is for: "
    "it is not sent. Set PLEIO_TUI_SESSION_SITE to that site's address, or log in here."
)


@pytest.fixture
def relay(demo_site: LocalSite) -> Iterator[CookieRelay]:
    with CookieRelay(demo_site.url) as started:
        yield started


def configured(tmp_path: Path, site_url: str, *, anonymous: bool = False) -> AppDirs:
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True, exist_ok=True)
    dirs.config_file.write_text(
        f'language = "en"\ndefault = "een"\n[sync]\ninterval_minutes = 0\n'
        f'[sites.een]\nurl = "{site_url}"\n' + ("anonymous = true\n" if anonymous else ""),
        encoding="utf-8",
    )
    return dirs


def closed(app: PleioApp) -> None:
    if app.store is not None:
        app.store.close()


@pytest.mark.parametrize("bound_to", ["this-site", "another-site"])
async def test_the_first_site_gets_the_session_only_when_it_is_the_named_one(
    bound_to: str,
    demo_site: LocalSite,
    relay: CookieRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = demo_site.login("hadewych")
    monkeypatch.setenv(SESSION_ENV, session)
    named = relay.url if bound_to == "this-site" else "https://elders.pleio.example"
    monkeypatch.setenv(SESSION_SITE_ENV, named)
    dirs = configured(tmp_path, relay.url)
    config = load_config(dirs.config_file)
    # As `pleio-tui` reads the first site's session before the app starts.
    app = create_app(site_context(None, dirs=dirs, config=config), dirs=dirs)
    async with app.run_test(size=SIZE) as pilot:
        if bound_to == "this-site":
            await synced(pilot)
            assert relay.sessions() == {session}
        else:
            await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
            await pilot.pause(0.3)
            assert session not in relay.sessions()
    closed(app)


@pytest.mark.parametrize("anonymous", [False, True], ids=["asks-to-log-in", "visitor"])
@pytest.mark.parametrize("named", [None, "een"], ids=["unset", "no-address"])
async def test_a_session_without_its_site_is_sent_nowhere_and_said(
    named: str | None,
    anonymous: bool,
    demo_site: LocalSite,
    relay: CookieRelay,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = demo_site.login("hadewych")
    monkeypatch.setenv(SESSION_ENV, session)
    if named is not None:
        monkeypatch.setenv(SESSION_SITE_ENV, named)
    dirs = configured(tmp_path, relay.url, anonymous=anonymous)
    args = SimpleNamespace(site=None, offline=False)

    context, refused = start_context(args, dirs, load_config(dirs.config_file))

    assert refused and context is not None and context.session is None
    app = create_app(context, dirs=dirs, session_refused=refused)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: UNBOUND_NOTICE in notices(pilot))
        if anonymous:
            await synced(pilot)  # read as a visitor
            assert relay.requests > 0
        else:
            await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
            await pilot.pause(0.3)
        assert relay.sessions() <= {None}
    closed(app)


async def test_offline_a_session_without_its_site_is_not_mentioned(
    relay: CookieRelay, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--offline never sends a session, so there is nothing to refuse."""
    monkeypatch.setenv(SESSION_ENV, "geheime-sessie")
    dirs = configured(tmp_path, relay.url)
    args = SimpleNamespace(site=None, offline=True)

    context, refused = start_context(args, dirs, load_config(dirs.config_file))

    assert not refused and context is not None and context.session is None


async def test_without_a_site_the_app_asks_for_one_and_says_the_session_was_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(SESSION_ENV, "geheime-sessie")
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True)
    dirs.config_file.write_text('language = "en"\n', encoding="utf-8")
    args = SimpleNamespace(site=None, offline=False)

    context, refused = start_context(args, dirs, load_config(dirs.config_file))

    assert context is None and refused
    app = create_app(None, dirs=dirs, session_refused=refused)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: UNBOUND_NOTICE in notices(pilot))
        assert isinstance(app.screen, LoginScreen)


async def test_switching_to_another_site_never_sends_a_session_without_its_site(
    demo_site: LocalSite,
    relay: CookieRelay,
    site_factory: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = demo_site.login("hadewych")
    monkeypatch.setenv(SESSION_ENV, session)
    other = site_factory(demo=True)
    dirs = configured(tmp_path, relay.url)
    with dirs.config_file.open("a", encoding="utf-8") as config_file:
        config_file.write(f'[sites.twee]\nurl = "{other.url}"\n')
    args = SimpleNamespace(site=None, offline=False)
    context, refused = start_context(args, dirs, load_config(dirs.config_file))
    app = create_app(context, dirs=dirs, session_refused=refused)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, LoginScreen))
        app.run_worker(app.sites.switch("twee"))
        await wait_for(pilot, lambda: app.site is not None and app.site.site_url == other.url)
        await wait_for(pilot, lambda: notices(pilot).count(UNBOUND_NOTICE) == 2)
        assert app.site is not None and app.site.session is None
        await pilot.pause(0.3)
        assert relay.sessions() <= {None}
    closed(app)
