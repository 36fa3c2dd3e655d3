"""Keeping the full-text index in step with the cached blogs and comments.

Each blog and each comment is one document of the FTS5 table `search_index`;
`search_docs` (same rowid) says which blog or comment it is, with a B-tree
index, so replacing a blog's documents never scans the full-text table.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from pleio_tui.models import Blog, Comment
from pleio_tui.store.search_text import blog_search_body, comment_search_body


def _add_document(
    conn: sqlite3.Connection, blog_guid: str, comment_guid: str | None, title: str, body: str
) -> None:
    cursor = conn.execute(
        "INSERT INTO search_docs (blog_guid, comment_guid) VALUES (?, ?)",
        (blog_guid, comment_guid),
    )
    conn.execute(
        "INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)",
        (cursor.lastrowid, title, body),
    )


def _drop_documents(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> None:
    ids = [row[0] for row in conn.execute(f"SELECT id FROM search_docs WHERE {where}", params)]
    # One rowid at a time: FTS5 answers `rowid = ?` directly but scans for `rowid IN (...)`.
    conn.executemany("DELETE FROM search_index WHERE rowid = ?", [(doc_id,) for doc_id in ids])
    conn.executemany("DELETE FROM search_docs WHERE id = ?", [(doc_id,) for doc_id in ids])


def index_blog(conn: sqlite3.Connection, blog: Blog) -> None:
    """(Re)index the blog's own text; its comments are indexed with the thread."""
    _drop_documents(conn, "blog_guid = ? AND comment_guid IS NULL", (blog.guid,))
    _add_document(conn, blog.guid, None, blog.title, blog_search_body(blog))


def index_comment(conn: sqlite3.Connection, blog_guid: str, comment: Comment) -> None:
    # Comments carry no title: a title hit should rank the post, not each comment.
    _drop_documents(conn, "comment_guid = ?", (comment.guid,))
    _add_document(conn, blog_guid, comment.guid, "", comment_search_body(comment))


def unindex_comment(conn: sqlite3.Connection, comment_guid: str) -> None:
    _drop_documents(conn, "comment_guid = ?", (comment_guid,))


def unindex_comments(conn: sqlite3.Connection, blog_guid: str) -> None:
    _drop_documents(conn, "blog_guid = ? AND comment_guid IS NOT NULL", (blog_guid,))


def unindex_blogs(conn: sqlite3.Connection, blog_guids: Iterable[str]) -> None:
    for guid in blog_guids:
        _drop_documents(conn, "blog_guid = ?", (guid,))
