"""The group filter field, made the first time the user filters."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class FilterInput(Input):
    """The filter field: `escape` goes back to the list, keeping the filter."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back_to_list", show=False, id="group.filter_done"),
    ]

    def action_back_to_list(self) -> None:
        self.screen.focus_next()
