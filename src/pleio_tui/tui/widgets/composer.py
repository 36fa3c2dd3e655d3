"""The comment composer: a text area under the post, with what it answers to and
which keys send, keep or hand the text to $EDITOR.

Attributes down, messages up: the app calls `open()` and `close()`, sets `strings`
and `keymap`; the composer posts `DraftChanged` (debounced, so the app can save the
draft), `SendRequested` and `Closed`. It never drops text: a text that would show
nothing (`is_blank_markdown`) is not sent,
and a failing editor leaves the text as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static

from pleio_tui.tui.editor import edit_in_suspended_app
from pleio_tui.tui.i18n import Strings, one_line
from pleio_tui.tui.keys import bindings, key_label

if TYPE_CHECKING:
    from textual.widgets import TextArea

DEBOUNCE_SECONDS = 0.4


class Composer(Vertical):
    """Give it the id `composer`; it shows itself (class `-open`) while open.

    Its text area is built when it first opens: most sessions only read, and the
    first screen should not wait for a widget it does not show.
    """

    DEFAULT_CSS = """
    Composer { height: auto; display: none; }
    Composer.-open { display: block; }
    Composer > #composer-header { height: 1; text-style: bold; }
    Composer > #composer-text { height: 8; }
    Composer > #composer-hint { height: 1; color: $text-muted; }
    Composer > #composer-hint.-warning { color: $text-warning; }
    """

    BINDINGS = bindings("composer")

    # A factory: reactive calls a callable default, and Strings is callable.
    strings: reactive[Strings] = reactive(lambda: Strings("nl"), init=False)
    keymap: reactive[dict[str, str]] = reactive(dict, init=False)

    @dataclass
    class DraftChanged(Message):
        """The text changed and the typing paused: save it as the draft."""

        draft_key: str
        text: str

    @dataclass
    class SendRequested(Message):
        """The user asked to send `text`."""

        draft_key: str
        text: str

    @dataclass
    class Closed(Message):
        """The user left the composer; `text` is kept as the draft."""

        draft_key: str
        text: str

    @dataclass
    class EditorFailed(Message):
        """The external editor did not run or failed; the text is unchanged."""

        draft_key: str
        reason: str

    def __init__(
        self,
        strings: Strings | None = None,
        *,
        id: str | None = "composer",
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        if strings is not None:
            self.set_reactive(Composer.strings, strings)
        self._draft_key: str | None = None
        self._target_label = ""
        self._reported_text = ""
        self._debounce: Timer | None = None
        self._built = False

    def _build(self) -> None:
        from textual.widgets import TextArea  # 10 ms, when the composer first opens

        self.mount(
            Static(id="composer-header", markup=False),
            TextArea(
                id="composer-text",
                soft_wrap=True,
                tab_behavior="focus",
                placeholder=self.strings("composer.placeholder"),
            ),
            Static(self._hint(), id="composer-hint", markup=False),
        )
        self._built = True

    # --- what the app calls ---

    @property
    def draft_key(self) -> str | None:
        return self._draft_key

    @property
    def text(self) -> str:
        return self._text_area.text if self._built else ""

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, draft_key: str, target_label: str, initial_text: str = "") -> None:
        """Show the composer for `draft_key` ("comment:<guid>", "reply:<guid>"),
        headed by `target_label` (remote text is fine: it is shown literally)."""
        if not self._built:
            self._build()
        if self._draft_key is not None and self._draft_key != draft_key:
            self._report_draft()
        self._cancel_debounce()
        self._draft_key = draft_key
        self._target_label = one_line(target_label)
        self._reported_text = initial_text
        self.query_one("#composer-header", Static).update(Content(self._target_label))
        self._text_area.load_text(initial_text)
        self._text_area.move_cursor(self._text_area.document.end)
        self._show_hint()
        self.add_class("-open")
        self._text_area.focus()

    def close(self) -> None:
        """Hide and forget the text, silently: for after the app has the text safe
        (sent or queued)."""
        self._cancel_debounce()
        self._draft_key = None
        self._reported_text = ""
        if self._built:
            self._text_area.load_text("")
        self.remove_class("-open")

    def show_warning(self, text: str) -> None:
        """Say something about the text under it (until the next keystroke)."""
        if self._built:
            self._show_hint(text)

    def focus_text(self) -> None:
        if self._built:
            self._text_area.focus()

    def after_typed(self, callback: Callable[..., object], *args: object) -> None:
        """Call `callback` once the keys already queued for the text area are in it."""
        if self._built:
            self._text_area.call_later(callback, *args)
        else:
            self.call_later(callback, *args)

    # --- keys ---

    def action_send(self) -> None:
        if self._draft_key is None:
            return
        text = self.text
        from pleio_tui.richtext import is_blank_markdown  # markdown-it, 25 ms, when first sent

        if is_blank_markdown(text):
            self._show_hint(self.strings("composer.blank"))
            return
        self._report_draft()
        self.post_message(self.SendRequested(self._draft_key, text))

    def action_leave(self) -> None:
        if self._draft_key is None:
            return
        self._report_draft()
        self.remove_class("-open")
        self.post_message(self.Closed(self._draft_key, self.text))

    def action_external_editor(self) -> None:
        if self._draft_key is None:
            return
        outcome = edit_in_suspended_app(
            self.app, self.text, self.strings("composer.editor_unavailable")
        )
        if outcome.error is not None:
            self.post_message(self.EditorFailed(self._draft_key, outcome.error))
            self._show_hint(self.strings("composer.editor_failed", detail=outcome.error))
            return
        if outcome.text != self.text:
            self._text_area.load_text(outcome.text)
            self._text_area.move_cursor(self._text_area.document.end)
        self._report_draft()

    # --- drafts ---

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self._draft_key is None:
            return
        self._show_hint()
        self._cancel_debounce()
        if self.text != self._reported_text:
            self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._report_draft)

    def _report_draft(self) -> None:
        self._cancel_debounce()
        if self._draft_key is None or self.text == self._reported_text:
            return
        self._reported_text = self.text
        self.post_message(self.DraftChanged(self._draft_key, self.text))

    def _cancel_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    # --- the hint line ---

    def watch_strings(self) -> None:
        if self._built:
            self._text_area.placeholder = self.strings("composer.placeholder")
            self._show_hint()

    def watch_keymap(self) -> None:
        if self._built:
            self._show_hint()

    def _hint(self) -> str:
        return self.strings(
            "composer.hint",
            send=key_label("composer.send", self.keymap),
            leave=key_label("composer.leave", self.keymap),
            editor=key_label("composer.editor", self.keymap),
        )

    def _show_hint(self, warning: str | None = None) -> None:
        hint = self.query_one("#composer-hint", Static)
        hint.update(Content(warning if warning is not None else self._hint()))
        hint.set_class(warning is not None, "-warning")

    @property
    def _text_area(self) -> TextArea:
        from textual.widgets import TextArea  # loaded by then; named here for the type only

        return self.query_one("#composer-text", TextArea)
