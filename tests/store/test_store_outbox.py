"""The outbox keeps every item until the site has it or the user lets it go."""

from __future__ import annotations

from pathlib import Path

import pytest

from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.store import OutboxItemNotFoundError, OutboxStateError, Store


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
