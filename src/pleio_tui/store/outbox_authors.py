"""Whose each outbox item is: the account that wrote it, so that it reaches the
site under that name or not at all.

An item is queued with the viewer the cache holds (the account last logged in);
only a session of that account sends it or looks it up. Items of another account
wait, never sent and never dropped, until that account logs in again. An item
queued before the cache knew any viewer (or by a version that kept no author) is
the first viewer's the cache learns: when the viewer changes, such items become
the one before's, else the new one's (`assign_unassigned`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from pleio_tui.models import WaitingAuthor
from pleio_tui.store.base import StoreBase

CACHED_VIEWER_GUID = (
    "json_extract((SELECT value FROM site_info WHERE key = 'viewer'), '$.user.guid')"
)
"""SQL: the guid of the viewer the cache holds (NULL when it holds none)."""

_UNSENT = ("pending", "sending")


def assign_unassigned(conn: sqlite3.Connection, viewer_guid: str | None) -> None:
    """Give items without an author to the viewer the cache holds, else to
    `viewer_guid` (the one about to be saved). Inside the caller's transaction."""
    conn.execute(
        f"UPDATE outbox SET author_guid = coalesce({CACHED_VIEWER_GUID}, ?)"
        " WHERE author_guid IS NULL",
        (viewer_guid,),
    )


class OutboxAuthorsMixin(StoreBase):
    def waiting_for_others(self, viewer_guid: str | None) -> list[WaitingAuthor]:
        """Unsent items (waiting or unconfirmed) of accounts other than
        `viewer_guid`, by account, most first."""
        marks = ", ".join("?" * len(_UNSENT))
        rows = self._rows(
            f"""SELECT o.author_guid, u.name, count(*) AS n
                  FROM outbox AS o LEFT JOIN users AS u ON u.guid = o.author_guid
                 WHERE o.state IN ({marks}) AND o.author_guid IS NOT NULL
                   AND o.author_guid IS NOT ?
                 GROUP BY o.author_guid ORDER BY n DESC, o.author_guid""",
            (*_UNSENT, viewer_guid),
        )
        return [WaitingAuthor(str(row[0]), row[1], int(row[2])) for row in rows]

    def author_name(self, guid: str) -> str | None:
        """The name the cache knows an account by."""
        name: str | None = self._scalar("SELECT name FROM users WHERE guid = ?", (guid,))
        return name

    def claim_queued(self, item_ids: Iterable[int], viewer_guid: str) -> None:
        """Items the caller queued just now, never sent, written with the session of
        `viewer_guid`: they are that account's, whatever viewer the cache held (an
        older login) when they were queued."""
        ids = list(item_ids)
        if not ids:
            return
        marks = ", ".join("?" * len(ids))
        with self._write() as conn:
            conn.execute(
                f"UPDATE outbox SET author_guid = ? WHERE id IN ({marks})"
                " AND state = 'pending' AND attempts = 0",
                (viewer_guid, *ids),
            )
