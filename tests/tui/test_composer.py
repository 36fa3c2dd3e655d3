"""The composer in a small app: drafts, sending, leaving, $EDITOR, hostile titles."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.widgets import Static, TextArea

from pleio_tui.tui.editor import edit_externally, editor_command
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.widgets.composer import Composer

HOSTILE_TITLE = "[@click=app.quit]x"


class ComposerApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.received: list[Message] = []

    def compose(self) -> ComposeResult:
        yield Composer(Strings("en"))

    @on(Composer.DraftChanged)
    @on(Composer.SendRequested)
    @on(Composer.Closed)
    @on(Composer.EditorFailed)
    def _record(self, message: Message) -> None:
        self.received.append(message)

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    def of_kind(self, kind: type[Message]) -> list[Message]:
        return [m for m in self.received if isinstance(m, kind)]


def write_editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.sh"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o700)
    return str(script)


async def test_typing_posts_one_debounced_draft_within_a_second() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "")
        await pilot.pause()
        await pilot.press(*"hallo")
        await pilot.pause(0.1)
        assert app.of_kind(Composer.DraftChanged) == []
        await pilot.pause(0.6)
        assert app.of_kind(Composer.DraftChanged) == [Composer.DraftChanged("comment:b1", "hallo")]


async def test_opening_with_a_draft_does_not_report_it_back() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "saved before")
        await pilot.pause(0.6)
        assert app.received == []
        assert app.composer.text == "saved before"


async def test_ctrl_s_requests_sending_the_text() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("reply:c9", "Reply to Jan", "Eens")
        await pilot.pause()
        await pilot.press("exclamation_mark", "ctrl+s")
        await pilot.pause()
        assert app.of_kind(Composer.SendRequested) == [Composer.SendRequested("reply:c9", "Eens!")]
        # the draft is reported first, so it is stored before the send starts
        assert app.received[0] == Composer.DraftChanged("reply:c9", "Eens!")


async def test_empty_text_is_not_sent_and_the_hint_says_why() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "  \n ")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.of_kind(Composer.SendRequested) == []
        hint = app.query_one("#composer-hint", Static)
        assert hint.has_class("-warning")
        assert str(hint.visual) == "Nothing to send: the text is empty or shows nothing."
        await pilot.press("a")
        await pilot.pause()
        assert not hint.has_class("-warning")


async def test_markdown_that_shows_nothing_is_not_sent() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        for blank in ("** **", "> \n>", "- \n- ", "---", "[](https://example.org)", "\u200b"):
            app.composer.open("comment:b1", "Comment on Hoi", blank)
            await pilot.pause()
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.of_kind(Composer.SendRequested) == [], blank
            hint = app.query_one("#composer-hint", Static)
            assert "shows nothing" in str(hint.visual), blank
            assert app.composer.text == blank  # kept as written


async def test_escape_reports_the_draft_at_once_and_closes_keeping_the_text() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "")
        await pilot.pause()
        await pilot.press("o", "k", "escape")
        await pilot.pause()
        assert app.received == [
            Composer.DraftChanged("comment:b1", "ok"),
            Composer.Closed("comment:b1", "ok"),
        ]
        assert not app.composer.is_open
        assert not app.composer.region.height
        # keys typed now must not land in the hidden text area
        assert not app.query_one("#composer-text", TextArea).has_focus
        app.composer.open("comment:b1", "Comment on Hoi", app.composer.text)
        assert app.composer.text == "ok"


async def test_close_forgets_the_text_without_a_message() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "sent already")
        await pilot.pause()
        app.composer.close()
        await pilot.pause(0.6)
        assert app.received == []
        assert app.composer.text == ""


async def test_a_hostile_title_is_shown_literally_and_clicking_it_does_nothing() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", f"Comment on {HOSTILE_TITLE}\x1b[2J", "")
        await pilot.pause()
        header = app.query_one("#composer-header", Static)
        assert str(header.visual) == f"Comment on {HOSTILE_TITLE}[2J"
        # Were the title parsed as markup, the "x" would be a live quit button.
        await pilot.click("#composer-header", offset=(len("Comment on "), 0))
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_ctrl_e_runs_the_editor_and_takes_its_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = write_editor(tmp_path, 'printf "\\nfrom the editor" >> "$1"')
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", editor)
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "first line")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.composer.text == "first line\nfrom the editor"
        assert app.of_kind(Composer.DraftChanged) == [
            Composer.DraftChanged("comment:b1", "first line\nfrom the editor")
        ]
        assert app.query_one("#composer-text", TextArea).has_focus


async def test_a_failing_editor_keeps_the_text_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = write_editor(tmp_path, 'echo "garbage" > "$1"; exit 3')
    monkeypatch.setenv("VISUAL", editor)
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Comment on Hoi", "precious")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.composer.text == "precious"
        [failure] = app.of_kind(Composer.EditorFailed)
        assert "exit status 3" in failure.reason  # type: ignore[attr-defined]
        assert "your text is kept" in str(app.query_one("#composer-hint", Static).visual)


def test_the_editor_gets_a_private_file_and_it_is_removed(tmp_path: Path) -> None:
    record = tmp_path / "seen"
    editor = write_editor(
        tmp_path, f'stat -c %a "$1" > "{record}"; echo "$1" >> "{record}"; printf "new" > "$1"'
    )
    outcome = edit_externally("old", {"EDITOR": editor})
    assert outcome.text == "new"
    assert outcome.error is None
    mode, path = record.read_text().split()
    assert stat.S_IMODE(int(mode, 8)) == 0o600
    assert not os.path.exists(path)


def test_a_missing_editor_keeps_the_text() -> None:
    outcome = edit_externally("keep me", {"EDITOR": "/nonexistent/editor --wait"})
    assert outcome.text == "keep me"
    assert outcome.error is not None and "/nonexistent/editor" in outcome.error


def test_editor_choice() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "nano"}) == ["code", "--wait"]
    assert editor_command({"EDITOR": "nano"}) == ["nano"]
    assert editor_command({"VISUAL": " "}) == ["vi"]


async def test_the_hint_follows_language_and_remapped_keys() -> None:
    app = ComposerApp()
    async with app.run_test() as pilot:
        app.composer.open("comment:b1", "Reactie op Hoi", "")
        await pilot.pause()
        hint = app.query_one("#composer-hint", Static)
        assert str(hint.visual) == "ctrl+s send · esc keep draft · ctrl+e in $EDITOR"
        app.composer.strings = Strings("nl")
        app.composer.keymap = {"composer.send": "ctrl+enter"}
        await pilot.pause()
        assert str(hint.visual) == "ctrl+enter versturen · esc concept bewaren · ctrl+e in $EDITOR"
