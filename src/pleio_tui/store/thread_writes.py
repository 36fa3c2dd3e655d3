"""Saving the threads of a page of blogs by what differs from the cached ones.

A sync saves a blog again with its whole thread when one comment is added: the
comments the cache holds as they are keep their rows and their documents, so
the write touches the new, changed and vanished comments alone. A comment's
document is its text: one whose text, author, time and blog are unchanged is
updated where it lies (a new comment moves its siblings' places) and keeps its
document; any other change writes the row again, after its document is dropped
(store/search_index.py), and indexes it again.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import NamedTuple

from pleio_tui.models import Comment
from pleio_tui.store.comments import COMMENT_COLUMNS, INSERT_COMMENT, comment_params
from pleio_tui.store.search_index import Document, comment_columns

Thread = tuple[str, list[tuple[str, int, Comment]]]
"""A blog's guid and its comments as `flatten_thread` lists them."""

_CACHED_SQL = f"""
SELECT {", ".join(COMMENT_COLUMNS)} FROM comments
 WHERE blog_guid IN (SELECT value FROM json_each(?))
"""

_KEPT_IN_PLACE = tuple(
    COMMENT_COLUMNS.index(column)
    for column in ("blog_guid", "rich_description", "description", "time_created", "owner_guid")
)
"""What an update in place leaves as it was: the document (text and blog), and what
decides whether a comment makes its blog unread (new_comments_unread fires on insert)."""

_UPDATE_COMMENT = f"""
UPDATE comments SET {", ".join(f"{column} = :{column}" for column in COMMENT_COLUMNS[1:])}
 WHERE guid = :guid
"""


class ThreadWrites(NamedTuple):
    """What saving a page's threads changes in the cache."""

    rewritten: list[dict[str, object]]
    """Rows written whole (new, moved or with a new text), in the page's order."""
    updated: list[dict[str, object]]
    """Rows whose document stays: updated where they lie."""
    gone: list[str]
    """Cached comments of the threads that the page no longer lists."""
    documents: dict[str, Document]
    """The documents of the rewritten comments, by comment guid."""
    touched: set[str]
    """The blogs some of whose comments change, come or go."""

    def unindexed(self) -> list[str]:
        """The comments whose documents must leave the index before the rows change."""
        return [*self.documents, *self.gone]


def plan_threads(conn: sqlite3.Connection, threads: list[Thread]) -> ThreadWrites:
    """Compare the page's threads with the cached rows of their blogs (one query,
    which finds nothing for blogs new to the cache). A comment listed twice in the
    page is written each time, as one blog at a time would, and indexed as last written."""
    cached: dict[str, tuple[object, ...]] = {}
    if threads:
        guids = json.dumps([blog_guid for blog_guid, _ in threads])
        cached = {row[0]: tuple(row) for row in conn.execute(_CACHED_SQL, (guids,))}
    # Nothing cached (a first sync): every comment is written, without comparing.
    listed = Counter(c.guid for _, thread in threads for _, _, c in thread) if cached else {}
    gone = [guid for guid in cached if guid not in listed]
    writes = ThreadWrites([], [], gone, {}, {str(cached[guid][1]) for guid in gone})
    for blog_guid, thread in threads:
        for parent_guid, position, comment in thread:
            owner_guid = None if comment.owner is None else comment.owner.guid
            row = comment_params(blog_guid, parent_guid, position, comment, owner_guid)
            before = cached.get(comment.guid) if cached and listed[comment.guid] == 1 else None
            if before is not None:
                values = tuple(row[column] for column in COMMENT_COLUMNS)
                if values == before:
                    continue
                writes.touched.update((blog_guid, str(before[1])))
                if all(values[i] == before[i] for i in _KEPT_IN_PLACE):
                    writes.updated.append(row)
                    continue
            writes.touched.add(blog_guid)
            writes.rewritten.append(row)
            writes.documents.pop(comment.guid, None)
            writes.documents[comment.guid] = (blog_guid, comment.guid, comment_columns(comment))
    return writes


def write_threads(conn: sqlite3.Connection, writes: ThreadWrites) -> None:
    """Apply `plan_threads`' writes, once the documents of `writes.unindexed()` are
    out of the index and the authors saved."""
    if writes.gone:
        conn.execute(
            "DELETE FROM comments WHERE guid IN (SELECT value FROM json_each(?))",
            (json.dumps(writes.gone),),
        )
    if writes.updated:
        conn.executemany(_UPDATE_COMMENT, writes.updated)
    if writes.rewritten:
        conn.executemany(INSERT_COMMENT, writes.rewritten)
