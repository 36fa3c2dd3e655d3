"""What the app's row lists share: a formatter that can change language, and the
small row sources the panes put in front of the cache."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.content import Content
from textual.strip import Strip

from pleio_tui.models import RowSource
from pleio_tui.tui.widgets.row_list import RowFormatter

RowT = TypeVar("RowT")


class SwitchableFormatter(Generic[RowT]):
    """A row formatter that can be replaced (a language switch) under a live list."""

    def __init__(self, formatter: RowFormatter[RowT]) -> None:
        self.formatter = formatter

    def __call__(self, row: RowT, width: int, selected: bool) -> Text | Content | list[Strip]:
        return self.formatter(row, width, selected)


class ListSource(Generic[RowT]):
    """Rows already in memory (search hits, outbox items: short lists)."""

    def __init__(self, rows: Sequence[RowT]) -> None:
        self._rows = tuple(rows)

    def count(self) -> int:
        return len(self._rows)

    def window(self, offset: int, limit: int) -> Sequence[RowT]:
        return self._rows[max(offset, 0) : max(offset, 0) + max(limit, 0)]


class WithFirstRow(Generic[RowT]):
    """One extra row (e.g. "all groups") before the rows of another source."""

    def __init__(self, first: RowT, rest: RowSource[RowT]) -> None:
        self._first = first
        self._rest = rest

    def count(self) -> int:
        return 1 + self._rest.count()

    def window(self, offset: int, limit: int) -> Sequence[RowT]:
        if limit <= 0:
            return []
        if offset <= 0:
            return [self._first, *self._rest.window(0, limit - 1)]
        return self._rest.window(offset - 1, limit)
