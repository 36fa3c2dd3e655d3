"""Opening the cache file: private permissions, WAL, and explicit transactions."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pleio_tui.store.errors import (
    CacheReplacedError,
    os_file_error,
    translated_errors,
)
from pleio_tui.store.search_index import register_search_functions

DEFAULT_BUSY_TIMEOUT = 5.0
PAGE_SIZE = 16384
"""A blog's row is a few KiB: on SQLite's default 4 KiB pages most rows would
fill a page alone and leave the rest of it empty."""
WAL_SWITCH_RETRY_SECONDS = 0.01


class CacheConnection(sqlite3.Connection):
    """A connection to a cache file, with what its writes remember between transactions."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.known_words: set[str] = set()
        """Words this connection knows the search vocabulary holds."""
        self.pending_documents: dict[int, tuple[str, str, str]] | None = None
        """Documents added in an `index_batch`, indexed at its end."""


def create_private_dirs(directory: Path) -> None:
    """Create missing directories (and missing parents) that only the user can enter.

    Directories that already exist are left alone: the cache may live in a folder
    the user chose and shares with other files.
    """
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700, exist_ok=True)
        os.chmod(path, 0o700)


def create_private_file(path: Path) -> None:
    """Create the database file readable by the user alone, before SQLite touches it."""
    if path.exists():
        return
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def open_connection(path: Path, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> sqlite3.Connection:
    """Connect with the settings every pleio-tui connection shares.

    `isolation_level=None` leaves transactions to `write_transaction`, so each
    one starts with BEGIN IMMEDIATE and never deadlocks upgrading a read lock.
    WAL never leaves a damaged file after a crash or power cut; how many of the
    last commits a power cut may take back is each write's choice
    (`write_transaction`).
    """
    try:
        create_private_dirs(path.parent)
        create_private_file(path)
    except OSError as exc:
        raise os_file_error(path, exc) from exc
    with translated_errors(path):
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=busy_timeout, factory=CacheConnection
        )
        register_search_functions(conn)
    try:
        with translated_errors(path):
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            # Reading the schema is the first access to the file's pages: a file
            # that is not a database fails here, before anything is written to it.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # a new file only
            _switch_to_wal(conn, busy_timeout)
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    try:
        os.chmod(path, 0o600)
    except OSError as exc:
        conn.close()
        raise os_file_error(path, exc) from exc
    return conn


FileIdentity = tuple[int, int]
"""A file's device and inode: another file at the same path has another."""


def file_identity(path: Path) -> FileIdentity | None:
    """The identity of the file now at `path`; None when there is none."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def check_same_file(path: Path, opened: FileIdentity | None) -> None:
    """Raise CacheReplacedError when `path` no longer is the file that was opened
    (deleted, or moved aside and another put there): a write would land in a file
    nobody reads again."""
    if opened is not None and file_identity(path) != opened:
        raise CacheReplacedError(path)


def _switch_to_wal(conn: sqlite3.Connection, busy_timeout: float) -> None:
    """Put the file in WAL mode, waiting like any other write would.

    Two connections switching a new file at the same moment each hold a read lock
    and want the other's gone: SQLite answers one of them "locked" at once,
    without calling the busy handler. Try again until the timeout.
    """
    deadline = time.monotonic() + busy_timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_SWITCH_RETRY_SECONDS)


def compact(conn: sqlite3.Connection, busy_timeout: float = DEFAULT_BUSY_TIMEOUT) -> bool:
    """Rewrite the file without its free pages, on PAGE_SIZE pages; False when another
    connection has it open (the free pages are then reused by later writes).

    WAL files keep their page size: the file leaves WAL for the rewrite.
    """
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:
        return False
    if str(mode).lower() != "delete":
        return False
    try:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        conn.execute("VACUUM")
        return True
    except sqlite3.OperationalError:
        return False  # no room for the copy, or a reader came: the file stays as it was
    finally:
        _switch_to_wal(conn, busy_timeout)


@contextmanager
def write_transaction(
    conn: sqlite3.Connection, path: Path, *, durable: bool = True
) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error.

    A durable commit is on the disk when it returns (synchronous=FULL): what the
    user wrote and every state of the outbox, whose "sending" mark must outlive a
    power cut once the request may have left. Rows the site can send again take
    synchronous=NORMAL, which a power cut may roll back to an earlier commit
    (never to a damaged file); a durable commit also makes those before it safe.
    """
    with translated_errors(path):
        conn.execute(f"PRAGMA synchronous = {'FULL' if durable else 'NORMAL'}")
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
