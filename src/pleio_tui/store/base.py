"""What every part of the Store shares: the connection, its file, and safe helpers."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pleio_tui.store.connection import (
    FileIdentity,
    check_same_file,
    file_identity,
    write_transaction,
)
from pleio_tui.store.errors import translated_errors

Params = Sequence[Any] | Mapping[str, Any]


class StoreBase:
    """The connection belongs to the thread that opened the Store (sqlite3 enforces it)."""

    _conn: sqlite3.Connection
    _path: Path
    _identity: FileIdentity | None = None
    """The opened file's device and inode, checked before every write."""

    @contextmanager
    def _write(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """One transaction: every write method is all-or-nothing. `durable=False`
        only for what the site can send again (see `write_transaction`)."""
        check_same_file(self._path, self._identity)
        with write_transaction(self._conn, self._path, durable=durable) as conn:
            yield conn

    def is_same_file(self) -> bool:
        """Whether the file at the path is still the one this Store opened."""
        return self._identity is None or file_identity(self._path) == self._identity

    def _rows(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        with translated_errors(self._path):
            return self._conn.execute(sql, params).fetchall()

    def _row(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        with translated_errors(self._path):
            row: sqlite3.Row | None = self._conn.execute(sql, params).fetchone()
            return row

    def _scalar(self, sql: str, params: Params = ()) -> Any:
        row = self._row(sql, params)
        return None if row is None else row[0]
