"""Rows of the kinds of content beside blogs: their subtype and extra fields,
event attendance, wiki and folder trees, file contents. No permission checks."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pleio_tui.server.records import BlogRecord
from pleio_tui.server.repository import BLOG_SELECT, NewBlog, insert_blog

ATTENDANCE_STATES = ("accept", "reject", "maybe", "waitinglist")


def insert_content(
    conn: sqlite3.Connection,
    content: NewBlog,
    *,
    subtype: str,
    extra: dict[str, Any],
    guid: str | None = None,
) -> str:
    guid = insert_blog(conn, content, guid)
    conn.execute(
        "UPDATE blogs SET subtype = ?, extra = ? WHERE id = ?",
        (subtype, json.dumps(extra), guid),
    )
    return guid


def update_extra(
    conn: sqlite3.Connection, guid: str, changes: dict[str, Any], *, now: str | None = None
) -> None:
    """Change what only this kind has; with `now`, as an edit (timeUpdated moves)."""
    row = conn.execute("SELECT extra FROM blogs WHERE id = ?", (guid,)).fetchone()
    extra = json.loads(row["extra"]) if row is not None else {}
    extra.update(changes)
    conn.execute("UPDATE blogs SET extra = ? WHERE id = ?", (json.dumps(extra), guid))
    if now is not None:
        conn.execute("UPDATE blogs SET updated_at = ? WHERE id = ?", (now, guid))


def children(
    conn: sqlite3.Connection, subtypes: tuple[str, ...], key: str, guid: str
) -> list[BlogRecord]:
    """Wiki pages under a page (key "parent"), or files and folders in a folder
    (key "parent_folder"), by title."""
    marks = ", ".join("?" for _ in subtypes)
    rows = conn.execute(
        f"{BLOG_SELECT} WHERE b.subtype IN ({marks}) AND json_extract(b.extra, ?) = ?"
        " ORDER BY b.title COLLATE NOCASE",
        (*subtypes, f"$.{key}", guid),
    ).fetchall()
    return [BlogRecord.from_row(row) for row in rows]


def attendance(conn: sqlite3.Connection, event_id: str, user_id: str) -> str | None:
    row = conn.execute(
        "SELECT state FROM attendees WHERE event_id = ? AND user_id = ?", (event_id, user_id)
    ).fetchone()
    return None if row is None else str(row["state"])


def set_attendance(
    conn: sqlite3.Connection, event_id: str, user_id: str, state: str | None, now: str
) -> None:
    if state is None:
        conn.execute(
            "DELETE FROM attendees WHERE event_id = ? AND user_id = ?", (event_id, user_id)
        )
        return
    conn.execute(
        "INSERT INTO attendees (event_id, user_id, state, updated_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(event_id, user_id) DO UPDATE SET state = excluded.state,"
        " updated_at = excluded.updated_at",
        (event_id, user_id, state, now),
    )


def attendee_count(conn: sqlite3.Connection, event_id: str, state: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM attendees WHERE event_id = ? AND state = ?", (event_id, state)
    ).fetchone()[0]


def put_file_content(conn: sqlite3.Connection, file_id: str, content: bytes) -> None:
    conn.execute(
        "INSERT INTO file_contents (file_id, content) VALUES (?, ?)"
        " ON CONFLICT(file_id) DO UPDATE SET content = excluded.content",
        (file_id, content),
    )


def file_content(conn: sqlite3.Connection, file_id: str) -> bytes | None:
    row = conn.execute("SELECT content FROM file_contents WHERE file_id = ?", (file_id,)).fetchone()
    return None if row is None else bytes(row["content"])
