"""A modal list of rows from the cache: a heading, a `RowList`, a line of keys.

The inbox and the outbox are this with their own rows and actions. Widget ids
start with the screen's prefix (`inbox-items`, `outbox-hint`, …) so tests and
styles can tell the dialogs apart.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from pleio_tui.tui.panes.lists import ListSource
from pleio_tui.tui.widgets.row_list import RowFormatter, RowList

RowT = TypeVar("RowT")
ResultT = TypeVar("ResultT")


class ListDialog(ModalScreen[ResultT | None], Generic[RowT, ResultT]):
    """Dismisses with what the subclass chooses, or None when closed."""

    DEFAULT_CSS = """
    ListDialog { align: center middle; }
    ListDialog > .list-dialog {
        width: 110; max-width: 100%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    ListDialog .list-dialog-heading { text-style: bold; margin-bottom: 1; }
    ListDialog .list-dialog-items { height: 1fr; }
    ListDialog .list-dialog-hint { color: $text-muted; }
    """

    def __init__(
        self,
        prefix: str,
        *,
        heading: str,
        hint: str,
        placeholder: str,
        rows: Callable[[], Sequence[RowT]],
        formatter: RowFormatter[RowT],
        row_height: int,
        row_key: Callable[[RowT], str],
    ) -> None:
        super().__init__()
        self._prefix = prefix
        self._heading = heading
        self._hint = hint
        self._placeholder = placeholder
        self._rows = rows
        self._formatter = formatter
        self._row_height = row_height
        self._row_key = row_key

    def compose(self) -> ComposeResult:
        p = self._prefix
        with Vertical(id=f"{p}-dialog", classes="list-dialog"):
            yield Static(Content(self._heading), id=f"{p}-heading", classes="list-dialog-heading")
            yield RowList(
                ListSource(self._rows()),
                self._formatter,
                row_height=self._row_height,
                placeholder=self._placeholder,
                id=f"{p}-items",
                classes="list-dialog-items",
                row_key=self._row_key,
            )
            yield Static(Content(self._hint), id=f"{p}-hint", classes="list-dialog-hint")

    def on_mount(self) -> None:
        self.items.focus()

    @property
    def items(self) -> RowList[RowT]:
        return self.query_one(f"#{self._prefix}-items", RowList)

    def reload(self) -> None:
        self.items.set_source(ListSource(self._rows()))

    def action_close(self) -> None:
        self.dismiss(None)
