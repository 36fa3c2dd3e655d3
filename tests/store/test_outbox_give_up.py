"""Giving up an item whose fate cannot be told: only a SENDING item, only under
the outbox lease (never while a sender, here or in another process, has it in
flight), its text kept, and never sent again."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pleio_tui.models import OutboxItem, OutboxKind, OutboxState
from pleio_tui.store import OutboxBusyError, OutboxStateError, Store


def _sending(
    store: Store, body: str = "Mijn antwoord", draft_key: str | None = "reply:c1"
) -> OutboxItem:
    """A reply that left without an answer, as a lost answer leaves it."""
    item = store.enqueue(OutboxKind.COMMENT, "c1", body=body, draft_key=draft_key)
    assert store.take_outbox_lease()
    store.mark_sending(item.id)
    store.mark_unconfirmed(item.id, "timeout", "no answer")
    store.release_outbox_lease()
    return item


def test_a_given_up_item_keeps_its_text_and_is_never_sent_again(store: Store) -> None:
    item = _sending(store)
    assert store.load_draft("reply:c1") is None  # the composer let go of it when queued

    given_up = store.give_up(item.id)

    assert (given_up.state, given_up.body) == (OutboxState.GIVEN_UP, "Mijn antwoord")
    assert not store.holds_outbox_lease  # taken for the change only
    draft = store.load_draft("reply:c1")
    assert draft is not None and draft.body == "Mijn antwoord"
    assert store.outbox((OutboxState.PENDING, OutboxState.SENDING)) == []
    assert store.next_pending() is None
    counts = store.outbox_counts()
    assert (counts[OutboxState.SENDING], counts[OutboxState.GIVEN_UP]) == (0, 1)
    assert store.take_outbox_lease()
    for change in (store.mark_sending, store.mark_pending, store.retry):
        with pytest.raises(OutboxStateError):
            change(given_up.id)
    with pytest.raises(OutboxStateError):
        store.mark_sent(given_up.id, "c-remote")
    store.release_outbox_lease()
    store.discard(given_up.id)  # the user may let it go for good
    assert store.outbox() == []


def test_newer_writing_under_the_draft_key_is_not_overwritten(store: Store) -> None:
    item = _sending(store)
    store.save_draft("reply:c1", "", "Iets nieuws")
    store.give_up(item.id)
    draft = store.load_draft("reply:c1")
    assert draft is not None and draft.body == "Iets nieuws"
    assert store.outbox_item(item.id).body == "Mijn antwoord"  # type: ignore[union-attr]


def test_only_an_item_of_unknown_fate_is_given_up(store: Store) -> None:
    pending = store.enqueue(OutboxKind.COMMENT, "b1", body="Nog niet weg")
    sent = _sending(store, "Weg")
    assert store.take_outbox_lease()
    store.mark_sent(sent.id, "c-remote")
    failed = store.enqueue(OutboxKind.COMMENT, "b1", body="Geweigerd")
    store.mark_sending(failed.id)
    store.mark_failed(failed.id, "could_not_add", "")
    for item in (pending, sent, failed):
        state = store.outbox_item(item.id).state  # type: ignore[union-attr]
        with pytest.raises(OutboxStateError):
            store.give_up(item.id)
        assert store.outbox_item(item.id).state == state  # type: ignore[union-attr]
    assert store.holds_outbox_lease  # held before: still held


_SENDER = """
import sys, time
from pathlib import Path
from pleio_tui.store import Store

store = Store.open(Path(sys.argv[1]))
assert store.take_outbox_lease()
store.mark_sending(int(sys.argv[2]))  # sent again after a lookup: in flight now
print("sending", flush=True)
time.sleep(60)
"""


def test_an_item_in_flight_in_another_process_is_not_given_up(
    store: Store, cache_path: Path
) -> None:
    item = _sending(store)
    sender = subprocess.Popen(
        [sys.executable, "-c", _SENDER, str(cache_path), str(item.id)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert sender.stdout is not None and sender.stdout.readline().strip() == "sending"
        with pytest.raises(OutboxBusyError):
            store.give_up(item.id)
        after = store.outbox_item(item.id)
        assert after is not None and after.state == OutboxState.SENDING
        assert after.attempts == 2  # the sender's attempt, untouched
    finally:
        sender.send_signal(signal.SIGKILL)
        sender.wait(timeout=10)
    # The sender died mid-send: its item's fate is unknown, and may now be given up.
    assert store.give_up(item.id).state == OutboxState.GIVEN_UP


def test_a_sender_cannot_start_while_an_item_is_being_given_up(
    store: Store, cache_path: Path
) -> None:
    """The lease is taken before the item is read: a sender in another Store waits
    for it, and then finds nothing to send."""
    item = _sending(store)
    with Store.open(cache_path) as other:
        assert store.take_outbox_lease()  # as give_up holds it while it changes the item
        assert not other.take_outbox_lease()
        store.give_up(item.id)
        assert store.holds_outbox_lease  # taken by the caller: left to the caller
        store.release_outbox_lease()
        assert other.take_outbox_lease()
        assert other.outbox((OutboxState.PENDING, OutboxState.SENDING)) == []
        other.release_outbox_lease()
