"""The user's notifications as the last sync found them on the site, with the
read marks still waiting in the outbox laid over them, so that what the user
marked read stays read while the site has not heard of it yet."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from pleio_tui.models import Notification, OutboxItem, OutboxKind, OutboxState, User
from pleio_tui.store.outbox import OutboxMixin, insert_item
from pleio_tui.store.values import required_time_from_db, time_to_db

ALL_PREFIX = "all:"
"""An outbox target `all:<id>`: every notification up to that id, read."""
BEYOND_KEY = "notifications.unread_beyond"
"""Unread notifications on the site past the newest ones the cache holds."""

_COLUMNS = (
    "id, position, action, time_created, is_unread, performer_guid, performer_name,"
    " entity_guid, entity_type, item_guid, title, excerpt, container_guid, container_name"
)
_WAITING = (OutboxState.PENDING.value, OutboxState.SENDING.value)
_WAITING_MARKS = f"""
SELECT target_guid FROM outbox
 WHERE kind = '{OutboxKind.NOTIFICATION_READ.value}' AND state IN {_WAITING!r}
"""


def _params(position: int, n: Notification) -> tuple[object, ...]:
    performer = n.performer
    return (
        n.id,
        position,
        n.action,
        time_to_db(n.time_created),
        int(n.is_unread),
        None if performer is None else performer.guid,
        None if performer is None else performer.name,
        n.entity_guid,
        n.entity_type,
        n.item_guid,
        n.title,
        n.excerpt,
        n.container_guid,
        n.container_name,
    )


def _notification(row: sqlite3.Row) -> Notification:
    performer = (
        None
        if row["performer_guid"] is None
        else User(guid=row["performer_guid"], name=row["performer_name"] or "")
    )
    return Notification(
        id=row["id"],
        action=row["action"],
        time_created=required_time_from_db(row["time_created"]),
        is_unread=bool(row["is_unread"]),
        performer=performer,
        entity_guid=row["entity_guid"],
        entity_type=row["entity_type"],
        item_guid=row["item_guid"],
        title=row["title"],
        excerpt=row["excerpt"],
        container_guid=row["container_guid"],
        container_name=row["container_name"],
    )


def _lay_waiting_marks(conn: sqlite3.Connection) -> None:
    targets = [row[0] for row in conn.execute(_WAITING_MARKS)]
    ids = [int(t) for t in targets if t.isdigit()]
    up_to = [int(t[len(ALL_PREFIX) :]) for t in targets if t.startswith(ALL_PREFIX)]
    if up_to:
        conn.execute("UPDATE notifications SET is_unread = 0 WHERE id <= ?", (max(up_to),))
        conn.execute("DELETE FROM watermarks WHERE key = ?", (BEYOND_KEY,))
    conn.executemany("UPDATE notifications SET is_unread = 0 WHERE id = ?", [(i,) for i in ids])


def _queue_read(conn: sqlite3.Connection, target: str) -> OutboxItem:
    return insert_item(conn, OutboxKind.NOTIFICATION_READ, target, "", "", 0, None, None)


class NotificationsMixin(OutboxMixin):
    def replace_notifications(self, items: Iterable[Notification], total_unread: int) -> None:
        """The newest notifications as the site listed them (newest first), and
        its count of unread ones, in place of what the cache held."""
        listed = list(items)
        unread_listed = sum(1 for n in listed if n.is_unread)
        with self._write(durable=False) as conn:
            conn.execute("DELETE FROM notifications")
            conn.executemany(
                f"INSERT OR REPLACE INTO notifications ({_COLUMNS})"
                f" VALUES ({', '.join('?' for _ in _COLUMNS.split(','))})",
                [_params(position, n) for position, n in enumerate(listed)],
            )
            conn.execute(
                "INSERT INTO watermarks (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (BEYOND_KEY, str(max(0, total_unread - unread_listed))),
            )
            _lay_waiting_marks(conn)

    def notifications(self, *, unread_only: bool = False) -> list[Notification]:
        """Newest first, as the site ordered them."""
        where = " WHERE is_unread = 1" if unread_only else ""
        rows = self._rows(f"SELECT * FROM notifications{where} ORDER BY position")
        return [_notification(row) for row in rows]

    def notification(self, notification_id: int) -> Notification | None:
        row = self._row("SELECT * FROM notifications WHERE id = ?", (notification_id,))
        return None if row is None else _notification(row)

    def notification_ids(self) -> set[int]:
        return {int(row[0]) for row in self._rows("SELECT id FROM notifications")}

    def unread_notification_count(self) -> int:
        listed = int(self._scalar("SELECT count(*) FROM notifications WHERE is_unread = 1"))
        beyond = self._scalar("SELECT value FROM watermarks WHERE key = ?", (BEYOND_KEY,))
        return listed + (int(beyond) if beyond else 0)

    def queue_notification_read(self, notification_id: int) -> OutboxItem | None:
        """Queued for the site and read here at once; None when it was read already."""
        cached = self.notification(notification_id)
        if cached is None or not cached.is_unread:
            return None
        with self._write() as conn:  # both or neither, whatever the disk does
            item = _queue_read(conn, str(notification_id))
            conn.execute("UPDATE notifications SET is_unread = 0 WHERE id = ?", (notification_id,))
        return item

    def queue_all_notifications_read(self) -> OutboxItem | None:
        """Every notification the cache holds (and older ones), read; None when
        nothing is unread. Newer ones that reach the site meanwhile stay unread."""
        newest = self._scalar("SELECT max(id) FROM notifications")
        if newest is None or self.unread_notification_count() == 0:
            return None
        with self._write() as conn:
            item = _queue_read(conn, f"{ALL_PREFIX}{newest}")
            _lay_waiting_marks(conn)
        return item
