"""The outbox keeps every item until the site has it or the user lets it go."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store_factories import make_blog, make_comment

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import OutboxItemNotFoundError, OutboxStateError, Store
from pleio_tui.store.connection import create_private_dirs
from pleio_tui.store.lease import lease_path
from pleio_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION
from pleio_tui.store.outbox_schema import OUTBOX_EXACTLY_ONCE


def test_enqueue_and_read_back_oldest_first(store: Store, cache_path: Path) -> None:
    post = store.enqueue(
        OutboxKind.BLOG, "g1", title="Nieuw", body="# Kop\n\nTekst", draft_key="post:g1"
    )
    vote = store.enqueue(OutboxKind.VOTE, "b1", score=-1)
    assert post.state == OutboxState.PENDING and post.attempts == 0
    assert post.created_at is not None and post.id < vote.id
    store.close()

    with Store.open(cache_path) as reopened:
        assert reopened.outbox() == [post, vote]
        assert reopened.next_pending() == post
        assert reopened.outbox_item(vote.id) == vote
        assert reopened.outbox([OutboxState.FAILED]) == []


def test_sent_item_is_history_and_its_draft_is_gone(store: Store) -> None:
    assert store.take_outbox_lease()
    store.save_draft("comment:b1", "", "Mijn reactie")
    store.save_draft("comment:b2", "", "Andere reactie")
    item = store.enqueue(OutboxKind.COMMENT, "b1", body="Mijn reactie", draft_key="comment:b1")

    sending = store.mark_sending(item.id)
    assert (sending.state, sending.attempts) == (OutboxState.SENDING, 1)
    assert store.next_pending() is None
    sent = store.mark_sent(item.id, remote_guid="c-remote")

    assert (sent.state, sent.remote_guid) == (OutboxState.SENT, "c-remote")
    assert store.load_draft("comment:b1") is None
    assert store.load_draft("comment:b2") is not None
    assert store.outbox() == [sent]
    counts = store.outbox_counts()
    assert counts[OutboxState.PENDING] == 0 and counts[OutboxState.FAILED] == 0
    assert counts[OutboxState.SENT] == 1


def test_draft_written_after_queueing_survives_the_send(store: Store) -> None:
    assert store.take_outbox_lease()
    store.save_draft("comment:b1", "", "Eerste reactie")
    item = store.enqueue(OutboxKind.COMMENT, "b1", body="Eerste reactie", draft_key="comment:b1")
    store.save_draft("comment:b1", "", "Tweede reactie, nog bezig")
    store.mark_sending(item.id)
    store.mark_sent(item.id)
    draft = store.load_draft("comment:b1")
    assert draft is not None and draft.body == "Tweede reactie, nog bezig"


def test_failed_item_is_kept_with_its_reason_until_retried(store: Store) -> None:
    assert store.take_outbox_lease()
    store.save_draft("comment:b1", "", "Tekst")
    item = store.enqueue(OutboxKind.COMMENT, "b1", body="Tekst", draft_key="comment:b1")
    store.mark_sending(item.id)
    failed = store.mark_failed(item.id, "could_not_add", "not a member of the group")

    assert failed.state == OutboxState.FAILED
    assert (failed.error_code, failed.error_message) == (
        "could_not_add",
        "not a member of the group",
    )
    assert store.outbox([OutboxState.FAILED]) == [failed]
    assert store.next_pending() is None
    assert store.load_draft("comment:b1") is not None
    assert store.outbox_counts()[OutboxState.FAILED] == 1

    retried = store.retry(item.id)
    assert (retried.state, retried.error_code, retried.error_message) == (
        OutboxState.PENDING,
        None,
        None,
    )
    assert store.next_pending() == retried
    assert store.mark_sending(item.id).attempts == 2


def test_transient_failure_goes_back_to_pending(store: Store) -> None:
    assert store.take_outbox_lease()
    first = store.enqueue(OutboxKind.BOOKMARK, "b1", score=1)
    second = store.enqueue(OutboxKind.VOTE, "b2", score=1)
    store.mark_sending(first.id)
    assert store.next_pending() == second
    assert store.mark_pending(first.id).state == OutboxState.PENDING
    next_item = store.next_pending()
    assert next_item is not None and next_item.id == first.id and next_item.attempts == 1
    assert store.outbox_counts()[OutboxState.PENDING] == 2


def test_discard_removes_only_on_request_and_never_while_sending(store: Store) -> None:
    assert store.take_outbox_lease()
    store.save_draft("post:g1", "Titel", "Tekst")
    item = store.enqueue(OutboxKind.BLOG, "g1", title="Titel", body="Tekst", draft_key="post:g1")
    store.mark_sending(item.id)
    with pytest.raises(OutboxStateError):
        store.discard(item.id)
    store.mark_failed(item.id, "could_not_save", "")
    store.discard(item.id)
    assert store.outbox() == []
    assert store.load_draft("post:g1") is not None


def test_impossible_transitions_are_refused(store: Store) -> None:
    assert store.take_outbox_lease()
    item = store.enqueue(OutboxKind.EDIT_BLOG, "b1", title="T", body="B")
    with pytest.raises(OutboxStateError):
        store.retry(item.id)
    store.mark_sending(item.id)
    store.mark_sent(item.id)
    for change in (store.mark_sending, store.mark_pending, store.retry):
        with pytest.raises(OutboxStateError):
            change(item.id)
    with pytest.raises(OutboxStateError):
        store.mark_failed(item.id, "x", "y")
    assert store.outbox_item(item.id) is not None
    assert store.outbox_item(item.id).state == OutboxState.SENT  # type: ignore[union-attr]


def test_unknown_item(store: Store) -> None:
    assert store.take_outbox_lease()
    with pytest.raises(OutboxItemNotFoundError):
        store.mark_sending(404)
    with pytest.raises(OutboxItemNotFoundError):
        store.discard(404)
    assert store.outbox_item(404) is None


def test_counts_cover_every_state(store: Store) -> None:
    assert store.outbox_counts() == dict.fromkeys(OutboxState, 0)


def test_only_one_store_holds_the_outbox_lease(store: Store, cache_path: Path) -> None:
    item = store.enqueue(OutboxKind.COMMENT, "b1", body="Tekst")
    with Store.open(cache_path) as other:
        assert store.take_outbox_lease()
        assert not other.take_outbox_lease()  # another process, or another thread
        with pytest.raises(OutboxStateError):
            other.mark_sending(item.id)
        store.release_outbox_lease()
        assert other.take_outbox_lease()
        assert not store.take_outbox_lease()
        other.release_outbox_lease()
    assert lease_path(cache_path).stat().st_mode & 0o777 == 0o600


def test_sending_needs_the_lease_and_keeps_the_first_attempt(store: Store) -> None:
    item = store.enqueue(OutboxKind.BLOG, "g1", title="T", body="B")
    with pytest.raises(OutboxStateError):
        store.mark_sending(item.id)
    assert store.take_outbox_lease()
    first = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    sending = store.mark_sending(item.id, first)
    unconfirmed = store.mark_unconfirmed(item.id, "offline", "timeout")
    assert (unconfirmed.state, unconfirmed.error_code) == (OutboxState.SENDING, "offline")
    assert unconfirmed.unconfirmed_at is not None
    again = store.mark_sending(item.id, first + timedelta(minutes=1))
    assert (sending.first_sent_at, again.first_sent_at) == (first, first)
    assert (again.attempts, again.unconfirmed_at, again.error_code) == (2, None, None)
    sent = store.mark_sent(item.id, "blog-1")
    other = store.enqueue(OutboxKind.BLOG, "g1", title="T", body="B")
    assert store.claimed_remote_guids(other_than=other.id) == {"blog-1"}
    assert store.claimed_remote_guids(other_than=sent.id) == set()


def test_a_reply_knows_its_blog(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", "g1", comments=(make_comment("c1", "b1", 1),))])
    reply = store.enqueue(OutboxKind.COMMENT, "c1", body="Antwoord")
    comment = store.enqueue(OutboxKind.COMMENT, "b1", body="Reactie")
    named = store.enqueue(OutboxKind.COMMENT, "c-elsewhere", body="x", thread_guid="b9")
    unknown = store.enqueue(OutboxKind.COMMENT, "c-elsewhere", body="y")
    assert [reply.thread_guid, comment.thread_guid] == ["b1", "b1"]
    assert (named.thread_guid, unknown.thread_guid) == ("b9", None)


def test_a_vote_is_queued_as_what_it_is_to_become(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", "g1", votes=3)])
    up = store.queue_vote("b1", 1)
    assert up.score == 1 and store.own_vote("b1") is None  # not confirmed by the site yet
    assert (store.blog("b1").votes, store.blog("b1").has_voted) == (4, True)  # type: ignore[union-attr]
    again = store.queue_vote("b1", 1)  # the same vote keeps it
    assert again.score == 1
    back = store.queue_vote("b1", -1)  # the opposite takes it back
    assert back.score == 0
    assert (store.blog("b1").votes, store.blog("b1").has_voted) == (3, False)  # type: ignore[union-attr]
    down = store.queue_vote("b1", -1)
    assert down.score == -1
    assert store.blog("b1").votes == 2  # type: ignore[union-attr]
    store.record_own_vote("b1", -1)  # the site confirmed it
    assert store.own_vote("b1") == -1
    for item in store.outbox():
        store.take_outbox_lease()
        store.mark_sending(item.id)
        store.mark_sent(item.id)
    assert store.queue_vote("b1", 1).score == 0  # up on a confirmed down takes it back


def test_a_vote_made_elsewhere_becomes_the_pressed_one(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", "g1", votes=1, has_voted=True)])
    assert store.own_vote("b1") is None
    assert store.queue_vote("b1", -1).score == -1
    assert store.queue_vote("not-cached", 1).score == 1
    assert store.queue_vote("not-cached", -1).score == 0


def test_an_old_cache_keeps_its_outbox_and_what_was_sending(cache_path: Path) -> None:
    step = MIGRATIONS.index(OUTBOX_EXACTLY_ONCE)
    create_private_dirs(cache_path.parent)
    conn = sqlite3.connect(cache_path, isolation_level=None)
    for statements in MIGRATIONS[:step]:
        for statement in statements:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {step}")
    for item_id, state in ((1, "sent"), (2, "sending"), (3, "pending"), (4, "pending")):
        conn.execute(
            "INSERT INTO outbox (id, kind, target_guid, title, body, score, state,"
            " created_at, updated_at) VALUES (?, 'comment', 'b1', '', 'x', 0, ?, 1, 1)",
            (item_id, state),
        )
    conn.execute("DELETE FROM outbox WHERE id = 4")  # discarded: its id never returns
    conn.close()

    with Store.open(cache_path) as store:
        assert store._scalar("PRAGMA user_version") == SCHEMA_VERSION
        items = store.outbox()
        assert [(item.id, item.state) for item in items] == [
            (1, OutboxState.SENT),
            (2, OutboxState.SENDING),
            (3, OutboxState.PENDING),
        ]
        assert items[1].first_sent_at is None and items[1].thread_guid is None
        assert store.enqueue(OutboxKind.VOTE, "b1", score=1).id == 5


def test_a_killed_holder_leaves_the_lease_free(store: Store, cache_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from pleio_tui.store import Store\n"
            "store = Store.open(Path(sys.argv[1]))\n"
            "assert store.take_outbox_lease()\n"
            "print('held', flush=True)\n"
            "time.sleep(60)\n",
            str(cache_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert not store.take_outbox_lease()
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    assert store.take_outbox_lease()  # no expiry to wait for: the kernel let go
