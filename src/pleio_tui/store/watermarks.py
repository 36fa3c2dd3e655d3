"""How far the sync got, per listing: opaque strings the sync chooses."""

from __future__ import annotations

from collections.abc import Iterable

from pleio_tui.store.base import StoreBase


class WatermarksMixin(StoreBase):
    def get_watermark(self, key: str) -> str | None:
        value: str | None = self._scalar("SELECT value FROM watermarks WHERE key = ?", (key,))
        return value

    def set_watermark(self, key: str, value: str) -> None:
        with self._write(durable=False) as conn:
            conn.execute(
                "INSERT INTO watermarks (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def delete_watermark(self, key: str) -> None:
        with self._write(durable=False) as conn:
            conn.execute("DELETE FROM watermarks WHERE key = ?", (key,))

    def add_listed_guids(self, guids: Iterable[str], progress_key: str, progress: str) -> None:
        """Remember guids a reconcile saw listed, and how far it got, together."""
        with self._write(durable=False) as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO listed_guids (guid) VALUES (?)", [(g,) for g in guids]
            )
            conn.execute(
                "INSERT INTO watermarks (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (progress_key, progress),
            )

    def clear_listed_guids(self) -> None:
        with self._write(durable=False) as conn:
            conn.execute("DELETE FROM listed_guids")

    def listed_guid_count(self) -> int:
        return int(self._scalar("SELECT count(*) FROM listed_guids", ()))

    def cached_but_unlisted(self) -> set[str]:
        """Cached blogs the site should list but did not: archived ones it lists no more."""
        rows = self._rows(
            "SELECT guid FROM blogs WHERE status_published <> 'archived' AND subtype = 'blog'"
            " AND guid NOT IN (SELECT guid FROM listed_guids)",
            (),
        )
        return {row[0] for row in rows}

    def listed_but_not_cached(self) -> set[str]:
        """Listed blogs the cache lacks, or holds as archived (listed again now)."""
        rows = self._rows(
            "SELECT l.guid FROM listed_guids AS l LEFT JOIN blogs AS b ON b.guid = l.guid"
            " WHERE b.guid IS NULL OR b.status_published = 'archived'",
            (),
        )
        return {row[0] for row in rows}

    def finish_listing(self, progress_key: str, done_key: str, done_at: str) -> None:
        """Forget the listed guids and the progress; remember when it finished."""
        with self._write(durable=False) as conn:
            conn.execute("DELETE FROM listed_guids")
            conn.execute("DELETE FROM watermarks WHERE key = ?", (progress_key,))
            conn.execute(
                "INSERT INTO watermarks (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (done_key, done_at),
            )
