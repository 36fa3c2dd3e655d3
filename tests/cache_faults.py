"""Real storage faults on a real cache file, shared by the store, command and
app tests: a full disk, a read-only folder, damaged pages, a write lock held by
another process, and the file deleted or replaced under an open Store."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NO_LIMIT = 1_073_741_823


def fill_disk(conn: sqlite3.Connection) -> None:
    """Make the disk "full" for this connection: SQLite's `max_page_count` capped
    at the pages the file has now, and its free pages filled, so any write that
    needs a new page fails with SQLITE_FULL, as on a full disk (a real small file
    system needs mount, which a test machine may not allow)."""
    conn.execute("CREATE TABLE IF NOT EXISTS test_disk_filler (junk BLOB)")
    conn.execute("PRAGMA max_page_count = 1")
    for size in (4096, 512, 64):
        while True:
            try:
                conn.execute("INSERT INTO test_disk_filler VALUES (zeroblob(?))", (size,))
            except sqlite3.OperationalError as exc:
                if "full" not in str(exc):
                    raise
                break


def free_disk(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA max_page_count = {NO_LIMIT}")


def damage_pages(path: Path, *, everywhere: bool = False) -> None:
    """Overwrite bytes in pages of a real cache file, checkpointed first so the
    pages are in the file itself: the middle third of the pages but the schema's (so
    the file opens), or every page, the first one's b-tree header included (the
    file's own header left whole)."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    # Where the schema's pages lie depends on the order of the migrations; keep
    # them whole so that "the file opens" stays true whatever that order is.
    schema_pages = {
        number - 1
        for (number,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name IN ('sqlite_schema', 'sqlite_master')"
        )
    }
    conn.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    first, last = (1, pages) if everywhere else (pages // 3, 2 * pages // 3)
    for page in range(first, last):
        if not everywhere and page in schema_pages:
            continue
        offset = page * page_size
        data[offset : offset + 8] = b"\xff" * 8
        middle = offset + page_size // 2
        data[middle : middle + 64] = b"\xa5" * 64
    if everywhere:
        # On large pages the whole schema may sit in the first: damage its b-tree
        # page header, which follows the 100 bytes of the file's (left whole).
        data[100:108] = b"\xff" * 8
    path.write_bytes(bytes(data))


def can_make_read_only() -> str | None:
    """How this machine can make a folder read-only for the test's own user:
    "chattr" (root, for whom permissions are no obstacle), "chmod" (anyone else),
    or None."""
    if os.geteuid() != 0:
        return "chmod"
    return "chattr" if shutil.which("chattr") else None


@contextmanager
def read_only_folder(folder: Path) -> Iterator[None]:
    """The folder and the files in it cannot be written, created or deleted.

    As root (CI), chmod stops nothing: the folder and its files are made
    immutable with `chattr +i` instead. Everything is writable again afterwards."""
    how = can_make_read_only()
    targets = [folder, *sorted(folder.iterdir())]
    if how == "chattr":
        subprocess.run(["chattr", "+i", *map(str, targets)], check=True)
    elif how == "chmod":
        for target in targets:
            target.chmod(0o500 if target.is_dir() else 0o400)
    else:
        raise RuntimeError("no way to make a folder read-only here")
    try:
        yield
    finally:
        if how == "chattr":
            subprocess.run(["chattr", "-i", *map(str, targets)], check=True)
        else:
            folder.chmod(0o700)
            for target in targets[1:]:
                target.chmod(0o600)


class WriteLockHolder:
    """Another real process that holds the cache's write lock (BEGIN IMMEDIATE)
    until `release()`."""

    def __init__(self, path: Path) -> None:
        script = textwrap.dedent(
            f"""
            import sqlite3, sys
            conn = sqlite3.connect({str(path)!r}, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            print("holding", flush=True)
            sys.stdin.read()
            conn.execute("ROLLBACK")
            """
        )
        self._process = subprocess.Popen(
            [sys.executable, "-c", script],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._process.stdout is not None
        assert self._process.stdout.readline().strip() == "holding"

    def release(self) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        self._process.wait(timeout=10)

    def __enter__(self) -> WriteLockHolder:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._process.poll() is None:
            self.release()
