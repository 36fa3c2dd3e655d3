"""The offline cache of one Pleio site, in one SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from pleio_tui.paths import site_slug
from pleio_tui.store.blogs import BlogCacheMixin
from pleio_tui.store.comments import CommentCacheMixin
from pleio_tui.store.connection import DEFAULT_BUSY_TIMEOUT, file_identity, open_connection
from pleio_tui.store.content import ContentCacheMixin
from pleio_tui.store.drafts import DraftsMixin
from pleio_tui.store.errors import translated_errors
from pleio_tui.store.feed import FeedMixin
from pleio_tui.store.groups import GroupCacheMixin
from pleio_tui.store.migrations import migrate
from pleio_tui.store.notifications import NotificationsMixin
from pleio_tui.store.outbox import OutboxMixin
from pleio_tui.store.reading import ReadingMixin
from pleio_tui.store.search import SearchMixin
from pleio_tui.store.site_info import SiteInfoMixin
from pleio_tui.store.watermarks import WatermarksMixin


class Store(
    SiteInfoMixin,
    GroupCacheMixin,
    BlogCacheMixin,
    CommentCacheMixin,
    FeedMixin,
    SearchMixin,
    ReadingMixin,
    DraftsMixin,
    NotificationsMixin,
    OutboxMixin,
    WatermarksMixin,
    ContentCacheMixin,
):
    """One connection to a site's cache file, for the thread that opened it.

    Open a Store per thread (the sync worker has its own); WAL lets the UI read
    while the sync writes. Every write method is one transaction.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._identity = file_identity(path)
        conn.row_factory = sqlite3.Row

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        on_upgrade: Callable[[], None] | None = None,
    ) -> Store:
        """Open (creating if needed, 0600 in a 0700 directory) and migrate the file;
        `on_upgrade` is called first when a cache of an older version is brought up
        to date (a large one takes a while: the caller may say so).

        Raises CacheCorruptError for a file that is not a database, CacheBusyError
        when another process holds the write lock past `busy_timeout` seconds.
        """
        conn = open_connection(path, busy_timeout)
        try:
            migrate(conn, path, on_upgrade)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @staticmethod
    def site_path(data_dir: Path, site_url: str) -> Path:
        """The cache file of a site: one per site, named after its host and port."""
        return data_dir / "sites" / f"{site_slug(site_url)}.sqlite3"

    @property
    def path(self) -> Path:
        return self._path

    def integrity_problems(self) -> list[str]:
        """What SQLite's integrity check finds wrong; empty when the file is sound."""
        with translated_errors(self._path):
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        problems = [str(row[0]) for row in rows]
        return [] if problems == ["ok"] else problems

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
