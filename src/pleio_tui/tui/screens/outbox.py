"""The outbox: what waits to go out, what went out, what the site refused and why.

`enter` on a refused item tries it again with the next sync; the discard key
throws an item away after a confirmation (its draft, if any, stays).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from pleio_tui.models import OutboxItem, OutboxState
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings, key_label
from pleio_tui.tui.panes.lists import ListSource
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.widgets.row_layout import fit_row
from pleio_tui.tui.widgets.row_list import RowList

OUTBOX_ROW_HEIGHT = 2
STATE_STYLES = {
    OutboxState.PENDING: Style(color="yellow"),
    OutboxState.SENDING: Style(color="cyan"),
    OutboxState.SENT: Style(color="green"),
    OutboxState.FAILED: Style(color="red", bold=True),
    OutboxState.GIVEN_UP: Style(color="magenta"),
}
DIM = Style(dim=True)


@dataclass(frozen=True, slots=True)
class OutboxActions:
    """What the screen may do to the outbox (the app's Store, on the app's thread)."""

    items: Callable[[], Sequence[OutboxItem]]
    retry: Callable[[int], None]
    discard: Callable[[int], None]
    give_up: Callable[[int], bool] | None = None
    """Stop an item of unknown fate for good; False when it cannot be now (said why)."""


def outbox_formatter(strings: Strings) -> Callable[[OutboxItem, int, bool], Text]:
    def format_item(item: OutboxItem, width: int, selected: bool) -> Text:
        head = Text(" ")
        head.append(strings(f"outbox.state.{item.state.value}"), STATE_STYLES[item.state])
        head.append(" · ", DIM)
        head.append(strings(f"outbox.kind.{item.kind.value}"), Style(bold=True))
        what = terminal_safe_line(item.title or item.body)
        if item.score and not what:
            what = f"{item.score:+d}"
        if what:
            head.append(" " + what)
        detail = Text("   ", DIM)
        if item.state == OutboxState.FAILED:
            detail.append(strings.error(item.error_code or "unknown"), Style(color="red"))
        elif item.state == OutboxState.GIVEN_UP:
            detail.append(strings("outbox.given_up_detail"), STATE_STYLES[item.state])
        elif item.created_at is not None:
            detail.append(item.created_at.astimezone().strftime("%Y-%m-%d %H:%M"), DIM)
        result = fit_row(head, Text(), width)
        result.append("\n")
        result.append_text(fit_row(detail, Text(), width))
        return result

    return format_item


class OutboxScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    OutboxScreen { align: center middle; }
    OutboxScreen > #outbox-dialog {
        width: 110; max-width: 100%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    OutboxScreen #outbox-heading { text-style: bold; margin-bottom: 1; }
    OutboxScreen #outbox-items { height: 1fr; }
    OutboxScreen #outbox-hint { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("screen"), *bindings("outbox")]

    def __init__(
        self, actions: OutboxActions, strings: Strings, keymap: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self._actions = actions
        self._strings = strings
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        s = self._strings
        hint = s(
            "outbox.hint",
            retry=key_label("list.open", self._keymap),
            discard=key_label("outbox.discard", self._keymap),
            close=key_label("screen.close", self._keymap),
        )
        hint += " · " + s("outbox.hint.give_up", give_up=key_label("outbox.give_up", self._keymap))
        with Vertical(id="outbox-dialog"):
            yield Static(Content(s("pane.outbox")), id="outbox-heading")
            yield RowList(
                ListSource(self._actions.items()),
                outbox_formatter(s),
                row_height=OUTBOX_ROW_HEIGHT,
                placeholder=s("empty.outbox"),
                id="outbox-items",
                row_key=lambda item: str(item.id),
            )
            yield Static(Content(hint), id="outbox-hint")

    def on_mount(self) -> None:
        self.items.focus()

    @property
    def items(self) -> RowList[OutboxItem]:
        return self.query_one("#outbox-items", RowList)

    def reload(self) -> None:
        self.items.set_source(ListSource(self._actions.items()))

    @on(RowList.Selected, "#outbox-items")
    def _retry(self, event: RowList.Selected) -> None:
        event.stop()
        item: OutboxItem = event.row
        if item.state != OutboxState.FAILED:
            return
        self._actions.retry(item.id)
        self.reload()
        self.notify(self._strings("outbox.retried"), markup=False)

    def action_discard(self) -> None:
        item = self.items.highlighted_row
        if item is None:
            return
        if item.state == OutboxState.SENDING:
            self.notify(self._strings("notice.discard_sending"), markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._actions.discard(item.id)
                self.reload()
                self.notify(self._strings("notice.discarded"), markup=False)

        question = self._strings("confirm.discard_outbox")
        self.app.push_screen(ConfirmScreen(question, self._strings, self._keymap), answered)

    def action_give_up(self) -> None:
        """Stop sending an item that may have reached the site, after saying so."""
        item = self.items.highlighted_row
        give_up = self._actions.give_up
        if item is None or give_up is None:
            return
        if item.state != OutboxState.SENDING:
            self.notify(self._strings("notice.give_up_not_sending"), markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes and give_up(item.id):
                self.notify(self._strings("notice.given_up"), markup=False)
            self.reload()

        question = self._strings("confirm.give_up")
        self.app.push_screen(ConfirmScreen(question, self._strings, self._keymap), answered)

    def action_close(self) -> None:
        self.dismiss(None)
