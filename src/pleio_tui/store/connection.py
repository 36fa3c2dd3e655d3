"""Opening the cache file: private permissions, WAL, and explicit transactions."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pleio_tui.store.errors import translated_errors

DEFAULT_BUSY_TIMEOUT = 5.0


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
    WAL with synchronous=NORMAL survives a crash or power cut with at most the
    last commits lost, never a damaged file.
    """
    create_private_dirs(path.parent)
    create_private_file(path)
    conn = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout)
    try:
        with translated_errors(path):
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            # Reading the schema is the first access to the file's pages: a file
            # that is not a database fails here, before anything is written to it.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    os.chmod(path, 0o600)
    return conn


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One all-or-nothing write: BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error."""
    with translated_errors(path):
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
