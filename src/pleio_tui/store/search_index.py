"""Keeping the full-text index in step with the cached blogs and comments.

Each blog and each comment is one document of the FTS5 table `search_index`;
`search_docs` (same id) says which blog or comment it is, with a B-tree index,
so replacing a blog's documents never scans the full-text table.

The index keeps no copy of the text: its content is the view `search_content`,
which derives title, tags and body from the stored rows (`search_body`, a
function every connection registers). So a document must leave the index while
its row still holds what was indexed: drop first, then change the row. A change
to columns the view does not read (a comment's place or votes, a blog's comment
count) leaves the document as it is. Document ids are never reused, so should a
row ever change under the index, its stale words can point at no other document.

`search_vocab` keeps every word of four letters or more that was ever indexed,
with a trigram index over it: a query word is found inside longer words
("participatie" in "overheidsparticipatie") by looking those words up there.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from pleio_tui.models import Blog, Comment
from pleio_tui.store.packed_text import pack, unpack
from pleio_tui.store.search_text import (
    search_body,
    stored_description,
    words_of,
)
from pleio_tui.store.values import strings_to_db

BODY_FUNCTION = "pleio_search_body"
STORED_DESCRIPTION_FUNCTION = "pleio_stored_description"
PACKED_FUNCTION = "pleio_packed"
_KNOWN_WORDS_AT_MOST = 300_000
"""Words a connection remembers having put in the vocabulary, so that a sync does
not ask SQLite about the same common words for every document."""


def register_search_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions the index's content view and the migrations call."""
    conn.create_function(BODY_FUNCTION, 3, _body_or_empty, deterministic=True)
    conn.create_function(STORED_DESCRIPTION_FUNCTION, 2, _stored_description, deterministic=True)
    conn.create_function(PACKED_FUNCTION, 1, _packed, deterministic=True)


def _body_or_empty(abstract: object, rich: object, description: object) -> str:
    return search_body(
        abstract if isinstance(abstract, str) else None,
        unpack(rich),
        description if isinstance(description, str) else "",
    )


def _stored_description(rich: object, description: object) -> object:
    if not isinstance(description, str):
        return description
    return stored_description(unpack(rich), description)


def _packed(text: object) -> object:
    return pack(text) if isinstance(text, str) else text


_INSERT_DOCUMENT = "INSERT INTO search_index (rowid, title, tags, body) VALUES (?, ?, ?, ?)"


def _add_document(
    conn: sqlite3.Connection,
    blog_guid: str,
    comment_guid: str | None,
    columns: tuple[str, str, str],
) -> None:
    cursor = conn.execute(
        "INSERT INTO search_docs (blog_guid, comment_guid) VALUES (?, ?)",
        (blog_guid, comment_guid),
    )
    doc_id = int(cursor.lastrowid or 0)
    pending: dict[int, tuple[str, str, str]] | None = getattr(conn, "pending_documents", None)
    if pending is None:
        conn.execute(_INSERT_DOCUMENT, (doc_id, *columns))
        add_words(conn, " ".join(columns))
    else:
        pending[doc_id] = columns


Document = tuple[str, str | None, tuple[str, str, str]]
"""A blog's guid, the comment's (None for the blog's own text), and its columns."""


def add_documents(conn: sqlite3.Connection, documents: list[Document]) -> None:
    """Index many documents whose rows are saved, with one statement for their ids
    (each comment's old document dropped first, see `unindex_page`)."""
    if not documents:
        return
    pairs = json.dumps([(blog_guid, comment_guid) for blog_guid, comment_guid, _ in documents])
    rows = conn.execute(
        "INSERT INTO search_docs (blog_guid, comment_guid)"
        " SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')"
        " FROM json_each(?) ORDER BY key RETURNING id, blog_guid, comment_guid",
        (pairs,),
    ).fetchall()
    # RETURNING gives the rows in no promised order: matched by what they are.
    ids = {(blog_guid, comment_guid): doc_id for doc_id, blog_guid, comment_guid in rows}
    pending: dict[int, tuple[str, str, str]] | None = getattr(conn, "pending_documents", None)
    if pending is None:
        conn.executemany(
            _INSERT_DOCUMENT,
            [(ids[blog, comment], *columns) for blog, comment, columns in documents],
        )
        add_words(conn, " ".join(" ".join(columns) for _, _, columns in documents))
        return
    for blog_guid, comment_guid, columns in documents:
        pending[ids[blog_guid, comment_guid]] = columns


def add_words(conn: sqlite3.Connection, text: str) -> None:
    """Put the words of `text` the vocabulary lacks into it."""
    known: set[str] | None = getattr(conn, "known_words", None)
    fresh = words_of(text)
    if known is not None:
        fresh -= known
        if len(known) > _KNOWN_WORDS_AT_MOST:
            known.clear()
        known |= fresh
    _store_words(conn, fresh)


_BATCH_CACHE_KIB = 8000
"""SQLite's page cache while a batch is written (the default is 2 MB). A page of
blogs inserts along indexes of random guids (blogs, comments, search_docs): on a
cache of 100,000 blogs most of those pages were read again (pread was 7% of a
first sync's samples), and dirty ones spilled to the WAL before the commit.
Client CPU of a first sync of 100,000 blogs, with and without it: 99.5 s against
104.9 s in one run, 104.9 s against 109.0 s in another; peak memory the same
(71 MB). Small beside the noise of a shared machine, but it costs nothing: the
cache shrinks back when the batch ends, so a reader's connection keeps the default."""


@contextmanager
def index_batch(conn: sqlite3.Connection) -> Iterator[None]:
    """Index the documents added inside at its end, all at once.

    FTS5 writes what it holds in memory to the file before any other statement
    that may need undoing, such as an upsert with triggers: indexing each
    document between the writes of the rows made a segment of every one and
    merging them cost more than the rest of a sync.
    """
    if not hasattr(conn, "pending_documents") or conn.pending_documents is not None:
        yield  # not a cache connection, or already in a batch
        return
    pending: dict[int, tuple[str, str, str]] = {}
    setattr(conn, "pending_documents", pending)  # noqa: B010
    (cache_size,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = -{_BATCH_CACHE_KIB}")
    try:
        try:
            yield
        finally:
            setattr(conn, "pending_documents", None)  # noqa: B010
        if pending:
            conn.executemany(
                _INSERT_DOCUMENT, [(doc_id, *columns) for doc_id, columns in pending.items()]
            )
            add_words(conn, " ".join(" ".join(columns) for columns in pending.values()))
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache_size)}")


def _store_words(conn: sqlite3.Connection, words: set[str]) -> None:
    if not words:
        return
    (before,) = conn.execute("SELECT coalesce(max(rowid), 0) FROM search_vocab").fetchone()
    added = conn.execute(
        "INSERT OR IGNORE INTO search_vocab (term) SELECT value FROM json_each(?)",
        (json.dumps(list(words)),),
    ).rowcount
    if added <= 0:
        return  # every word known already
    # Rowids only grow (no word is ever removed): the new rows are those above.
    conn.execute(
        "INSERT INTO search_vocab_trigram (rowid, term)"
        " SELECT rowid, term FROM search_vocab WHERE rowid > ?",
        (before,),
    )


def _drop_documents(conn: sqlite3.Connection, where: str, params: tuple[object, ...]) -> None:
    ids = [(row[0],) for row in conn.execute(f"SELECT id FROM search_docs WHERE {where}", params)]
    if not ids:
        return
    pending: dict[int, tuple[str, str, str]] | None = getattr(conn, "pending_documents", None)
    if pending:
        indexed = [(doc_id,) for (doc_id,) in ids if pending.pop(doc_id, None) is None]
    else:
        indexed = ids
    # The view gives the words as they were indexed, while the rows still hold them.
    conn.executemany(
        "INSERT INTO search_index (search_index, rowid, title, tags, body)"
        " SELECT 'delete', id, title, tags, body FROM search_content WHERE id = ?",
        indexed,
    )
    conn.executemany("DELETE FROM search_docs WHERE id = ?", ids)


def blog_columns(blog: Blog) -> tuple[str, str, str]:
    """Title, tags and body as the content view derives them from the saved row."""
    description = stored_description(blog.rich_description, blog.description)
    return (
        blog.title,
        strings_to_db(blog.tags),
        search_body(blog.abstract, blog.rich_description, description),
    )


def unindex_comment(conn: sqlite3.Connection, comment_guid: str) -> None:
    """Take a comment's document out; call before its row changes or goes."""
    _drop_documents(conn, "comment_guid = ?", (comment_guid,))


def index_comment(conn: sqlite3.Connection, blog_guid: str, comment: Comment) -> None:
    """Index a comment whose row is saved (drop its old document before saving it).
    Comments carry no title: a title hit should rank the post, not each comment."""
    _add_document(conn, blog_guid, comment.guid, comment_columns(comment))


def comment_columns(comment: Comment) -> tuple[str, str, str]:
    """A comment's document: no title, no tags, its body."""
    description = stored_description(comment.rich_description, comment.description)
    return ("", "", search_body(None, comment.rich_description, description))


def unindex_page(conn: sqlite3.Connection, blog_guids: list[str], comment_guids: list[str]) -> None:
    """Before a page of blogs is saved: take out the documents of the blogs and of
    the comments about to change or go, a statement each (none for an empty list)."""
    in_list = "IN (SELECT value FROM json_each(?))"
    if blog_guids:
        where = f"blog_guid {in_list} AND comment_guid IS NULL"
        _drop_documents(conn, where, (json.dumps(blog_guids),))
    if comment_guids:
        _drop_documents(conn, f"comment_guid {in_list}", (json.dumps(comment_guids),))


def unindex_blogs(conn: sqlite3.Connection, blog_guids: Iterable[str]) -> None:
    for guid in blog_guids:
        _drop_documents(conn, "blog_guid = ?", (guid,))
