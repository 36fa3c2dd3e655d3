"""What the user has read: a flag per blog, counted per group by triggers.

A blog read remembers the newest comment it had then (read_marks, kept by a
trigger); a comment by someone else that is newer makes it unread again, and
the user's own blogs are read from the start (triggers of the migration that
made read_marks)."""

from __future__ import annotations

from datetime import datetime

from pleio_tui.store.base import StoreBase
from pleio_tui.store.values import time_from_db


class ReadingMixin(StoreBase):
    def mark_read(self, guid: str) -> None:
        self._set_read(guid, True)

    def mark_unread(self, guid: str) -> None:
        self._set_read(guid, False)

    def is_read(self, guid: str) -> bool:
        return bool(self._scalar("SELECT is_read FROM blogs WHERE guid = ?", (guid,)))

    def read_since(self, guid: str) -> datetime | None:
        """The newest comment the blog had when last read; None when never read."""
        return time_from_db(self._scalar("SELECT read_at FROM read_marks WHERE guid = ?", (guid,)))

    def mark_group_read(self, group_guid: str | None) -> int:
        """Every blog of a group (None: of every group and none) read; how many were not."""
        with self._write() as conn:
            if group_guid is None:
                cursor = conn.execute("UPDATE blogs SET is_read = 1 WHERE is_read = 0")
            else:
                cursor = conn.execute(
                    "UPDATE blogs SET is_read = 1 WHERE is_read = 0 AND group_guid = ?",
                    (group_guid,),
                )
            return cursor.rowcount

    def unread_total(self) -> int:
        return int(self._scalar("SELECT count(*) FROM blogs WHERE is_read = 0"))

    def _set_read(self, guid: str, read: bool) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE blogs SET is_read = ? WHERE guid = ? AND is_read <> ?", (read, guid, read)
            )
