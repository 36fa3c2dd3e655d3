"""Two local sites in one app: `S` lists them with what their caches hold, a
switch keeps each site's place, the status bar names the site, and what is
written on each reaches that site alone. A site read as a visitor offers to log
in instead of writing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from test_app_support import (
    BLOG_THREAD,
    SIZE,
    graphql,
    open_blog,
    screen_text,
    synced,
    wait_for,
)

from pleio_tui.config import load_config
from pleio_tui.context import site_context
from pleio_tui.credentials import save_session
from pleio_tui.models import OutboxState
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.sites import SitesScreen


def app_on(tmp_path: Path, config_text: str, site: str | None = None) -> PleioApp:
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True, exist_ok=True)
    dirs.config_file.write_text(config_text, encoding="utf-8")
    config = load_config(dirs.config_file)
    return create_app(site_context(site, dirs=dirs, config=config), dirs=dirs)


def comment_texts(site: LocalSite, session: str, guid: str) -> list[str]:
    blog = graphql(site.url, session, BLOG_THREAD, guid=guid)["entity"]
    return [comment["description"].strip() for comment in blog["comments"]]


@pytest.fixture
def two_sites(site_factory: Any) -> tuple[LocalSite, LocalSite]:
    return site_factory(demo=True), site_factory(demo=True)


async def switch_to(pilot: Any, app: PleioApp, name: str) -> None:
    await pilot.press("S")
    await wait_for(pilot, lambda: isinstance(app.screen, SitesScreen))
    choices = [choice.name for choice in app.sites.choices()]
    current = next(i for i, c in enumerate(app.sites.choices()) if c.current)
    steps = choices.index(name) - current
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps), "enter")
    await wait_for(pilot, lambda: app.site is not None and app.sites.status_name() == name)


async def comment(pilot: Any, app: PleioApp, text: str) -> None:
    await pilot.press("c")
    await pilot.press(*text, "ctrl+s")
    await wait_for(pilot, lambda: app.store and not app.store.outbox((OutboxState.PENDING,)))


async def test_switching_sites_keeps_each_place_and_writes_to_each_site_alone(
    two_sites: tuple[LocalSite, LocalSite], tmp_path: Path
) -> None:
    een, twee = two_sites
    een_session, twee_session = een.login("hadewych"), twee.login("hadewych")
    save_session(een.url, Secret(een_session))
    save_session(twee.url, Secret(twee_session))
    app = app_on(
        tmp_path,
        f'language = "en"\ndefault = "een"\n[sites.een]\nurl = "{een.url}"\n'
        f'[sites.twee]\nurl = "{twee.url}"\n[sync]\ninterval_minutes = 0\n',
    )
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert screen_text(pilot).splitlines()[-1].lstrip().startswith("een")
        await pilot.press("S")
        await wait_for(pilot, lambda: isinstance(app.screen, SitesScreen))
        listed = screen_text(pilot)
        assert "een" in listed and "twee" in listed and "not synced yet" in listed
        # hadewych's own blogs are never unread: what is left of the demo's blogs
        assert re.search(r"\b[1-9][0-9]* unread", listed), listed
        await pilot.press("escape")

        await open_blog(pilot, "Leren door doen")
        guid_een = app.open_blog.guid if app.open_blog else ""
        await comment(pilot, app, "Alleen op een")
        app.main.post.view.scroll_to(y=5, animate=False)
        await pilot.pause()

        await switch_to(pilot, app, "twee")
        await synced(pilot)
        assert app.open_blog is None
        assert screen_text(pilot).splitlines()[-1].lstrip().startswith("twee")
        await open_blog(pilot, "Leren door doen")
        guid_twee = app.open_blog.guid if app.open_blog else ""
        await comment(pilot, app, "Alleen op twee")

        await switch_to(pilot, app, "een")
        # The place on een is back: the same post, as far down as it was read.
        await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.guid == guid_een)
        await wait_for(pilot, lambda: app.main.post.view.scroll_y == 5)

    assert comment_texts(een, een_session, guid_een).count("Alleen op een") == 1
    assert "Alleen op twee" not in comment_texts(een, een_session, guid_een)
    assert comment_texts(twee, twee_session, guid_twee).count("Alleen op twee") == 1
    assert "Alleen op een" not in comment_texts(twee, twee_session, guid_twee)


async def test_a_site_read_as_a_visitor_offers_to_log_in_instead_of_writing(
    demo_site: LocalSite, tmp_path: Path
) -> None:
    app = app_on(
        tmp_path,
        f'language = "en"\n[sites.demo]\nurl = "{demo_site.url}"\nanonymous = true\n'
        "[sync]\ninterval_minutes = 0\n",
    )
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)  # synced as a visitor: no login asked
        await open_blog(pilot, "Leren door doen")
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "Only logged-in users can write on" in screen_text(pilot)
        assert not app.main.post.is_composing
        await pilot.press("n")
        await pilot.press("+")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        from pleio_tui.tui.screens.login import LoginScreen

        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert app.store is not None and app.store.outbox() == []
