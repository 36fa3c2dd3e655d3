"""A cache as an older pleio-tui could have left it: it took any guid a site sent.

New answers are checked, but rows already in a cache are not read again, so the
app and the commands must still show and use them safely."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def give_cached_guid(cache: Path, old: str, new: str) -> None:
    """Rename the guid `old` to `new` wherever the cache's own tables hold it
    (the search index, a virtual table keyed by row, is left as it is)."""
    conn = sqlite3.connect(cache, timeout=10)
    try:
        with conn:
            tables = [
                name
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
                )
                if not sql.upper().startswith("CREATE VIRTUAL")
                and not name.startswith("search_index")
            ]
            for table in tables:
                for column in conn.execute(f"PRAGMA table_info({table})").fetchall():
                    name = column[1]
                    conn.execute(f"UPDATE {table} SET {name} = ? WHERE {name} = ?", (new, old))
    finally:
        conn.close()
