"""Blogs as the sync writes them and the post view reads them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import NamedTuple

from pleio_tui.models import Blog
from pleio_tui.store.base import StoreBase
from pleio_tui.store.comments import flatten_thread, load_thread
from pleio_tui.store.content import details_from_db, details_to_db, with_place
from pleio_tui.store.errors import translated_errors
from pleio_tui.store.packed_text import pack, unpack
from pleio_tui.store.search_index import (
    Document,
    add_documents,
    blog_columns,
    index_batch,
    unindex_blogs,
    unindex_page,
)
from pleio_tui.store.search_text import description_of, stored_description
from pleio_tui.store.thread_writes import plan_threads, write_threads
from pleio_tui.store.users import owner_columns, save_users, user_from_row
from pleio_tui.store.values import strings_from_db, strings_to_db, time_from_db, time_to_db
from pleio_tui.store.votes import with_own_votes

_BLOG_COLUMNS = (
    "guid", "title", "url", "abstract", "rich_description", "description", "excerpt",
    "tags", "time_created", "time_updated", "time_published", "status_published",
    "group_guid", "group_name", "owner_guid", "can_edit", "can_comment", "can_vote",
    "can_bookmark", "votes", "has_voted", "is_bookmarked", "is_following", "views",
    "is_pinned", "access_id", "write_access_id", "comment_count", "subtype", "details",
)  # fmt: skip

ARCHIVED_SQL = "status_published = 'archived'"

# Read state and whether the thread was ever fetched survive a re-upsert.
_UPSERT_BLOG = f"""
INSERT INTO blogs ({", ".join(_BLOG_COLUMNS)})
VALUES ({", ".join(":" + column for column in _BLOG_COLUMNS)})
ON CONFLICT (guid) DO UPDATE SET
    {", ".join(f"{column} = excluded.{column}" for column in _BLOG_COLUMNS[1:])}
"""

# last_action: the newest of the blog's own change and its comments' times; and
# whether the thread was fetched, in the same write.
_SET_LAST_ACTION = """
UPDATE blogs SET comments_fetched = comments_fetched OR :fetched, last_action = max(
    coalesce(time_updated, time_published, time_created, 0),
    coalesce((SELECT max(max(time_created, coalesce(time_updated, 0)))
                FROM comments WHERE blog_guid = :guid), 0)
) WHERE guid = :guid
"""

_BLOG_SQL = f"""
SELECT b.*, {owner_columns("u")}
  FROM blogs AS b LEFT JOIN users AS u ON u.guid = b.owner_guid
 WHERE b.guid = ?
"""


class BlogFreshness(NamedTuple):
    time_updated: datetime | None
    comment_count: int
    comments_fetched: bool
    archived: bool


def _blog_params(blog: Blog, owner_guid: str | None) -> dict[str, object]:
    return {
        "guid": blog.guid,
        "title": blog.title,
        "url": blog.url,
        "abstract": blog.abstract,
        "rich_description": pack(blog.rich_description),
        "description": stored_description(blog.rich_description, blog.description),
        "excerpt": blog.excerpt,
        "tags": strings_to_db(blog.tags),
        "time_created": time_to_db(blog.time_created),
        "time_updated": time_to_db(blog.time_updated),
        "time_published": time_to_db(blog.time_published),
        "status_published": blog.status_published,
        "group_guid": blog.group_guid,
        "group_name": blog.group_name,
        "owner_guid": owner_guid,
        "can_edit": blog.can_edit,
        "can_comment": blog.can_comment,
        "can_vote": blog.can_vote,
        "can_bookmark": blog.can_bookmark,
        "votes": blog.votes,
        "has_voted": blog.has_voted,
        "is_bookmarked": blog.is_bookmarked,
        "is_following": blog.is_following,
        "views": blog.views,
        "is_pinned": blog.is_pinned,
        "access_id": blog.access_id,
        "write_access_id": blog.write_access_id,
        "comment_count": blog.comment_count,
        "subtype": blog.subtype,
        "details": details_to_db(blog.details),
    }


def _blog_from_row(row: sqlite3.Row, conn: sqlite3.Connection) -> Blog:
    rich_description = unpack(row["rich_description"])
    return Blog(
        guid=row["guid"],
        title=row["title"],
        url=row["url"],
        abstract=row["abstract"],
        rich_description=rich_description,
        description=description_of(rich_description, row["description"]),
        excerpt=row["excerpt"],
        tags=strings_from_db(row["tags"]),
        time_created=time_from_db(row["time_created"]),
        time_updated=time_from_db(row["time_updated"]),
        time_published=time_from_db(row["time_published"]),
        status_published=row["status_published"],
        group_guid=row["group_guid"],
        group_name=row["group_name"],
        owner=user_from_row(row),
        can_edit=bool(row["can_edit"]),
        can_comment=bool(row["can_comment"]),
        can_vote=bool(row["can_vote"]),
        can_bookmark=bool(row["can_bookmark"]),
        votes=row["votes"],
        has_voted=bool(row["has_voted"]),
        is_bookmarked=bool(row["is_bookmarked"]),
        is_following=bool(row["is_following"]),
        views=row["views"],
        is_pinned=bool(row["is_pinned"]),
        access_id=row["access_id"],
        write_access_id=row["write_access_id"],
        comment_count=row["comment_count"],
        comments=load_thread(conn, row["guid"]) if row["comments_fetched"] else None,
        subtype=row["subtype"],
        details=details_from_db(row["details"]),
    )


_DOCUMENT_COLUMNS = ("title", "tags", "abstract", "rich_description", "description")
"""What a blog's own document is derived from (search_content)."""

_ROW_SPLIT_COLUMNS = ("time_published", "group_guid", "status_published", "subtype")
"""What the blogs' indexes and counting triggers read besides the guid: a cached
blog whose values of these stay is updated without them, so that no index entry
of it is written again (a new comment count dirties the blog's row alone)."""

_UPDATED_COLUMNS = tuple(c for c in _BLOG_COLUMNS[1:] if c not in _ROW_SPLIT_COLUMNS)
_UPDATE_BLOG = f"""
UPDATE blogs SET {", ".join(f"{column} = :{column}" for column in _UPDATED_COLUMNS)}
 WHERE guid = :guid
"""
_DOCUMENT_AT = tuple(_BLOG_COLUMNS.index(column) for column in _DOCUMENT_COLUMNS)
_ROW_SPLIT_AT = tuple(_BLOG_COLUMNS.index(column) for column in _ROW_SPLIT_COLUMNS)

_CACHED_BLOGS_SQL = f"""
SELECT {", ".join(_BLOG_COLUMNS)}, comments_fetched FROM blogs
 WHERE guid IN (SELECT value FROM json_each(?))
"""


class _BlogWrites(NamedTuple):
    """What saving a page's blog rows changes, against what the cache holds."""

    upserted: list[dict[str, object]]
    updated: list[dict[str, object]]
    """Cached blogs whose indexed columns stay (`_UPDATE_BLOG`)."""
    documents: dict[str, tuple[str, str, str]]
    """The own documents of blogs new to the cache or with another title, tags or body."""
    unchanged: set[str]
    """Blogs whose row stays as it is."""
    fetched_before: set[str]
    """Cached blogs whose thread was fetched before."""


def _plan_blogs(conn: sqlite3.Connection, blogs: list[Blog]) -> _BlogWrites:
    """Compare the page's rows with the cached ones, in one query (which finds
    nothing on a first sync)."""
    guids = json.dumps([blog.guid for blog in blogs])
    cached = {row[0]: tuple(row) for row in conn.execute(_CACHED_BLOGS_SQL, (guids,))}
    writes = _BlogWrites([], [], {}, set(), {g for g, row in cached.items() if row[-1]})
    for blog in blogs:
        row = _blog_params(blog, None if blog.owner is None else blog.owner.guid)
        before = cached.get(blog.guid)
        if before is None:
            writes.upserted.append(row)
            # Right after the row: the body's plain text is still in its small cache.
            writes.documents[blog.guid] = blog_columns(blog)
            continue
        values = tuple(row[column] for column in _BLOG_COLUMNS)
        if any(values[i] != before[i] for i in _DOCUMENT_AT):
            writes.documents[blog.guid] = blog_columns(blog)
        if values == before[:-1]:
            writes.unchanged.add(blog.guid)
        elif all(values[i] == before[i] for i in _ROW_SPLIT_AT):
            writes.updated.append(row)
        else:
            writes.upserted.append(row)
    return writes


def _upsert_page(conn: sqlite3.Connection, blogs: list[Blog]) -> None:
    """Blogs of distinct guids saved as one at a time would, with a statement per
    kind of row: per row, the statements cost a first sync more than the rest of it.
    Only what differs from the cache is written and indexed again (thread_writes.py).
    Documents leave the index while the rows hold what was indexed; the new ones
    get their ids in the order one blog at a time gives (its comments, then itself)."""
    threads = [
        (blog.guid, list(flatten_thread(blog.guid, blog.comments)))
        for blog in blogs
        if blog.comments is not None
    ]
    comments = [comment for _, thread in threads for _, _, comment in thread]
    guids = [blog.guid for blog in blogs]
    blog_writes = _plan_blogs(conn, blogs)
    writes = plan_threads(conn, threads)
    reindexed = [guid for guid in guids if guid in blog_writes.documents]
    unindex_page(conn, reindexed, writes.unindexed())
    save_users(conn, [blog.owner for blog in blogs] + [comment.owner for comment in comments])
    # A statement not needed is not prepared either: a sync's first save pays for that.
    if blog_writes.upserted:
        conn.executemany(_UPSERT_BLOG, blog_writes.upserted)
    if blog_writes.updated:
        conn.executemany(_UPDATE_BLOG, blog_writes.updated)
    write_threads(conn, writes)
    documents_of: dict[str, list[Document]] = {guid: [] for guid in guids}
    for document in writes.documents.values():
        documents_of[document[0]].append(document)
    for guid in reindexed:
        documents_of[guid].append((guid, None, blog_writes.documents[guid]))
    fetched = {guid for guid, _ in threads}
    # Where neither the row nor its thread (all of which was compared) changes,
    # neither does what this sets.
    settled = (blog_writes.unchanged & fetched & blog_writes.fetched_before) - writes.touched
    last_actions = [
        {"guid": guid, "fetched": guid in fetched} for guid in guids if guid not in settled
    ]
    if last_actions:
        conn.executemany(_SET_LAST_ACTION, last_actions)
    add_documents(conn, [document for guid in guids for document in documents_of[guid]])


def _distinct_runs(blogs: list[Blog]) -> Iterator[list[Blog]]:
    """The page in runs of distinct blogs, in its order: a blog named twice is
    saved twice, as it comes."""
    run: dict[str, Blog] = {}
    for blog in blogs:
        if blog.guid in run:
            yield list(run.values())
            run = {}
        run[blog.guid] = blog
    if run:
        yield list(run.values())


class BlogCacheMixin(StoreBase):
    def upsert_blogs(self, blogs: Iterable[Blog]) -> None:
        """Save blogs in one transaction. A blog whose `comments` is None keeps its
        cached thread; otherwise the thread is replaced by the one given."""
        page = list(blogs)
        with self._write(durable=False) as conn, index_batch(conn):
            for run in _distinct_runs(page):
                _upsert_page(conn, run)

    def delete_blogs(self, guids: Iterable[str]) -> None:
        """Forget blogs the site no longer has (their comments go with them)."""
        with self._write(durable=False) as conn:
            doomed = list(guids)
            unindex_blogs(conn, doomed)
            conn.executemany("DELETE FROM blogs WHERE guid = ?", [(guid,) for guid in doomed])

    def blog_freshness(self, guids: Iterable[str]) -> dict[str, BlogFreshness]:
        """What the sync compares with a listing, for the cached ones of `guids`,
        in one query and without their threads."""
        rows = self._rows(
            "SELECT guid, time_updated, comment_count, comments_fetched,"
            f" {ARCHIVED_SQL} AS archived FROM blogs"
            " WHERE guid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(guids)),),
        )
        return {
            row["guid"]: BlogFreshness(
                time_from_db(row["time_updated"]),
                row["comment_count"],
                bool(row["comments_fetched"]),
                bool(row["archived"]),
            )
            for row in rows
        }

    def listed_blog_count(self) -> int:
        """The cached blogs the site should list: archived ones it lists no more."""
        # Two counts along indexes (the archived ones a partial one), not a scan.
        every = int(self._scalar("SELECT count(*) FROM blogs WHERE subtype = 'blog'", ()))
        return every - self.archived_blog_count()

    def archived_blog_guids(self) -> set[str]:
        """Blogs the site archived: readable here, gone from the site's listings."""
        rows = self._rows(f"SELECT guid FROM blogs WHERE {ARCHIVED_SQL} AND subtype = 'blog'", ())
        return {row[0] for row in rows}

    def archived_blog_count(self) -> int:
        sql = f"SELECT count(*) FROM blogs WHERE {ARCHIVED_SQL} AND subtype = 'blog'"
        return int(self._scalar(sql, ()))

    def blog_guids_in_group(self, group_guid: str) -> set[str]:
        rows = self._rows("SELECT guid FROM blogs WHERE group_guid = ?", (group_guid,))
        return {row[0] for row in rows}

    def blog(self, guid: str) -> Blog | None:
        """The blog with its cached thread (None as `comments` if never fetched)."""
        with translated_errors(self._path):
            row = self._conn.execute(_BLOG_SQL, (guid,)).fetchone()
            if row is None:
                return None
            item = with_place(self._conn, _blog_from_row(row, self._conn))
            return with_own_votes(self._conn, item)

    def last_action(self, guid: str) -> datetime | None:
        """When the blog last changed or was last commented on, as far as the cache knows."""
        return time_from_db(self._scalar("SELECT last_action FROM blogs WHERE guid = ?", (guid,)))

    def apply_vote(self, guid: str, score: int) -> None:
        """Show a vote on a blog or comment before the site confirms it.

        Pleio does not say which way the viewer voted: a vote on an item not yet
        voted on adds `score`, a vote on a voted item is the opposite one, which
        takes the earlier vote back. The next sync brings the site's own numbers.
        """
        with self._write() as conn:
            for table in ("blogs", "comments"):
                conn.execute(
                    f"UPDATE {table} SET votes = votes + ?, has_voted = NOT has_voted"
                    " WHERE guid = ?",
                    (score, guid),
                )

    def set_bookmarked(self, guid: str, bookmarked: bool) -> None:
        with self._write() as conn:
            conn.execute("UPDATE blogs SET is_bookmarked = ? WHERE guid = ?", (bookmarked, guid))
