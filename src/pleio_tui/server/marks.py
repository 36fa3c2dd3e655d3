"""Votes, bookmarks and follows: who marked which entity. No permission checks
here: see access.py."""

from __future__ import annotations

import sqlite3


def vote_total(conn: sqlite3.Connection, entity_id: str) -> int:
    return conn.execute(
        "SELECT coalesce(sum(score), 0) FROM votes WHERE entity_id = ?", (entity_id,)
    ).fetchone()[0]


def get_vote(conn: sqlite3.Connection, entity_id: str, user_id: str) -> int | None:
    row = conn.execute(
        "SELECT score FROM votes WHERE entity_id = ? AND user_id = ?", (entity_id, user_id)
    ).fetchone()
    return None if row is None else int(row[0])


def set_vote(conn: sqlite3.Connection, entity_id: str, user_id: str, score: int | None) -> None:
    if score is None:
        conn.execute("DELETE FROM votes WHERE entity_id = ? AND user_id = ?", (entity_id, user_id))
    else:
        conn.execute(
            "INSERT OR REPLACE INTO votes (entity_id, user_id, score) VALUES (?, ?, ?)",
            (entity_id, user_id, score),
        )


def has_mark(conn: sqlite3.Connection, table: str, entity_id: str, user_id: str) -> bool:
    if table not in ("bookmarks", "follows"):
        raise ValueError(table)
    row = conn.execute(
        f"SELECT 1 FROM {table} WHERE entity_id = ? AND user_id = ?", (entity_id, user_id)
    ).fetchone()
    return row is not None


def set_bookmark(
    conn: sqlite3.Connection, entity_id: str, user_id: str, on: bool, now: str
) -> None:
    if on:
        conn.execute(
            "INSERT OR IGNORE INTO bookmarks (entity_id, user_id, created_at) VALUES (?, ?, ?)",
            (entity_id, user_id, now),
        )
    else:
        conn.execute(
            "DELETE FROM bookmarks WHERE entity_id = ? AND user_id = ?", (entity_id, user_id)
        )


def set_follow(conn: sqlite3.Connection, entity_id: str, user_id: str, on: bool) -> None:
    if on:
        conn.execute(
            "INSERT OR IGNORE INTO follows (entity_id, user_id) VALUES (?, ?)", (entity_id, user_id)
        )
    else:
        conn.execute(
            "DELETE FROM follows WHERE entity_id = ? AND user_id = ?", (entity_id, user_id)
        )


def bookmarked_ids(conn: sqlite3.Connection, user_id: str) -> list[str]:
    """The user's bookmarks, newest first."""
    rows = conn.execute(
        "SELECT entity_id FROM bookmarks WHERE user_id = ? ORDER BY created_at DESC, entity_id",
        (user_id,),
    )
    return [row[0] for row in rows]
