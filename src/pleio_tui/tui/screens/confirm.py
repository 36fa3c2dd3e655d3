"""A yes/no question: `y` yes, `n` or `escape` no. Dismisses with a bool."""

from __future__ import annotations

from collections.abc import Mapping

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings, key_label


class ConfirmScreen(ModalScreen[bool]):
    """`push_screen(ConfirmScreen(strings("confirm.leave_group", name=...), strings), cb)`;
    the question may hold remote text: it is shown literally."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #confirm-dialog {
        width: 60; max-width: 90%; height: auto;
        border: thick $warning; background: $surface; padding: 1 2;
    }
    ConfirmScreen #confirm-question { margin-bottom: 1; }
    ConfirmScreen #confirm-buttons { height: auto; align-horizontal: right; }
    ConfirmScreen Button { margin-left: 2; }
    """

    BINDINGS = bindings("dialog")

    def __init__(
        self, question: str, strings: Strings, keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self._question = question
        self._strings = strings
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        s = self._strings
        with Vertical(id="confirm-dialog"):
            yield Static(Content(s("confirm.title")), id="confirm-title", markup=False)
            yield Static(Content(self._question), id="confirm-question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yes = f"{s('confirm.yes')} ({key_label('confirm.yes', self._keymap)})"
                no = f"{s('confirm.no')} ({key_label('confirm.no', self._keymap)})"
                yield Button(Content(yes), id="confirm-yes", variant="warning")
                yield Button(Content(no), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
