"""What the user has read: a flag per blog, counted per group by triggers."""

from __future__ import annotations

from pleio_tui.store.base import StoreBase


class ReadingMixin(StoreBase):
    def mark_read(self, guid: str) -> None:
        self._set_read(guid, True)

    def mark_unread(self, guid: str) -> None:
        self._set_read(guid, False)

    def is_read(self, guid: str) -> bool:
        return bool(self._scalar("SELECT is_read FROM blogs WHERE guid = ?", (guid,)))

    def unread_total(self) -> int:
        return int(self._scalar("SELECT count(*) FROM blogs WHERE is_read = 0"))

    def _set_read(self, guid: str, read: bool) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE blogs SET is_read = ? WHERE guid = ? AND is_read <> ?", (read, guid, read)
            )
