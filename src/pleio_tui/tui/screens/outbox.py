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
from textual.binding import BindingType

from pleio_tui.models import OutboxItem, OutboxState
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings, key_label
from pleio_tui.tui.render.ages import format_when
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.list_dialog import ListDialog
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
FOR_OTHER = Style(color="magenta", italic=True)
_UNSENT = (OutboxState.PENDING, OutboxState.SENDING, OutboxState.FAILED)


@dataclass(frozen=True, slots=True)
class OutboxActions:
    """What the screen may do to the outbox (the app's Store, on the app's thread)."""

    items: Callable[[], Sequence[OutboxItem]]
    retry: Callable[[int], None]
    discard: Callable[[int], None]
    give_up: Callable[[int], bool] | None = None
    """Stop an item of unknown fate for good; False when it cannot be now (said why)."""
    waits_for: Callable[[OutboxItem], str | None] | None = None
    """The account an unsent item waits for, named, when it is not the one logged in."""


def outbox_formatter(
    strings: Strings, waits_for: Callable[[OutboxItem], str | None] | None = None
) -> Callable[[OutboxItem, int, bool], Text]:
    """Two lines an item: its state, kind and text; then why it waits, failed or
    when it was written."""

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
        other = waits_for(item) if waits_for is not None and item.state in _UNSENT else None
        if other is not None:
            detail.append(strings("outbox.for_other", name=other), FOR_OTHER)
        elif item.state == OutboxState.FAILED:
            detail.append(strings.error(item.error_code or "unknown"), Style(color="red"))
        elif item.state == OutboxState.GIVEN_UP:
            detail.append(strings("outbox.given_up_detail"), STATE_STYLES[item.state])
        elif item.created_at is not None:
            detail.append(format_when(item.created_at, strings.lang), DIM)
        result = fit_row(head, Text(), width)
        result.append("\n")
        result.append_text(fit_row(detail, Text(), width))
        return result

    return format_item


class OutboxScreen(ListDialog[OutboxItem, None]):
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("screen"), *bindings("outbox")]

    def __init__(
        self, actions: OutboxActions, strings: Strings, keymap: Mapping[str, str] | None = None
    ) -> None:
        keys = dict(keymap or {})
        hint = strings(
            "outbox.hint",
            retry=key_label("list.open", keys),
            discard=key_label("outbox.discard", keys),
            close=key_label("screen.close", keys),
        )
        hint += " · " + strings("outbox.hint.give_up", give_up=key_label("outbox.give_up", keys))
        super().__init__(
            "outbox",
            heading=strings("pane.outbox"),
            hint=hint,
            placeholder=strings("empty.outbox"),
            rows=actions.items,
            formatter=outbox_formatter(strings, actions.waits_for),
            row_height=OUTBOX_ROW_HEIGHT,
            row_key=lambda item: str(item.id),
        )
        self._actions = actions
        self._strings = strings
        self._keymap = keys

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
