"""What the user is writing, saved while they type so nothing is lost."""

from __future__ import annotations

import sqlite3

from pleio_tui.models import Draft
from pleio_tui.store.base import StoreBase
from pleio_tui.store.values import now_db, required_time_from_db


def _draft(row: sqlite3.Row) -> Draft:
    return Draft(
        key=row["key"],
        title=row["title"],
        body=row["body"],
        updated_at=required_time_from_db(row["updated_at"]),
    )


class DraftsMixin(StoreBase):
    def save_draft(self, key: str, title: str, body: str) -> None:
        with self._write() as conn:
            conn.execute(
                """INSERT INTO drafts (key, title, body, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET
                       title = excluded.title, body = excluded.body,
                       updated_at = excluded.updated_at""",
                (key, title, body, now_db()),
            )

    def keep_draft(self, key: str, title: str, body: str) -> bool:
        """Save this writing as the draft under `key`, unless the key holds other
        writing (the app's, saved while the user typed there): that is never
        overwritten. True when the draft under `key` is this writing."""
        with self._write() as conn:
            cursor = conn.execute(
                """INSERT INTO drafts (key, title, body, updated_at) VALUES (?, ?, ?, ?)
                   ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at
                   WHERE drafts.title = excluded.title AND drafts.body = excluded.body""",
                (key, title, body, now_db()),
            )
            return cursor.rowcount > 0

    def load_draft(self, key: str) -> Draft | None:
        row = self._row("SELECT * FROM drafts WHERE key = ?", (key,))
        return None if row is None else _draft(row)

    def delete_draft(self, key: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM drafts WHERE key = ?", (key,))

    def drafts(self) -> list[Draft]:
        """Most recently edited first."""
        return [
            _draft(row) for row in self._rows("SELECT * FROM drafts ORDER BY updated_at DESC, key")
        ]
