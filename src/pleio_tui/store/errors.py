"""What can go wrong with the cache file, in words a user can act on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StoreError(Exception):
    """The offline cache cannot do what was asked."""


class CacheCorruptError(StoreError):
    """The file is not a readable SQLite database. It is left as it is."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"the offline cache {path} is damaged or not a database ({detail}); "
            "it was left untouched: move it aside to start a fresh cache"
        )
        self.path = path


class CacheBusyError(StoreError):
    """Another process held the write lock for longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the offline cache {path} is locked by another pleio-tui process; "
            "close it or wait for its sync to finish"
        )
        self.path = path


class NewerSchemaError(StoreError):
    """The file was written by a newer pleio-tui whose schema this one does not know."""


class OutboxItemNotFoundError(StoreError):
    """No outbox item has that id."""


class OutboxStateError(StoreError):
    """The outbox item is in a state that does not allow the change."""


_CORRUPT_HINTS = ("not a database", "malformed", "file is encrypted", "disk image")
_BUSY_HINTS = ("database is locked", "database is busy")


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3's corrupt-file and lock errors into StoreErrors naming the file."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        if any(hint in text for hint in _BUSY_HINTS):
            raise CacheBusyError(path) from exc
        if any(hint in text for hint in _CORRUPT_HINTS):
            raise CacheCorruptError(path, str(exc)) from exc
        raise
