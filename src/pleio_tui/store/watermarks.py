"""How far the sync got, per listing: opaque strings the sync chooses."""

from __future__ import annotations

from pleio_tui.store.base import StoreBase


class WatermarksMixin(StoreBase):
    def get_watermark(self, key: str) -> str | None:
        value: str | None = self._scalar("SELECT value FROM watermarks WHERE key = ?", (key,))
        return value

    def set_watermark(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.execute(
                "INSERT INTO watermarks (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
