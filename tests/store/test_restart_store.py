"""A cache replaced under a running app: the unsent items of the old file go into
the new one whole (a reply keeps its blog), and only an unsent item there can be
the same one, never an earlier comment that was sent with the same words."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.tui.services.storage import restart_store


def test_a_reply_keeps_its_blog_and_a_sent_twin_does_not_swallow_it(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    replacement = tmp_path / "replacement.sqlite3"
    with Store.open(replacement) as other:
        earlier = other.enqueue(OutboxKind.COMMENT, "blog-1", body="Bedankt!")
        assert other.take_outbox_lease()
        other.mark_sending(earlier.id)
        other.mark_sent(earlier.id, "comment-on-site")
    checkpoint = sqlite3.connect(replacement)  # the copy below takes the main file only
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    old = Store.open(path)
    try:
        old.enqueue(OutboxKind.COMMENT, "blog-1", body="Bedankt!")
        old.enqueue(OutboxKind.COMMENT, "comment-9", body="Eens.", thread_guid="blog-1")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy(replacement, path)
        fresh = restart_store(old, path)
    finally:
        old.close()
    with fresh:
        waiting = fresh.outbox((OutboxState.PENDING,))
    assert [(item.target_guid, item.body, item.thread_guid) for item in waiting] == [
        ("blog-1", "Bedankt!", None),
        ("comment-9", "Eens.", "blog-1"),
    ]
