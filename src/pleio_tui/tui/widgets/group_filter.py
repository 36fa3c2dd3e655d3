"""The group filter field, made the first time the user filters."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import Input

from pleio_tui.tui.keys import bindings


class FilterInput(Input):
    """The filter field: `escape` goes back to the list, keeping the filter."""

    # Here rather than on the pane: parsed only once someone filters. The id
    # outranks Input's own `:focus` border.
    DEFAULT_CSS = """
    FilterInput#group-filter { height: 1; border: none; padding: 0 1; }
    FilterInput#group-filter:focus { background: $boost; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("filter")

    def action_back_to_list(self) -> None:
        self.screen.focus_next()
