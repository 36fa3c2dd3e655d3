"""Start-up: the first frame already shows the cache, and garbage collection,
held off while the app starts, resumes once that frame is painted."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_app_support import SIZE, make_app, notices, screen_text, wait_for, widget_text
from textual.app import App
from textual.screen import Screen
from textual.widgets import Input, TextArea

from pleio_tui.config import Config
from pleio_tui.models import Blog, User
from pleio_tui.store import Store
from pleio_tui.tui.collection import pause_collection, resume_collection
from pleio_tui.tui.main_screen import MainScreen
from pleio_tui.tui.widgets.composer import Composer

SITE_URL = "http://127.0.0.1:9"  # never asked: the app starts offline
TITLE = "Wat de eerste blik laat zien"


@pytest.fixture
def cached(tmp_path: Path) -> Path:
    moment = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    blog = Blog(
        guid="b1",
        title=TITLE,
        url="/blog/view/b1/eerste",
        rich_description=None,
        description="Alles uit de cache.",
        time_created=moment,
        time_published=moment,
        group_guid="g1",
        group_name="Kennisnetwerk",
        owner=User(guid="u1", name="Hadewych"),
    )
    with Store.open(tmp_path / "cache.sqlite3") as store:
        store.upsert_blogs([blog])
    return tmp_path


@pytest.fixture
def collection_restored() -> Iterator[None]:
    yield
    gc.unfreeze()
    gc.enable()


async def test_the_first_frame_shows_the_cached_feed(
    cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_frame: list[str] = []
    paint = Screen._compositor_refresh

    def recording_paint(screen: Screen[object]) -> None:
        if isinstance(screen, MainScreen) and not first_frame:
            first_frame.append(widget_text(screen.feed.row_list))
        paint(screen)

    monkeypatch.setattr(Screen, "_compositor_refresh", recording_paint)
    app = make_app(SITE_URL, None, cached, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: first_frame)
    assert TITLE in first_frame[0]


async def test_writing_widgets_wait_until_the_user_writes(cached: Path) -> None:
    """The composer and the group filter are made on first use: the first screen
    does not wait to style widgets it does not show."""
    app = make_app(SITE_URL, None, cached, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.query(Composer) and not app.query(Input) and not app.query(TextArea)
        assert not app.main.post.is_composing
        app.main.post.composer.open("comment:b1", "Reactie", "")
        await pilot.pause()
        assert app.query_one(Composer).is_open and app.main.post.is_composing


FIRST_SCREEN_SCRIPT = """
import asyncio, sys
from pathlib import Path
from pleio_tui.config import Config
from pleio_tui.context import SiteContext
from pleio_tui.paths import AppDirs
from pleio_tui.tui.launch import create_app

home = Path(sys.argv[1])
context = SiteContext(
    sys.argv[2], None, home / "cache.sqlite3", Config(sync_interval_minutes=0), offline=True
)
app = create_app(context, dirs=AppDirs(home / "data", home / "config", home / "cache"))

async def main():
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        print(" ".join(sorted(sys.modules)))

asyncio.run(main())
"""

NOT_ON_THE_FIRST_SCREEN = (
    "httpx",  # the network: only when the app goes online
    "keyring",
    "markdown_it",  # post rendering: only when a post opens
    "markdownify",
    "bs4",
    "pleio_tui.sync",
    "pleio_tui.api",  # its errors too: nothing has failed yet
    "pleio_tui.tui.widgets.composer",  # made when the user first writes
    "pleio_tui.tui.panes.groups_pane",  # folded away at 120 columns: made when moved to
    "textual.widgets._text_area",
    "pleio_tui.tui.screens.links",  # the link picker: when u is first pressed
    "pleio_tui.tui.controllers.following",  # following links: when first followed
    "pleio_tui.tui.handoff",  # the browser and the clipboard
)


def test_the_first_screen_imports_only_what_it_shows(cached: Path) -> None:
    """What the first screen does not show is imported when first used: a fresh
    process, on the medium layout, never loads it before the first frame."""
    shown = subprocess.run(
        [sys.executable, "-c", FIRST_SCREEN_SCRIPT, str(cached), SITE_URL],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.split()
    assert "pleio_tui.tui.main_screen" in shown
    assert sorted(set(NOT_ON_THE_FIRST_SCREEN) & set(shown)) == []


async def test_a_bad_key_remap_is_named_at_start_and_the_rest_apply(cached: Path) -> None:
    config = Config(sync_interval_minutes=0, keys={"app.serach": "s", "app.help": "H"})
    app = make_app(SITE_URL, None, cached, offline=True, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: any("app.serach" in text for text in notices(pilot)))
        [notice] = [text for text in notices(pilot) if "app.serach" in text]
        assert notice.startswith("Toetsen in de configuratie:") and "app.search" in notice
        await pilot.press("H")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "HelpScreen")


def test_resuming_what_was_not_paused_changes_nothing(collection_restored: None) -> None:
    frozen = gc.get_freeze_count()
    resume_collection()
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen


async def test_collection_resumes_once_the_first_frame_is_painted(
    cached: Path, collection_restored: None
) -> None:
    pause_collection()
    assert not gc.isenabled()
    app = make_app(SITE_URL, None, cached, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, gc.isenabled)
    assert gc.get_freeze_count() > 0


async def test_the_post_view_is_made_just_after_the_first_frame(
    cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first frame shows the post pane's empty text without mounting the post
    view; the view is made right after, before the user can open a post."""
    views_at_first_frame: list[int] = []
    display = App._display

    def recording_display(app: App[object], screen: Screen[object], renderable: object) -> None:
        display(app, screen, renderable)  # type: ignore[arg-type]
        if renderable is not None and isinstance(screen, MainScreen) and not views_at_first_frame:
            views_at_first_frame.append(len(app.query("#post")))

    monkeypatch.setattr(App, "_display", recording_display)
    app = make_app(SITE_URL, None, cached, offline=True, config=Config(language="en"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: bool(app.query("#post")))
        assert views_at_first_frame == [0]
        assert "Choose a blog" in screen_text(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.open_blog is not None)
        assert app.open_blog is not None
        assert app.open_blog.title in widget_text(app.main.post.view)
