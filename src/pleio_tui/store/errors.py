"""What can go wrong with the cache file, in words a user can act on."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class StoreError(Exception):
    """The offline cache cannot do what was asked."""


class CacheFileError(StoreError):
    """The cache file (or its folder, or its disk) refused an operation.

    Each subclass names the file and what the user can do about it; `path` is the
    file, so an interface can show it or try again once the cause is gone."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class CacheCorruptError(CacheFileError):
    """The file is not a readable SQLite database, or has damaged pages. It is
    left as it is."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"the offline cache {path} is damaged or not a database ({detail}); "
            "it was left untouched: move it aside to start a fresh cache",
        )


class CacheBusyError(CacheFileError):
    """Another process held the write lock for longer than the busy timeout."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"the offline cache {path} is locked by another pleio-tui process; "
            "close it or wait for its sync to finish",
        )


class CacheFullError(CacheFileError):
    """The disk (or the file's size limit) has no room for what was to be written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"the disk holding the offline cache {path} is full; "
            "nothing was written: free some space and try again",
        )


class CacheReadOnlyError(CacheFileError):
    """The file, its folder or its file system may be read but not written."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"the offline cache {path} cannot be written (the file, its folder or "
            "its disk is read-only); make both writable for your user and try again",
        )


class CacheOpenError(CacheFileError):
    """The file could not be opened or created at all."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"the offline cache {path} cannot be opened ({detail}); "
            "check that its folder exists and that your user may write there",
        )


class CacheIOError(CacheFileError):
    """The operating system reported an I/O error reading or writing the file."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            path,
            f"reading or writing the offline cache {path} failed ({detail}); "
            "check the disk, then try again",
        )


class CacheReplacedError(CacheFileError):
    """The file was deleted or replaced by another while this process had it open:
    writing to the open one would write to a file nobody will read again."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"the offline cache {path} was deleted or replaced while pleio-tui had it "
            "open; nothing was written to it: start pleio-tui again to use the file "
            "now there",
        )


class NewerSchemaError(StoreError):
    """The file was written by a newer pleio-tui whose schema this one does not know."""


class OutboxItemNotFoundError(StoreError):
    """No outbox item has that id."""


class OutboxStateError(StoreError):
    """The outbox item is in a state that does not allow the change."""


class OutboxBusyError(StoreError):
    """Another sender (this process or another) holds the outbox lease: an item it
    may have in flight cannot be changed now."""


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_NOTADB = 26

_CORRUPT_HINTS = ("not a database", "malformed", "file is encrypted", "disk image")
_BUSY_HINTS = ("database is locked", "database is busy")


def file_error(path: Path, exc: sqlite3.Error) -> CacheFileError | None:
    """The CacheFileError for an sqlite3 error about the file; None for any other
    (a wrong statement is a bug, and stays one)."""
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or any(hint in text for hint in _BUSY_HINTS):
        return CacheBusyError(path)
    if primary == _SQLITE_FULL or "database or disk is full" in text:
        return CacheFullError(path)
    if primary == _SQLITE_READONLY or "readonly database" in text:
        return CacheReadOnlyError(path)
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or any(h in text for h in _CORRUPT_HINTS):
        return CacheCorruptError(path, str(exc))
    if primary == _SQLITE_CANTOPEN or "unable to open database" in text:
        return CacheOpenError(path, str(exc))
    if primary == _SQLITE_IOERR or "disk i/o error" in text:
        return CacheIOError(path, str(exc))
    return None


def os_file_error(path: Path, exc: OSError) -> CacheFileError:
    """The CacheFileError for an OSError creating or opening the file or its folder."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return CacheFullError(path)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return CacheReadOnlyError(path)
    if exc.errno == errno.EIO:
        return CacheIOError(path, exc.strerror or str(exc))
    return CacheOpenError(path, exc.strerror or str(exc))


@contextmanager
def translated_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3's errors about the file (locked, full, read-only, damaged,
    unopenable, I/O) into CacheFileErrors naming it."""
    try:
        yield
    except sqlite3.Error as exc:
        translated = file_error(path, exc)
        if translated is None:
            raise
        raise translated from exc
