"""Small things a reader notices: a closed group says why it shows no blogs and
offers to request membership; the feed's cursor follows a post opened from
search; the demo names its address and logins inside the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import make_app, notices, screen_text, synced, wait_for, widget_text

from pleio_tui.config import Config
from pleio_tui.context import SiteContext
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.search import SearchScreen

CLOSED = "Kring van beleidsadviseurs"


@pytest.mark.parametrize(
    ("lang", "why", "question"),
    [
        ("nl", "besloten groep", "Lidmaatschap"),
        ("en", "closed group", "membership"),
    ],
)
async def test_a_closed_group_says_why_and_offers_to_request_membership(
    demo_site: LocalSite, jan_session: str, tmp_path: Path, lang: str, why: str, question: str
) -> None:
    config = Config(language=lang, sync_interval_minutes=0)
    app = make_app(demo_site.url, jan_session, tmp_path, config=config)
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_for(pilot, lambda: not app.is_syncing and app.main.feed.row_count > 0)
        groups = app.main.groups
        assert groups is not None
        app.main.activate(groups)
        await pilot.press("g")
        for _ in range(groups.row_list.row_count):
            row = groups.row_list.highlighted_row
            if row is not None and row.name.startswith(CLOSED):
                break
            await pilot.press("j")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.main.feed.row_count == 0)
        shown = widget_text(app.main.feed)
        assert why in shown and "m" in shown
        assert "Geen blogs in deze groep" not in shown
        await pilot.press("m")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert question.lower() in screen_text(pilot).lower()


async def test_the_feed_cursor_follows_a_post_opened_from_search(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        assert app.main.feed.row_list.cursor_index == 0
        await pilot.press("/", *"leren door doen", "enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))
        await wait_for(pilot, lambda: app.open_blog is not None)
        assert app.open_blog is not None
        row = app.main.feed.row_list.highlighted_row
        assert row is not None and row.guid == app.open_blog.guid
        assert app.main.feed.row_list.cursor_index > 0


@pytest.mark.parametrize(("lang", "words"), [("nl", "wachtwoord demo"), ("en", "password demo")])
async def test_the_demo_names_its_address_and_logins_in_the_app(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, lang: str, words: str
) -> None:
    context = SiteContext(
        site_url=demo_site.url,
        session=hadewych,
        cache_path=tmp_path / "cache.sqlite3",
        config=Config(language=lang, sync_interval_minutes=0),
        offline=False,
    )
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    app = create_app(context, dirs=dirs, demo=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: any(demo_site.url in n for n in notices(pilot)))
        said = " ".join(notices(pilot))
        assert words in said and "hadewych" in said and "admin" in said
