"""Keys a reader keeps using all day: `q`/`escape` one level back (quitting only
from the groups, asking first when the outbox holds something), `Q` at once,
`h`/`l` between panes, `ctrl+d`/`ctrl+u` half pages, all in `?`."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import make_app, open_blog, screen_text, synced, wait_for

from pleio_tui.config import Config
from pleio_tui.models import OutboxKind
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.help import HelpScreen

SIZES = [(80, 24), (120, 40), (200, 50)]
OFFLINE_SITE = "http://127.0.0.1:9"  # never asked


def offline_app(tmp_path: Path, lang: str) -> PleioApp:
    config = Config(language=lang, sync_interval_minutes=0)
    return make_app(OFFLINE_SITE, None, tmp_path, offline=True, config=config)


def pane_of(app: PleioApp) -> str:
    current = app.main.current_pane()
    return current.id or "" if current is not None else ""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("key", ["q", "escape"])
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_back_one_level_then_quit_from_the_groups(
    tmp_path: Path, size: tuple[int, int], key: str, lang: str
) -> None:
    app = offline_app(tmp_path, lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert pane_of(app) == "feed"
        app.main.activate(app.main.post)
        await pilot.press(key)
        assert pane_of(app) == "feed"
        await pilot.press(key)
        await wait_for(pilot, lambda: pane_of(app) == "groups")
        assert app.return_code is None  # still running: one level at a time
        await pilot.press(key)
        await wait_for(pilot, lambda: app.return_code == 0)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_quitting_from_the_top_asks_when_the_outbox_holds_something(
    tmp_path: Path, lang: str
) -> None:
    with Store.open(tmp_path / "cache.sqlite3") as store:
        store.enqueue(OutboxKind.COMMENT, "b-1", body="nog niet verstuurd")
    app = offline_app(tmp_path, lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q", "q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert ("onverzonden" if lang == "nl" else "unsent") in screen_text(pilot)
        await pilot.press("n")
        assert app.return_code is None
        await pilot.press("Q")  # at once from any pane, still asking about the outbox
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.return_code == 0)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_capital_q_quits_from_the_post(
    tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    app = offline_app(tmp_path, lang)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.main.activate(app.main.post)
        await pilot.press("Q")
        await wait_for(pilot, lambda: app.return_code == 0)
        assert not isinstance(app.screen, ConfirmScreen)  # nothing waits: no question


@pytest.mark.parametrize("size", SIZES)
async def test_h_and_l_move_between_panes_without_wrapping(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        assert pane_of(app) == "feed"
        await pilot.press("l")
        assert pane_of(app) == "post-column"
        await pilot.press("l")  # the last pane: it stays
        assert pane_of(app) == "post-column"
        await pilot.press("h", "h")
        await wait_for(pilot, lambda: pane_of(app) == "groups")
        await pilot.press("h")
        assert pane_of(app) == "groups"
        await pilot.press("l")
        assert pane_of(app) == "feed"


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_d_and_ctrl_u_move_half_a_page(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        groups = await app.main.make_groups()
        app.main.activate(groups)
        rows = groups.row_list
        await pilot.press("g")
        per_page = max(1, rows.scrollable_content_region.height // 2)
        half = max(1, per_page // 2)
        await pilot.press("ctrl+d")
        assert rows.cursor_index == min(half, rows.row_count - 1)
        await pilot.press("ctrl+u")
        assert rows.cursor_index == 0

        await open_blog(pilot, "Leren door doen")
        view = app.main.post.view
        height = view.scrollable_content_region.height
        await pilot.press("ctrl+d")
        await wait_for(pilot, lambda: view.scroll_y == max(1, height // 2))
        await pilot.press("ctrl+u")
        await wait_for(pilot, lambda: view.scroll_y == 0)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", ["Terug (afsluiten vanaf de groepen)", "Links van het blog", "half scherm"]),
        ("en", ["Back (quit from the groups)", "Links of the blog", "Half a screen"]),
    ],
)
async def test_help_shows_the_new_keys(tmp_path: Path, lang: str, words: list[str]) -> None:
    app = offline_app(tmp_path, lang)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        shown = screen_text(pilot)
        for word in words:
            assert word in shown, word
        for key in ("ctrl+d", "ctrl+u", "q/esc"):
            assert key in shown, key
