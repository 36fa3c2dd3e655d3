"""A list a view pages through: one indexed query for the count, one for each window."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from pleio_tui.store.errors import translated_errors

RowT = TypeVar("RowT")


class SqlRowSource(Generic[RowT]):
    """A RowSource over a query. The SQL is public so tests can check its query plan.

    `window_sql` takes the named parameters in `params` plus :limit and :offset.
    Use it on the thread whose Store made it.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        count_sql: str,
        window_sql: str,
        params: Mapping[str, Any],
        make_row: Callable[[sqlite3.Row], RowT],
    ) -> None:
        self._conn = conn
        self._path = path
        self.count_sql = count_sql
        self.window_sql = window_sql
        self.params: dict[str, Any] = dict(params)
        self._make_row = make_row

    def count(self) -> int:
        with translated_errors(self._path):
            return int(self._conn.execute(self.count_sql, self.params).fetchone()[0])

    def window(self, offset: int, limit: int) -> list[RowT]:
        if limit <= 0:
            return []
        params = {**self.params, "offset": max(offset, 0), "limit": limit}
        with translated_errors(self._path):
            rows = self._conn.execute(self.window_sql, params).fetchall()
        return [self._make_row(row) for row in rows]
