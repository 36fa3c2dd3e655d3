"""What the user wrote, waiting to reach the site exactly once.

PENDING -> SENDING -> SENT, or -> FAILED (kept with the site's reason) -> retry ->
PENDING. Only the holder of the outbox lease marks an item SENDING. A SENDING
item goes back to PENDING only when the request certainly never left (a refused
connection); when its fate is unknown it stays SENDING, marked unconfirmed, and
is looked up on the site before it is sent again. When no lookup can ever tell
(a reply whose blog is not known), the user may give it up: SENDING -> GIVEN_UP,
under the lease, kept with its text and never sent again. Sent items stay as
history; only the user's discard removes an item.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from pleio_tui.models import OutboxItem, OutboxKind, OutboxState
from pleio_tui.store.errors import (
    OutboxBusyError,
    OutboxItemNotFoundError,
    OutboxStateError,
)
from pleio_tui.store.lease import OutboxLeaseMixin
from pleio_tui.store.outbox_authors import CACHED_VIEWER_GUID, OutboxAuthorsMixin
from pleio_tui.store.outbox_carry import OutboxCarryMixin
from pleio_tui.store.values import (
    now_db,
    strings_from_db,
    strings_to_db,
    time_from_db,
    time_to_db,
)
from pleio_tui.store.votes import OwnVotesMixin, cached_vote, desired_vote, show_vote

_PENDING, _SENDING, _SENT, _FAILED, _GIVEN_UP = (
    OutboxState.PENDING,
    OutboxState.SENDING,
    OutboxState.SENT,
    OutboxState.FAILED,
    OutboxState.GIVEN_UP,
)


_IN_A_THREAD = (
    OutboxKind.COMMENT,
    OutboxKind.VOTE,
    OutboxKind.EDIT_COMMENT,
    OutboxKind.DELETE_COMMENT,
)
"""Kinds whose target may be a comment: they name the blog whose thread holds it."""


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
        thread_guid=row["thread_guid"],
        first_sent_at=time_from_db(row["first_sent_at"]),
        unconfirmed_at=time_from_db(row["unconfirmed_at"]),
        tags=None if row["tags"] is None else strings_from_db(row["tags"]),
        changed_at=time_from_db(row["updated_at"]),
        author_guid=row["author_guid"],
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


def _thread_of(conn: sqlite3.Connection, target_guid: str) -> str | None:
    """The blog a cached blog or comment belongs to."""
    row = conn.execute("SELECT blog_guid FROM comments WHERE guid = ?", (target_guid,)).fetchone()
    if row is not None:
        return str(row[0])
    row = conn.execute("SELECT guid FROM blogs WHERE guid = ?", (target_guid,)).fetchone()
    return None if row is None else str(row[0])


def _claim_needed(conn: sqlite3.Connection, row: sqlite3.Row) -> bool:
    """Whether an unsent item of the same kind and place has been tried: a lookup
    for it must not take this item's site copy."""
    return (
        conn.execute(
            "SELECT 1 FROM outbox WHERE id <> ? AND kind = ? AND target_guid = ?"
            " AND state IN ('pending', 'sending', 'failed') AND first_sent_at IS NOT NULL",
            (row["id"], row["kind"], row["target_guid"]),
        ).fetchone()
        is not None
    )


def insert_item(
    conn: sqlite3.Connection,
    kind: OutboxKind,
    target_guid: str,
    title: str,
    body: str,
    score: int,
    draft_key: str | None,
    thread_guid: str | None,
    tags: tuple[str, ...] | None = None,
) -> OutboxItem:
    """Queue an item as the account the cache holds as its viewer (see outbox_authors)."""
    if thread_guid is None and kind in _IN_A_THREAD:
        thread_guid = _thread_of(conn, target_guid)
    now = now_db()
    cursor = conn.execute(
        f"""INSERT INTO outbox (kind, target_guid, title, body, score, state,
                               created_at, updated_at, draft_key, thread_guid, tags,
                               author_guid)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, {CACHED_VIEWER_GUID})""",
        (
            kind.value,
            target_guid,
            title,
            body,
            score,
            _PENDING.value,
            now,
            now,
            draft_key,
            thread_guid,
            None if tags is None else strings_to_db(tags),
        ),
    )
    return _item(_load(conn, int(cursor.lastrowid or 0)))


class OutboxMixin(OutboxLeaseMixin, OwnVotesMixin, OutboxAuthorsMixin, OutboxCarryMixin):
    def enqueue(
        self,
        kind: OutboxKind,
        target_guid: str,
        title: str = "",
        body: str = "",
        score: int = 0,
        draft_key: str | None = None,
        thread_guid: str | None = None,
        tags: tuple[str, ...] | None = None,
    ) -> OutboxItem:
        """Queue an item. `thread_guid`: for a comment or reply, the blog whose
        thread it joins; when None it is taken from the cache (the target blog
        itself, or the blog of a cached comment). `tags`: for a blog's edit, the
        tags it is to have (None leaves them)."""
        with self._write() as conn:
            return insert_item(
                conn, kind, target_guid, title, body, score, draft_key, thread_guid, tags
            )

    def queue_vote(self, guid: str, pressed: int) -> OutboxItem:
        """The user pressed + (1) or - (-1) on a blog or comment: queue what the
        vote is to become (see `desired_vote`) and show it in the cache at once."""
        if pressed not in (1, -1):
            raise ValueError(f"a vote is +1 or -1, not {pressed!r}")
        with self._write() as conn:
            has_voted, own = cached_vote(conn, guid)
            desired = desired_vote(own, has_voted, pressed)
            item = insert_item(conn, OutboxKind.VOTE, guid, "", "", desired, None, None)
            show_vote(conn, guid, own, desired)
            return item

    def queue_bookmark(self, guid: str, bookmarked: bool) -> OutboxItem:
        """Queue the bookmark the blog is to have and show it in the cache at once,
        in one transaction: a crash or a full disk keeps both or neither."""
        with self._write() as conn:
            score = 1 if bookmarked else 0
            item = insert_item(conn, OutboxKind.BOOKMARK, guid, "", "", score, None, None)
            conn.execute("UPDATE blogs SET is_bookmarked = ? WHERE guid = ?", (bookmarked, guid))
            return item

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

    def mark_sending(
        self, item_id: int, site_time: datetime | None = None, sender: str | None = None
    ) -> OutboxItem:
        """About to hand the item to the network: counts an attempt. Only the
        holder of the outbox lease sends; an item already SENDING is sent again
        only after the site was seen not to have it.

        `site_time`: the site's clock now, kept as the time of the first attempt
        (the client's clock when the site's is not known). `sender`: the account
        sending it, kept as its author when it had none."""
        if not self.holds_outbox_lease:
            raise OutboxStateError(f"outbox item {item_id}: only the outbox lease holder sends")
        first = time_to_db(site_time) if site_time is not None else now_db()
        return self._change(
            item_id,
            (_PENDING, _SENDING),
            "send",
            "state = 'sending', attempts = attempts + 1, unconfirmed_at = NULL,"
            " error_code = NULL, error_message = NULL,"
            " first_sent_at = coalesce(first_sent_at, :first),"
            " author_guid = coalesce(author_guid, :sender)",
            {"first": first, "sender": sender},
        )

    def mark_unconfirmed(self, item_id: int, code: str, message: str) -> OutboxItem:
        """The request left but no definite answer came back: the item stays
        SENDING, to be looked up on the site before anything is sent again."""
        return self._change(
            item_id,
            (_SENDING,),
            "leave unconfirmed",
            "unconfirmed_at = :now, error_code = :code, error_message = :message",
            {"code": code, "message": message},
        )

    def claimed_remote_guids(self, other_than: int) -> set[str]:
        """What the site created for the other items: never taken for this one."""
        rows = self._rows(
            "SELECT remote_guid FROM outbox WHERE remote_guid IS NOT NULL AND id <> ?",
            (other_than,),
        )
        return {str(row[0]) for row in rows}

    def mark_sent(self, item_id: int, remote_guid: str | None = None) -> OutboxItem:
        """The site has it. Its draft goes too, unless edited after it was queued."""
        with self._write() as conn:
            row = _load(conn, item_id)
            _require_state(row, (_PENDING, _SENDING, _SENT), "mark as sent")
            conn.execute(
                """UPDATE outbox SET state = 'sent', remote_guid = coalesce(?, remote_guid),
                          error_code = NULL, error_message = NULL, unconfirmed_at = NULL,
                          updated_at = ?
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
            "state = 'failed', error_code = :code, error_message = :message, unconfirmed_at = NULL",
            {"code": code, "message": message},
        )

    def mark_pending(self, item_id: int, *, first_attempt: bool = False) -> OutboxItem:
        """The request certainly did not reach the site (a refused connection, a
        session the site turned away): send again later.

        `first_attempt`: no earlier attempt of the item may have reached the site
        either, so it has no first-attempt time: the next attempt that may reach
        it gives one, by the site's clock. A time kept from a refused attempt
        (taken from this machine's clock, with its margin, when the site was out
        of reach) would let a lookup take an older identical text for the item."""
        forget = ", first_sent_at = NULL" if first_attempt else ""
        return self._change(
            item_id,
            (_PENDING, _SENDING),
            "put back",
            f"state = 'pending', unconfirmed_at = NULL{forget}",
        )

    def retry(self, item_id: int) -> OutboxItem:
        return self._change(
            item_id,
            (_FAILED,),
            "retry",
            "state = 'pending', error_code = NULL, error_message = NULL",
        )

    def give_up(self, item_id: int) -> OutboxItem:
        """The user stops an item of unknown fate (SENDING: it may have reached the
        site) from ever being sent again. It stays, GIVEN_UP, with its text, and
        the text goes back into its draft unless newer writing is there.

        Taken under the outbox lease, so that no sender (this process or another)
        has the item in flight meanwhile: OutboxBusyError while one sends."""
        held_before = self.holds_outbox_lease
        if not self.take_outbox_lease():
            raise OutboxBusyError(f"outbox item {item_id}: another pleio-tui is sending")
        try:
            with self._write() as conn:
                row = _load(conn, item_id)
                _require_state(row, (_SENDING,), "give up")
                now = now_db()
                conn.execute(
                    "UPDATE outbox SET state = ?, unconfirmed_at = NULL, updated_at = ?"
                    " WHERE id = ?",
                    (_GIVEN_UP.value, now, item_id),
                )
                if row["draft_key"] is not None:
                    conn.execute(
                        "INSERT INTO drafts (key, title, body, updated_at) VALUES (?, ?, ?, ?)"
                        " ON CONFLICT (key) DO NOTHING",
                        (row["draft_key"], row["title"], row["body"], now),
                    )
                return _item(_load(conn, item_id))
        finally:
            if not held_before:
                self.release_outbox_lease()

    def discard(self, item_id: int) -> None:
        """The user gives the item up. Its draft, if any, is kept.

        A sent item stays while an item of its kind and place that may have
        left is unsent: its site copy, no longer claimed, could be taken for
        that one, which would then never be sent."""
        with self._write() as conn:
            row = _load(conn, item_id)
            # The network may be delivering it right now; discarding would hide that.
            _require_state(row, (_PENDING, _FAILED, _SENT, _GIVEN_UP), "discard")
            if row["remote_guid"] is not None and _claim_needed(conn, row):
                raise OutboxStateError(
                    f"outbox item {item_id} is sent: it stays while a like item is unconfirmed"
                )
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
