"""Marking notifications read queues the mark and shows it in the cache in one
transaction: a cache that fails between the two keeps neither."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pleio_tui.models import Notification
from pleio_tui.store import CacheFullError, Store

WHEN = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
REFUSE = (
    "CREATE TRIGGER test_refuse BEFORE UPDATE OF is_unread ON notifications"
    " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
)


def _cache(path: Path, statement: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize("everything", [False, True], ids=["one", "all"])
def test_a_read_mark_that_cannot_be_shown_is_not_queued(
    store: Store, cache_path: Path, everything: bool
) -> None:
    store.replace_notifications(
        [Notification(n, "commented", WHEN, is_unread=True) for n in (1, 2)], total_unread=2
    )
    _cache(cache_path, REFUSE)

    def mark() -> object:
        return (
            store.queue_all_notifications_read() if everything else store.queue_notification_read(2)
        )

    with pytest.raises(CacheFullError):
        mark()
    assert store.outbox() == []
    assert store.unread_notification_count() == 2

    _cache(cache_path, "DROP TRIGGER test_refuse")
    assert mark() is not None
    assert len(store.outbox()) == 1
    assert store.unread_notification_count() == (0 if everything else 1)
