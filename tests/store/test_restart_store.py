"""A cache replaced under a running app: every item of the old file the site has
not confirmed goes into the new one whole, in its state, with its times and its
author (a reply keeps its blog), and only the very same item there (queued at the
same moment) is not added twice, never an earlier comment sent with the same words."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pleio_tui.models import OutboxItem, OutboxKind, OutboxState, User, Viewer
from pleio_tui.store import Store
from pleio_tui.tui.services.storage import restart_store

ANNA = Viewer(logged_in=True, is_admin=False, user=User(guid="u-anna", name="Anna"))


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


def test_every_unconfirmed_item_goes_over_as_it_was(tmp_path: Path) -> None:
    """A comment that may be on the site stays unconfirmed (to be looked up, not
    sent blind), a refused vote keeps its reason, a given-up reply its state; their
    times and author come along, and the sent twin a lookup must not take too."""
    path = tmp_path / "cache.sqlite3"
    old = Store.open(path)
    try:
        old.save_viewer(ANNA)
        sent = old.enqueue(OutboxKind.COMMENT, "blog-1", body="Eens.")
        unconfirmed = old.enqueue(OutboxKind.COMMENT, "blog-1", body="Eens.")
        refused = old.queue_vote("blog-2", 1)
        stuck = old.enqueue(OutboxKind.COMMENT, "comment-3", body="Ja.")
        pending = old.enqueue(OutboxKind.BOOKMARK, "blog-2", score=1)
        assert old.take_outbox_lease()
        old.mark_sending(sent.id)
        old.mark_sent(sent.id, "comment-on-site")
        old.mark_sending(unconfirmed.id)
        old.mark_unconfirmed(unconfirmed.id, "timeout", "no answer")
        old.mark_sending(refused.id)
        old.mark_failed(refused.id, "could_not_find", "gone")
        old.mark_sending(stuck.id)
        old.release_outbox_lease()
        old.give_up(stuck.id)
        before = {item.id: item for item in old.outbox()}
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        fresh = restart_store(old, path)
    finally:
        old.close()
    with fresh:
        after = fresh.outbox()

    def as_it_was(item: OutboxItem) -> tuple[object, ...]:
        return item._replace(id=0)[1:]

    wanted = [sent, unconfirmed, refused, stuck, pending]
    assert [as_it_was(item) for item in after] == [as_it_was(before[i.id]) for i in wanted]
    assert [item.state for item in after] == [
        OutboxState.SENT,
        OutboxState.SENDING,
        OutboxState.FAILED,
        OutboxState.GIVEN_UP,
        OutboxState.PENDING,
    ]
    assert after[1].unconfirmed_at is not None and after[1].first_sent_at is not None
    assert {item.author_guid for item in after} == {"u-anna"}


def test_a_file_put_back_in_place_does_not_get_its_items_twice(tmp_path: Path) -> None:
    """The user puts a copy of the same cache back: what it holds is not added again."""
    path = tmp_path / "cache.sqlite3"
    copy = tmp_path / "copy.sqlite3"
    old = Store.open(path)
    try:
        old.enqueue(OutboxKind.COMMENT, "blog-1", body="Eens.")
        old.enqueue(OutboxKind.COMMENT, "blog-1", body="Eens.")  # the same words, on purpose
        checkpoint = sqlite3.connect(path)
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint.close()
        shutil.copy(path, copy)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copy(copy, path)
        fresh = restart_store(old, path)
    finally:
        old.close()
    with fresh:
        assert len(fresh.outbox()) == 2
