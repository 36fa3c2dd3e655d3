"""Login, new post, confirm and help screens, the status bar and the layout sheet."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

import pleio_tui.tui
from pleio_tui.secret import Secret
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import BINDING_IDS, key_label
from pleio_tui.tui.main_screen import MainScreen
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.help import HelpScreen
from pleio_tui.tui.screens.login import LoginResult, LoginScreen, check_sessionid, check_site_url
from pleio_tui.tui.screens.new_post import NewPost, NewPostScreen
from pleio_tui.tui.widgets.composer import Composer
from pleio_tui.tui.widgets.status_bar import StatusBar

EN = Strings("en")
HOSTILE = "[@click=app.quit]x"


class ScreenHost(App[None]):
    """Pushes one screen at mount and keeps what it dismisses with."""

    def __init__(self, make_screen: Callable[[], Screen[Any]]) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.results: list[Any] = []
        self.drafts: list[NewPostScreen.DraftKept] = []

    def on_mount(self) -> None:
        self.push_screen(self.make_screen(), self.results.append)

    @on(NewPostScreen.DraftKept)
    def _draft_kept(self, message: NewPostScreen.DraftKept) -> None:
        self.drafts.append(message)


def shown(app: App[Any], selector: str) -> str:
    return str(app.screen.query_one(selector, Static).visual)


# --- login ---


@pytest.mark.parametrize(
    ("raw", "url", "error", "warning"),
    [
        ("https://gemeente.pleio.nl/groups", "https://gemeente.pleio.nl", None, None),
        ("Gemeente.Pleio.nl", "https://gemeente.pleio.nl", None, None),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765", None, None),
        ("http://localhost:8000/", "http://localhost:8000", None, None),
        ("http://pleio.example.nl", None, "login.url_insecure_refused", None),
        ("ftp://pleio.example.nl", None, "login.url_scheme", None),
        ("https://", None, "login.url_no_host", None),
        ("https://host:port", None, "login.url_no_host", None),
        ("   ", None, "login.url_empty", None),
    ],
)
def test_check_site_url(raw: str, url: str | None, error: str | None, warning: str | None) -> None:
    check = check_site_url(raw)
    assert (check.site_url, check.error, check.warning) == (url, error, warning)


def test_check_sessionid() -> None:
    assert check_sessionid("  abc123xyz \n") == (Secret("abc123xyz"), None)
    assert check_sessionid("")[1] == "login.session_empty"
    assert check_sessionid("abc; other=1")[1] == "login.session_invalid"
    assert check_sessionid("abc\x1b")[1] == "login.session_invalid"


async def test_login_returns_the_site_and_session() -> None:
    app = ScreenHost(lambda: LoginScreen(EN, "https://gemeente.pleio.nl"))
    async with app.run_test() as pilot:
        await pilot.pause()
        session = app.screen.query_one("#login-session", Input)
        assert session.has_focus and session.password
        await pilot.press(*"abc123", "enter")
        await pilot.pause()
    assert app.results == [LoginResult("https://gemeente.pleio.nl", Secret("abc123"))]


async def test_login_refuses_a_bad_address_and_an_empty_session() -> None:
    app = ScreenHost(lambda: LoginScreen(EN))
    async with app.run_test() as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        screen.query_one("#login-site", Input).value = "ftp://pleio.example.nl"
        screen.submit()
        await pilot.pause()
        assert shown(app, "#login-error") == EN("login.url_scheme")
        screen.query_one("#login-site", Input).value = "https://pleio.example.nl"
        screen.submit()
        await pilot.pause()
        assert shown(app, "#login-error") == EN("login.session_empty")
        assert app.results == []
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_login_warns_about_plain_http_to_another_machine_the_config_allows() -> None:
    app = ScreenHost(lambda: LoginScreen(EN, "http://127.0.0.1:8000", allow_insecure_http=True))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown(app, "#login-warning") == ""
        app.screen.query_one("#login-site", Input).value = "http://pleio.example.nl"
        await pilot.pause()
        assert shown(app, "#login-warning") == EN("login.url_insecure", host="pleio.example.nl")
        app.screen.query_one("#login-session", Input).value = "s3ss10n"
        await pilot.press("enter")
        await pilot.pause()
    # allowed by the config: a warning, not a refusal
    assert app.results == [LoginResult("http://pleio.example.nl", Secret("s3ss10n"))]


async def test_login_shows_the_apps_error_literally() -> None:
    app = ScreenHost(lambda: LoginScreen(EN, "https://a.example", error=f"{HOSTILE}\x1b[2J"))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown(app, "#login-error") == f"{HOSTILE}[2J"
        screen = app.screen
        assert isinstance(screen, LoginScreen)
        screen.show_error("[b]expired[/b]")
        await pilot.pause()
        assert shown(app, "#login-error") == "[b]expired[/b]"


# --- new post ---


def new_post_screen(title: str = "", body: str = "") -> NewPostScreen:
    return NewPostScreen("g1", f"Groep {HOSTILE}", EN, title=title, body=body)


async def test_new_post_needs_a_title() -> None:
    app = ScreenHost(lambda: new_post_screen(body="text"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(app, "#new-post-error") == "Give the blog a title."
        assert app.results == []
        assert shown(app, "#new-post-heading") == f"New blog in Groep {HOSTILE}"


async def test_new_post_refuses_a_title_over_256_characters() -> None:
    app = ScreenHost(lambda: new_post_screen(title="t" * 257, body="text"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(app, "#new-post-error") == (
            "The title is too long: 257 characters, at most 256."
        )
        assert app.results == []
        app.screen.query_one("#new-post-title", Input).value = "t" * 256
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [NewPost("g1", "t" * 256, "text")]


async def test_new_post_sends_title_and_body() -> None:
    app = ScreenHost(new_post_screen)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*"Hoi", "tab", *"Tekst", "ctrl+s")
        await pilot.pause()
    assert app.results == [NewPost("g1", "Hoi", "Tekst")]
    assert app.results[0].draft_key == "post:g1"
    assert app.drafts == []


async def test_leaving_a_new_post_keeps_the_draft() -> None:
    app = ScreenHost(lambda: new_post_screen(title="Concept"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("!", "tab", *"body", "escape")
        await pilot.pause()
    assert app.results == [None]
    assert app.drafts == [NewPostScreen.DraftKept("post:g1", "Concept!", "body")]


async def test_leaving_an_untouched_new_post_saves_nothing() -> None:
    app = ScreenHost(lambda: new_post_screen(title="Concept", body="b"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
    assert app.drafts == []


async def test_new_post_body_goes_through_the_editor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "\\nmore" >> "$1"\n', encoding="utf-8")
    editor.chmod(0o700)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(editor))
    app = ScreenHost(lambda: new_post_screen(title="T", body="start"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen.query_one("#new-post-body", TextArea).text == "start\nmore"


# --- confirm ---


@pytest.mark.parametrize(("key", "answer"), [("y", True), ("n", False), ("escape", False)])
async def test_confirm_answers(key: str, answer: bool) -> None:
    question = EN("confirm.leave_group", name=HOSTILE)
    app = ScreenHost(lambda: ConfirmScreen(question, EN))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert shown(app, "#confirm-question") == f"Leave the group {HOSTILE}?"
        await pilot.press(key)
        await pilot.pause()
    assert app.results == [answer]


async def test_confirm_buttons_name_the_remapped_keys() -> None:
    app = ScreenHost(lambda: ConfirmScreen("?", EN, {"confirm.yes": "j"}))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
    assert app.results == [True]


# --- help ---


async def test_help_lists_every_binding_with_its_current_keys() -> None:
    keymap = {"post.comment": "C", "list.down": "ctrl+n"}
    app = ScreenHost(lambda: HelpScreen(EN, keymap))
    async with app.run_test() as pilot:
        await pilot.pause()
        table = shown(app, "#help-table").splitlines()
        for binding_id in BINDING_IDS:
            label = key_label(binding_id, keymap)
            line = f"{label} {EN(f'key.{binding_id}')}"
            assert any(" ".join(row.split()) == line for row in table), line
        assert any(" ".join(row.split()) == "C Comment on the blog" for row in table)
        await pilot.press("question_mark")
        await pilot.pause()
    assert app.results == [None]


async def test_help_in_dutch_closes_with_escape() -> None:
    app = ScreenHost(lambda: HelpScreen(Strings("nl")))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Reageren op het blog" in shown(app, "#help-table")
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# --- status bar ---


class StatusApp(App[None]):
    def compose(self) -> ComposeResult:
        yield StatusBar()


async def test_status_bar_shows_state_and_progress() -> None:
    app = StatusApp()
    async with app.run_test() as pilot:
        bar = app.query_one(StatusBar)
        bar.host = "gemeente.pleio.nl"
        bar.strings = EN
        bar.set_sync_progress(12, 40)
        bar.outbox_pending = 3
        bar.outbox_failed = 1
        await pilot.pause()
        assert bar.render().plain == (
            "gemeente.pleio.nl │ not logged in │ syncing 12/40 │ outbox 3 │ 1 failed │ EN"
        )
        bar.finish_sync(online=False)
        bar.user_name = f"{HOSTILE}\x1b[31m\nJan"
        bar.outbox_pending = bar.outbox_failed = 0
        bar.strings = Strings("nl")
        await pilot.pause()
        assert bar.render().plain == f"gemeente.pleio.nl │ {HOSTILE}[31m Jan │ offline │ NL"
        await pilot.click(StatusBar, offset=(len("gemeente.pleio.nl │ "), 0))
        await pilot.pause()
        assert app.is_running


# --- layout ---


class LayoutApp(App[None]):
    """The real main screen and style sheet, with empty panes."""

    CSS_PATH = Path(pleio_tui.tui.__file__).parent / "app.tcss"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-medium"), (160, "-wide")]  # noqa: RUF012

    def __init__(self) -> None:
        super().__init__()
        self.classes_when_filled: set[str] = set()
        self.filled_groups = 0

    def get_default_screen(self) -> Screen[None]:
        return MainScreen(EN, "https://example.pleio.nl", self._filled, self._groups_filled)

    def _filled(self) -> None:
        self.classes_when_filled = set(self.screen.classes)

    def _groups_filled(self) -> None:
        self.filled_groups += 1


def visible(app: App[Any], selector: str) -> bool:
    """Shown, with room on screen (a pane not made yet is not)."""
    widget: Widget | None = next(iter(app.query(selector)), None)
    if widget is None:
        return False
    return widget.display and widget.region.width > 0 and widget.region.height > 0


async def test_wide_terminal_shows_three_panes_side_by_side() -> None:
    app = LayoutApp()
    async with app.run_test(size=(180, 40)) as pilot:
        await pilot.pause()
        assert all(visible(app, s) for s in ("#groups", "#feed", "#post-column", "#status"))
        assert app.screen.post.view is not None  # made when the first post is shown
        await pilot.pause()
        groups, feed, post = (app.query_one(s).region for s in ("#groups", "#feed", "#post"))
        assert groups.x < feed.x < post.x
        assert post.width > feed.width > groups.width
        assert not app.query(Composer)  # made when the user first writes
        app.screen.post.composer.open("comment:b", "Comment on x", "")
        await pilot.pause()
        assert visible(app, "#composer")
        composer, post = app.query_one("#composer").region, app.query_one("#post").region
        column = app.query_one("#post-column").region
        assert composer.x == post.x and composer.y >= post.bottom
        assert column.contains_region(composer)


async def test_medium_terminal_folds_the_groups_away_until_active() -> None:
    app = LayoutApp()
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one("#feed").focus()
        await pilot.pause()
        assert not app.query("#groups")  # made when the user first moves to it
        assert visible(app, "#feed") and visible(app, "#post-column")
        await pilot.press("shift+tab")  # feed -> groups
        await pilot.pause()
        assert visible(app, "#groups") and app.filled_groups == 1
        groups = app.query_one("#groups")
        assert groups.has_class("-active") and app.query_one("#group-list").has_focus
        groups.remove_class("-active")
        await pilot.pause()
        assert visible(app, "#groups")  # it still has the focus
        await pilot.press("tab")  # groups -> feed
        await pilot.pause()
        assert not visible(app, "#groups")
        await pilot.press("shift+tab")
        await pilot.pause()
        assert visible(app, "#groups") and app.filled_groups == 1  # made once


async def test_the_group_list_is_made_once_when_asked_twice_at_once() -> None:
    app = LayoutApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        first, second = await asyncio.gather(screen.make_groups(), screen.make_groups())
        assert first is second and len(app.query("#groups")) == 1
        assert app.filled_groups == 1


async def test_widening_to_three_panes_makes_the_group_list() -> None:
    app = LayoutApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.query("#groups")
        await pilot.resize_terminal(180, 40)
        await pilot.pause()
        assert visible(app, "#groups") and app.filled_groups == 1
        groups, feed = app.query_one("#groups").region, app.query_one("#feed").region
        assert groups.x < feed.x


@pytest.mark.parametrize(("width", "expected"), [(80, "-narrow"), (120, "-medium"), (180, "-wide")])
async def test_the_first_frame_already_has_the_layout_for_the_width(
    width: int, expected: str
) -> None:
    """The width class is set when the panes are filled, before anything is drawn:
    no first frame with every pane at an equal width, then a jump."""
    app = LayoutApp()
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        assert app.classes_when_filled >= {expected}
        assert not app.classes_when_filled & ({"-narrow", "-medium", "-wide"} - {expected})
        assert app.screen.has_class(expected)


async def test_small_terminal_stacks_panes_and_the_focused_one_grows() -> None:
    app = LayoutApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.post.view.focus()
        await pilot.pause()
        assert not visible(app, "#groups")
        feed, post = app.query_one("#feed").region, app.query_one("#post-column").region
        assert feed.y < post.y and feed.width == post.width == 80
        assert post.height > feed.height
        app.query_one("#feed").focus()
        await pilot.pause()
        feed, post = app.query_one("#feed").region, app.query_one("#post-column").region
        assert feed.height > post.height
