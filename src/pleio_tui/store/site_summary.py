"""What a site's cache holds at a glance, read without writing to it: for the
list of sites, where every other site's cache is looked at and none migrated,
created or locked."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from pleio_tui.store.errors import translated_errors


class SiteSummary(NamedTuple):
    unread: int
    outbox_waiting: int
    """Items not yet confirmed sent (pending or being sent)."""
    outbox_failed: int


def read_summary(path: Path) -> SiteSummary | None:
    """The counts in the cache at `path`; None when it does not exist (never
    synced). A damaged or locked file raises a CacheFileError naming it."""
    if not path.exists():
        return None
    with translated_errors(path):
        conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=1.0)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if "blogs" not in tables or "outbox" not in tables:
                return None  # created, never synced
            unread = conn.execute("SELECT count(*) FROM blogs WHERE is_read = 0").fetchone()[0]
            states = dict(
                conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
            )
        finally:
            conn.close()
    waiting = states.get("pending", 0) + states.get("sending", 0)
    return SiteSummary(int(unread), int(waiting), int(states.get("failed", 0)))
