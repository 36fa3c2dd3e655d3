"""Which way the user's own votes went. Pleio tells only whether the user has
voted on an item (`hasVoted`), not in which direction; the cache remembers the
direction of every vote it saw the site confirm (own_votes), so a queued vote
can say where it is to end up, and a lost answer never flips it."""

from __future__ import annotations

import sqlite3

from pleio_tui.models import Blog, Comment
from pleio_tui.store.base import StoreBase

VOTE_TABLES = ("blogs", "comments")


def desired_vote(own: int | None, has_voted: bool, pressed: int) -> int:
    """What the vote is to be after the user presses +1 or -1, as Pleio itself
    would take it: the opposite of a vote takes it back, the same vote keeps it.
    A vote whose direction is unknown (made elsewhere) becomes the pressed one."""
    if not has_voted:
        return pressed
    if own in (1, -1):
        return max(-1, min(1, own + pressed))
    return pressed


def cached_vote(conn: sqlite3.Connection, guid: str) -> tuple[bool, int | None]:
    """(has_voted, own direction or None when unknown) of a blog or comment as the
    user sees it: what a vote still in the outbox will make it, else the cached
    item with the direction last seen confirmed."""
    queued = conn.execute(
        "SELECT score FROM outbox WHERE kind = 'vote' AND target_guid = ?"
        " AND state IN ('pending', 'sending') ORDER BY id DESC LIMIT 1",
        (guid,),
    ).fetchone()
    if queued is not None:
        return queued[0] != 0, int(queued[0])
    row = conn.execute("SELECT score FROM own_votes WHERE guid = ?", (guid,)).fetchone()
    confirmed = int(row[0]) if row is not None else None
    for table in VOTE_TABLES:
        row = conn.execute(f"SELECT has_voted FROM {table} WHERE guid = ?", (guid,)).fetchone()
        if row is not None:
            if not row[0]:
                return False, 0
            return True, (confirmed if confirmed in (1, -1) else None)
    return (confirmed not in (None, 0)), (confirmed if confirmed is not None else 0)


def _direction(has_voted: bool, known: int | None) -> int | None:
    return known if has_voted and known in (1, -1) else None


def with_own_votes(conn: sqlite3.Connection, blog: Blog) -> Blog:
    """The blog and its thread with the direction of the user's votes: a vote
    still in the outbox as it is to end, else the last one the site confirmed."""
    known = {
        str(guid): int(score)
        for guid, score in conn.execute(
            "SELECT guid, score FROM own_votes WHERE guid = ?"
            " OR guid IN (SELECT guid FROM comments WHERE blog_guid = ?)",
            (blog.guid, blog.guid),
        )
    }
    for guid, score in conn.execute(
        "SELECT target_guid, score FROM outbox WHERE kind = 'vote'"
        " AND state IN ('pending', 'sending') AND (thread_guid = ? OR target_guid = ?)"
        " ORDER BY id",
        (blog.guid, blog.guid),
    ):
        known[str(guid)] = int(score)

    def mark(comment: Comment) -> Comment:
        return comment._replace(
            own_vote=_direction(comment.has_voted, known.get(comment.guid)),
            replies=tuple(mark(reply) for reply in comment.replies),
        )

    comments = None if blog.comments is None else tuple(mark(c) for c in blog.comments)
    return blog._replace(
        own_vote=_direction(blog.has_voted, known.get(blog.guid)), comments=comments
    )


def show_vote(conn: sqlite3.Connection, guid: str, before: int | None, after: int) -> None:
    """Show the vote in the cache before the site confirms it; the next sync
    brings the site's own numbers."""
    change = after - before if before is not None else 0
    for table in VOTE_TABLES:
        conn.execute(
            f"UPDATE {table} SET votes = votes + ?, has_voted = ? WHERE guid = ?",
            (change, after != 0, guid),
        )


def record_vote(conn: sqlite3.Connection, guid: str, score: int | None) -> None:
    if score is None:
        conn.execute("DELETE FROM own_votes WHERE guid = ?", (guid,))
    else:
        conn.execute(
            "INSERT INTO own_votes (guid, score) VALUES (?, ?)"
            " ON CONFLICT (guid) DO UPDATE SET score = excluded.score",
            (guid, score),
        )


class OwnVotesMixin(StoreBase):
    def own_vote(self, guid: str) -> int | None:
        """The direction of the user's vote as the site last confirmed it (+1,
        -1, 0 for none), None when the cache does not know it."""
        value = self._scalar("SELECT score FROM own_votes WHERE guid = ?", (guid,))
        return int(value) if value is not None else None

    def record_own_vote(self, guid: str, score: int | None) -> None:
        """What the site just showed the vote to be (None: the direction is unknown)."""
        with self._write() as conn:
            record_vote(conn, guid, score)
