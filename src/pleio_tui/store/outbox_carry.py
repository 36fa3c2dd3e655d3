"""Carrying the outbox of one cache file into another: the file was deleted,
moved aside or replaced (as the message about a damaged cache tells the user to
do) while pleio-tui had it open.

Every item the site has not confirmed goes over whole: its state, attempts,
times, reason and author. A SENDING item stays SENDING, so it is looked up on
the site after the usual wait before anything is sent again; a FAILED one keeps
its reason until the user retries it; a given-up one keeps its text. A sent item
goes along only while an item of its kind and place that may have left is
unsent: its site copy stays claimed, so that a lookup never takes it for that one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pleio_tui.models import OutboxItem, OutboxState
from pleio_tui.store.base import StoreBase
from pleio_tui.store.values import strings_to_db, time_to_db

_UNCONFIRMED = (
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.FAILED,
    OutboxState.GIVEN_UP,
)


def _identity(item: OutboxItem) -> tuple[object, ...]:
    """What makes an item this very one: queued at this moment with this text. A
    sent item with the same words but another time is an earlier one, and must
    not swallow it."""
    created = time_to_db(item.created_at)
    return (item.kind.value, item.target_guid, item.title, item.body, item.score, created)


_IDENTITY_COLUMNS = "kind, target_guid, title, body, score, created_at"


def to_carry(items: Sequence[OutboxItem]) -> list[OutboxItem]:
    """The items of a file given up that must live on: every unconfirmed one, and
    the sent ones whose site copy another of them must not be matched to."""
    unsent = [item for item in items if item.state in _UNCONFIRMED]
    tried = {(item.kind, item.target_guid) for item in unsent if item.first_sent_at is not None}
    return [
        item
        for item in items
        if item.state in _UNCONFIRMED
        or (item.remote_guid is not None and (item.kind, item.target_guid) in tried)
    ]


class OutboxCarryMixin(StoreBase):
    def carry_over(self, items: Iterable[OutboxItem]) -> int:
        """Put `items` (of another file) into this one as they were, in their
        order, under new ids; those this file holds already are skipped. One
        transaction: all of them or none. Returns how many were added."""
        added = 0
        with self._write() as conn:
            held = {tuple(row) for row in conn.execute(f"SELECT {_IDENTITY_COLUMNS} FROM outbox")}
            for item in items:
                if _identity(item) in held:
                    continue
                conn.execute(
                    """INSERT INTO outbox (kind, target_guid, title, body, score, state,
                           attempts, error_code, error_message, remote_guid, created_at,
                           updated_at, draft_key, thread_guid, first_sent_at,
                           unconfirmed_at, tags, author_guid)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        item.kind.value,
                        item.target_guid,
                        item.title,
                        item.body,
                        item.score,
                        item.state.value,
                        item.attempts,
                        item.error_code,
                        item.error_message,
                        item.remote_guid,
                        time_to_db(item.created_at),
                        time_to_db(item.changed_at or item.created_at),
                        item.draft_key,
                        item.thread_guid,
                        time_to_db(item.first_sent_at),
                        time_to_db(item.unconfirmed_at),
                        None if item.tags is None else strings_to_db(item.tags),
                        item.author_guid,
                    ),
                )
                held.add(_identity(item))
                added += 1
        return added
