"""A blog's comment thread: its rows, and the tree rebuilt from them."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime

from pleio_tui.models import Comment
from pleio_tui.store.base import StoreBase
from pleio_tui.store.packed_text import pack, unpack
from pleio_tui.store.search_index import index_comment, unindex_comment
from pleio_tui.store.search_text import description_of, stored_description
from pleio_tui.store.users import owner_columns, user_from_row
from pleio_tui.store.values import required_time_from_db, time_from_db, time_to_db

COMMENT_COLUMNS = (
    "guid", "blog_guid", "parent_guid", "position", "rich_description", "description",
    "time_created", "time_updated", "owner_guid", "owner_name", "can_edit", "can_comment",
    "can_vote", "votes", "has_voted", "comment_count",
)  # fmt: skip
"""A comment's row, in the order of its table; `comment_params` gives each."""

INSERT_COMMENT = f"""
INSERT OR REPLACE INTO comments ({", ".join(COMMENT_COLUMNS)})
VALUES ({", ".join(":" + column for column in COMMENT_COLUMNS)})
"""

_THREAD_SQL = f"""
SELECT c.*, {owner_columns("u")}
  FROM comments AS c
  LEFT JOIN users AS u ON u.guid = c.owner_guid
 WHERE c.blog_guid = ?
 ORDER BY c.parent_guid, c.position
"""


def flatten_thread(
    parent_guid: str, comments: tuple[Comment, ...]
) -> Iterator[tuple[str, int, Comment]]:
    """Each comment with its parent and its place among its siblings, replies after it."""
    for position, comment in enumerate(comments):
        yield parent_guid, position, comment
        yield from flatten_thread(comment.guid, comment.replies)


def comment_params(
    blog_guid: str, parent_guid: str, position: int, comment: Comment, owner_guid: str | None
) -> dict[str, object]:
    """The row of INSERT_COMMENT for a comment at its place in a blog's thread."""
    return {
        "guid": comment.guid,
        # The thread belongs to the blog it was fetched with, whatever the
        # comment itself claims.
        "blog_guid": blog_guid,
        "parent_guid": parent_guid,
        "position": position,
        "rich_description": pack(comment.rich_description),
        "description": stored_description(comment.rich_description, comment.description),
        "time_created": time_to_db(comment.time_created),
        "time_updated": time_to_db(comment.time_updated),
        "owner_guid": owner_guid,
        "owner_name": comment.owner_name,
        "can_edit": comment.can_edit,
        "can_comment": comment.can_comment,
        "can_vote": comment.can_vote,
        "votes": comment.votes,
        "has_voted": comment.has_voted,
        "comment_count": comment.comment_count,
    }


def _comment_from_row(row: sqlite3.Row, replies: tuple[Comment, ...]) -> Comment:
    rich_description = unpack(row["rich_description"])
    return Comment(
        guid=row["guid"],
        blog_guid=row["blog_guid"],
        parent_guid=row["parent_guid"],
        rich_description=rich_description,
        description=description_of(rich_description, row["description"]),
        time_created=required_time_from_db(row["time_created"]),
        time_updated=time_from_db(row["time_updated"]),
        owner=user_from_row(row),
        owner_name=row["owner_name"],
        can_edit=bool(row["can_edit"]),
        can_comment=bool(row["can_comment"]),
        can_vote=bool(row["can_vote"]),
        votes=row["votes"],
        has_voted=bool(row["has_voted"]),
        comment_count=row["comment_count"],
        replies=replies,
    )


def load_thread(conn: sqlite3.Connection, blog_guid: str) -> tuple[Comment, ...]:
    """Top-level comments newest first, as Pleio lists them; each comment's replies
    oldest first under it, so a conversation reads down (Pleio sends them newest
    first too). Equal times keep the order the site sent."""
    children: dict[str, list[sqlite3.Row]] = {}
    for row in conn.execute(_THREAD_SQL, (blog_guid,)):
        children.setdefault(row["parent_guid"], []).append(row)

    def build(parent_guid: str, depth: int) -> tuple[Comment, ...]:
        # Depth bound: a damaged thread with a cycle must not recurse forever.
        if depth > 16:
            return ()
        rows = children.get(parent_guid, [])
        return tuple(_comment_from_row(row, build(row["guid"], depth + 1)) for row in rows)

    top_level = build(blog_guid, 0)
    return tuple(
        comment._replace(replies=tuple(sorted(comment.replies, key=_created)))
        for comment in sorted(top_level, key=_created, reverse=True)
    )


def _created(comment: Comment) -> datetime:
    return comment.time_created


def _thread_of_comment(conn: sqlite3.Connection, guid: str) -> str | None:
    row = conn.execute("SELECT blog_guid FROM comments WHERE guid = ?", (guid,)).fetchone()
    return None if row is None else str(row[0])


class CommentCacheMixin(StoreBase):
    """One comment changed or gone on the site, without fetching its thread again."""

    def save_edited_comment(self, comment: Comment) -> None:
        """The site's answer to an edit: its text and time, in the cached thread."""
        with self._write() as conn:
            blog_guid = _thread_of_comment(conn, comment.guid)
            if blog_guid is None:
                return
            # The index reads the old text through its view: out before the row changes.
            unindex_comment(conn, comment.guid)
            conn.execute(
                "UPDATE comments SET rich_description = ?, description = ?, time_updated = ?"
                " WHERE guid = ?",
                (
                    pack(comment.rich_description),
                    stored_description(comment.rich_description, comment.description),
                    time_to_db(comment.time_updated),
                    comment.guid,
                ),
            )
            index_comment(conn, blog_guid, comment)

    def forget_comment(self, guid: str) -> None:
        """The comment is gone from the site, and its replies with it (as on Pleio)."""
        with self._write() as conn:
            blog_guid = _thread_of_comment(conn, guid)
            if blog_guid is None:
                return
            gone = [guid] + [
                str(row[0])
                for row in conn.execute("SELECT guid FROM comments WHERE parent_guid = ?", (guid,))
            ]
            for comment_guid in gone:
                unindex_comment(conn, comment_guid)
                conn.execute("DELETE FROM comments WHERE guid = ?", (comment_guid,))
            conn.execute(
                "UPDATE blogs SET comment_count = max(0, comment_count - ?) WHERE guid = ?",
                (len(gone), blog_guid),
            )
