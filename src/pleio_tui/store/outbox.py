"""What the user wrote, waiting to reach the site exactly once.

PENDING -> SENDING -> SENT, or -> FAILED (kept with the site's reason) -> retry ->
PENDING. A transient failure puts a SENDING item back to PENDING. Sent items
stay as history; only the user's discard removes an item.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from pleio_tui.models import OutboxItem, OutboxKind, OutboxState
from pleio_tui.store.base import StoreBase
from pleio_tui.store.errors import OutboxItemNotFoundError, OutboxStateError
from pleio_tui.store.values import now_db, time_from_db

_PENDING, _SENDING, _SENT, _FAILED = (
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.SENT,
    OutboxState.FAILED,
)


def _item(row: sqlite3.Row) -> OutboxItem:
    return OutboxItem(
        id=row["id"],
        kind=OutboxKind(row["kind"]),
        target_guid=row["target_guid"],
        title=row["title"],
        body=row["body"],
        score=row["score"],
        state=OutboxState(row["state"]),
        attempts=row["attempts"],
        error_code=row["error_code"],
        error_message=row["error_message"],
        remote_guid=row["remote_guid"],
        created_at=time_from_db(row["created_at"]),
        draft_key=row["draft_key"],
    )


def _load(conn: sqlite3.Connection, item_id: int) -> sqlite3.Row:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM outbox WHERE id = ?", (item_id,)
    ).fetchone()
    if row is None:
        raise OutboxItemNotFoundError(f"no outbox item {item_id}")
    return row


def _require_state(row: sqlite3.Row, allowed: Iterable[OutboxState], action: str) -> None:
    allowed_states = set(allowed)
    if OutboxState(row["state"]) not in allowed_states:
        raise OutboxStateError(f"outbox item {row['id']} is {row['state']}: cannot {action} it")


class OutboxMixin(StoreBase):
    def enqueue(
        self,
        kind: OutboxKind,
        target_guid: str,
        title: str = "",
        body: str = "",
        score: int = 0,
        draft_key: str | None = None,
    ) -> OutboxItem:
        now = now_db()
        with self._write() as conn:
            cursor = conn.execute(
                """INSERT INTO outbox (kind, target_guid, title, body, score, state,
                                       created_at, updated_at, draft_key)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (kind.value, target_guid, title, body, score, _PENDING.value, now, now, draft_key),
            )
            return _item(_load(conn, int(cursor.lastrowid or 0)))

    def outbox(self, states: Iterable[OutboxState] | None = None) -> list[OutboxItem]:
        """Items in the given states (all when None), oldest first."""
        if states is None:
            rows = self._rows("SELECT * FROM outbox ORDER BY id")
        else:
            wanted = [state.value for state in states]
            marks = ", ".join("?" * len(wanted))
            rows = self._rows(f"SELECT * FROM outbox WHERE state IN ({marks}) ORDER BY id", wanted)
        return [_item(row) for row in rows]

    def next_pending(self) -> OutboxItem | None:
        row = self._row(
            "SELECT * FROM outbox WHERE state = ? ORDER BY id LIMIT 1", (_PENDING.value,)
        )
        return None if row is None else _item(row)

    def outbox_item(self, item_id: int) -> OutboxItem | None:
        row = self._row("SELECT * FROM outbox WHERE id = ?", (item_id,))
        return None if row is None else _item(row)

    def mark_sending(self, item_id: int) -> OutboxItem:
        """About to hand the item to the network: counts an attempt."""
        return self._change(
            item_id,
            (_PENDING, _SENDING),
            "send",
            "state = 'sending', attempts = attempts + 1",
        )

    def mark_sent(self, item_id: int, remote_guid: str | None = None) -> OutboxItem:
        """The site has it. Its draft goes too, unless edited after it was queued."""
        with self._write() as conn:
            row = _load(conn, item_id)
            _require_state(row, (_PENDING, _SENDING, _SENT), "mark as sent")
            conn.execute(
                """UPDATE outbox SET state = 'sent', remote_guid = coalesce(?, remote_guid),
                          error_code = NULL, error_message = NULL, updated_at = ?
                    WHERE id = ?""",
                (remote_guid, now_db(), item_id),
            )
            if row["draft_key"] is not None:
                # A draft saved after queueing is new writing under the same key: keep it.
                conn.execute(
                    "DELETE FROM drafts WHERE key = ? AND updated_at <= ?",
                    (row["draft_key"], row["created_at"]),
                )
            return _item(_load(conn, item_id))

    def mark_failed(self, item_id: int, code: str, message: str) -> OutboxItem:
        """The site refused it: keep it, with why, until the user retries or discards it."""
        return self._change(
            item_id,
            (_PENDING, _SENDING),
            "mark as failed",
            "state = 'failed', error_code = :code, error_message = :message",
            {"code": code, "message": message},
        )

    def mark_pending(self, item_id: int) -> OutboxItem:
        """A transient failure (no network, timeout): send again later."""
        return self._change(item_id, (_PENDING, _SENDING), "put back", "state = 'pending'")

    def retry(self, item_id: int) -> OutboxItem:
        return self._change(
            item_id,
            (_FAILED,),
            "retry",
            "state = 'pending', error_code = NULL, error_message = NULL",
        )

    def discard(self, item_id: int) -> None:
        """The user gives the item up. Its draft, if any, is kept."""
        with self._write() as conn:
            row = _load(conn, item_id)
            # The network may be delivering it right now; discarding would hide that.
            _require_state(row, (_PENDING, _FAILED, _SENT), "discard")
            conn.execute("DELETE FROM outbox WHERE id = ?", (item_id,))

    def outbox_counts(self) -> dict[OutboxState, int]:
        counts = dict.fromkeys(OutboxState, 0)
        for row in self._rows("SELECT state, count(*) FROM outbox GROUP BY state"):
            counts[OutboxState(row[0])] = row[1]
        return counts

    def _change(
        self,
        item_id: int,
        allowed: Iterable[OutboxState],
        action: str,
        assignments: str,
        params: dict[str, object] | None = None,
    ) -> OutboxItem:
        with self._write() as conn:
            _require_state(_load(conn, item_id), allowed, action)
            conn.execute(
                f"UPDATE outbox SET {assignments}, updated_at = :now WHERE id = :id",
                {**(params or {}), "now": now_db(), "id": item_id},
            )
            return _item(_load(conn, item_id))
