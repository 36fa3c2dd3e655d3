"""The cache schema as a forward-only list of steps, numbered by PRAGMA user_version.

Never edit a step that has shipped: append a new one. Each step runs in its own
transaction together with the version bump, so a crash leaves the file at a
whole version.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from pleio_tui.store.connection import compact, write_transaction
from pleio_tui.store.errors import NewerSchemaError
from pleio_tui.store.outbox_schema import OUTBOX_AUTHOR, OUTBOX_EXACTLY_ONCE, OUTBOX_TAGS

# Times are INTEGER microseconds since the epoch (UTC): they sort, compare and
# index as numbers. Booleans are 0/1. Tuples of strings are JSON arrays.
_V1 = (
    "CREATE TABLE site_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE watermarks (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE users (
        guid TEXT PRIMARY KEY, name TEXT NOT NULL, username TEXT, icon TEXT, url TEXT
    )""",
    """CREATE TABLE groups (
        guid TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        description TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        url TEXT NOT NULL,
        icon TEXT,
        is_closed INTEGER NOT NULL,
        is_membership_on_request INTEGER NOT NULL,
        is_featured INTEGER NOT NULL,
        membership TEXT NOT NULL,
        member_role TEXT,
        member_count INTEGER NOT NULL,
        default_access_id INTEGER,
        can_edit INTEGER NOT NULL,
        plugins TEXT NOT NULL,
        tags TEXT NOT NULL
    )""",
    "CREATE INDEX groups_listing ON groups ((membership <> 'joined'), name_key, guid)",
    # Per-group counters kept by triggers, so the group list never counts blogs.
    """CREATE TABLE group_stats (
        group_guid TEXT PRIMARY KEY,
        blog_count INTEGER NOT NULL DEFAULT 0,
        unread_count INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID""",
    """CREATE TABLE blogs (
        guid TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        url TEXT NOT NULL,
        abstract TEXT,
        rich_description TEXT,
        description TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        tags TEXT NOT NULL,
        time_created INTEGER,
        time_updated INTEGER,
        time_published INTEGER,
        status_published TEXT NOT NULL,
        group_guid TEXT,
        group_name TEXT,
        owner_guid TEXT,
        can_edit INTEGER NOT NULL,
        can_comment INTEGER NOT NULL,
        can_vote INTEGER NOT NULL,
        can_bookmark INTEGER NOT NULL,
        votes INTEGER NOT NULL,
        has_voted INTEGER NOT NULL,
        is_bookmarked INTEGER NOT NULL,
        is_following INTEGER NOT NULL,
        views INTEGER NOT NULL,
        is_pinned INTEGER NOT NULL,
        access_id INTEGER,
        write_access_id INTEGER,
        comment_count INTEGER NOT NULL,
        comments_fetched INTEGER NOT NULL DEFAULT 0,
        last_action INTEGER,
        is_read INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX blogs_feed ON blogs (time_published DESC, guid DESC)",
    "CREATE INDEX blogs_group_feed ON blogs (group_guid, time_published DESC, guid DESC)",
    "CREATE INDEX blogs_unread ON blogs (is_read)",
    """CREATE TRIGGER blogs_counted_in AFTER INSERT ON blogs
       WHEN NEW.group_guid IS NOT NULL BEGIN
        INSERT OR IGNORE INTO group_stats (group_guid) VALUES (NEW.group_guid);
        UPDATE group_stats
           SET blog_count = blog_count + 1, unread_count = unread_count + (NEW.is_read = 0)
         WHERE group_guid = NEW.group_guid;
    END""",
    """CREATE TRIGGER blogs_counted_out AFTER DELETE ON blogs
       WHEN OLD.group_guid IS NOT NULL BEGIN
        UPDATE group_stats
           SET blog_count = blog_count - 1, unread_count = unread_count - (OLD.is_read = 0)
         WHERE group_guid = OLD.group_guid;
    END""",
    """CREATE TRIGGER blogs_recounted AFTER UPDATE OF group_guid, is_read ON blogs
       WHEN OLD.group_guid IS NOT NEW.group_guid OR OLD.is_read IS NOT NEW.is_read BEGIN
        UPDATE group_stats
           SET blog_count = blog_count - 1, unread_count = unread_count - (OLD.is_read = 0)
         WHERE group_guid = OLD.group_guid;
        INSERT OR IGNORE INTO group_stats (group_guid)
            SELECT NEW.group_guid WHERE NEW.group_guid IS NOT NULL;
        UPDATE group_stats
           SET blog_count = blog_count + 1, unread_count = unread_count + (NEW.is_read = 0)
         WHERE group_guid = NEW.group_guid;
    END""",
    """CREATE TABLE comments (
        guid TEXT PRIMARY KEY,
        blog_guid TEXT NOT NULL REFERENCES blogs (guid) ON DELETE CASCADE,
        parent_guid TEXT NOT NULL,
        position INTEGER NOT NULL,
        rich_description TEXT,
        description TEXT NOT NULL,
        time_created INTEGER NOT NULL,
        time_updated INTEGER,
        owner_guid TEXT,
        owner_name TEXT,
        can_edit INTEGER NOT NULL,
        can_comment INTEGER NOT NULL,
        can_vote INTEGER NOT NULL,
        votes INTEGER NOT NULL,
        has_voted INTEGER NOT NULL,
        comment_count INTEGER NOT NULL
    )""",
    "CREATE INDEX comments_thread ON comments (blog_guid, parent_guid, position)",
    # One full-text document per blog and per comment; search_docs maps the
    # document's rowid back to what it indexes and lets a blog's documents be
    # found without scanning the index.
    """CREATE TABLE search_docs (
        id INTEGER PRIMARY KEY,
        blog_guid TEXT NOT NULL,
        comment_guid TEXT
    )""",
    "CREATE INDEX search_docs_blog ON search_docs (blog_guid, comment_guid)",
    # Partial, so the planner never picks it for "comment_guid IS NULL" (the blog's
    # own document), which a plain UNIQUE index would wrongly promise to be one row.
    """CREATE UNIQUE INDEX search_docs_comment ON search_docs (comment_guid)
        WHERE comment_guid IS NOT NULL""",
    # Prefix indexes for one to three characters: search runs as the user types, and
    # without them one letter merges the postings of every word starting with it
    # (seconds on a cache of 100,000 blogs).
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        title, body, prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TABLE drafts (
        key TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    )""",
    """CREATE TABLE outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        target_guid TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        score INTEGER NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        remote_guid TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        draft_key TEXT
    )""",
    "CREATE INDEX outbox_by_state ON outbox (state, id)",
)

# Prefix indexes up to five characters. Typing a common word letter by letter
# reached four and five letters with hundreds of words behind them ("werk",
# "bron"), and each keystroke merged all their postings: 100 to 180 ms on a
# cache of 100,000 blogs. The index is built again from its own stored text,
# set aside first so that the new index reuses the pages of the old one.
_V2 = (
    "CREATE TEMP TABLE search_text AS SELECT rowid AS id, title, body FROM search_index",
    "DROP TABLE search_index",
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        title, body, prefix = '1 2 3 4 5', tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO search_index (rowid, title, body) SELECT id, title, body FROM temp.search_text",
    "DROP TABLE temp.search_text",
)

# The outbox's steps live in outbox_schema.py.

# Archived blogs stay in the cache, readable, but Pleio lists them no more: the
# sync counts and lists them apart, and there are few of them.
_ARCHIVED = (
    "CREATE INDEX IF NOT EXISTS blogs_archived ON blogs (guid) WHERE status_published = 'archived'",
)

# The guids a daily reconcile has seen listed so far: it resumes where it stopped,
# and compares with the cache in SQL rather than in memory.
_LISTED = ("CREATE TABLE IF NOT EXISTS listed_guids (guid TEXT PRIMARY KEY) WITHOUT ROWID",)

# The user's notifications, newest first as the site listed them; and unread
# that is true: a blog read remembers when (read_marks: this machine's clock, or
# the newest comment it had if the site's clock is ahead), a comment by someone
# else newer than that makes it unread again, and the user's own blogs are read
# from the start. A thread that arrives after the read (opened before it was
# fetched) holds nothing newer than the read. The viewer is the one the last
# sync saved (site_info). Every statement can run again.
_VIEWER_GUID = "json_extract((SELECT value FROM site_info WHERE key = 'viewer'), '$.user.guid')"
_NOW = "CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)"
_READ_AT = (
    f"max({_NOW}, coalesce((SELECT max(time_created) FROM comments WHERE blog_guid = {{}}), 0))"
)
_NOTIFICATIONS_AND_READ_MARKS = (
    """CREATE TABLE IF NOT EXISTS notifications (
        id INTEGER PRIMARY KEY,
        position INTEGER NOT NULL,
        action TEXT NOT NULL,
        time_created INTEGER NOT NULL,
        is_unread INTEGER NOT NULL,
        performer_guid TEXT,
        performer_name TEXT,
        entity_guid TEXT,
        entity_type TEXT,
        item_guid TEXT,
        title TEXT NOT NULL,
        excerpt TEXT NOT NULL,
        container_guid TEXT,
        container_name TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS read_marks (
        guid TEXT PRIMARY KEY, read_at INTEGER NOT NULL
    ) WITHOUT ROWID""",
    f"""INSERT OR IGNORE INTO read_marks (guid, read_at)
        SELECT guid, {_READ_AT.format("blogs.guid")} FROM blogs WHERE is_read = 1""",
    f"""CREATE TRIGGER IF NOT EXISTS blogs_read_marked AFTER UPDATE OF is_read ON blogs
       WHEN NEW.is_read = 1 AND OLD.is_read = 0 BEGIN
        INSERT OR REPLACE INTO read_marks (guid, read_at)
            VALUES (NEW.guid, {_READ_AT.format("NEW.guid")});
    END""",
    # SQLite fires the triggers of one event newest first: blogs_counted_in is made
    # again after own_blogs_read, so that it counts the new blog before that one
    # marks it read (and blogs_recounted moves the count, blogs_read_marked notes when).
    "DROP TRIGGER IF EXISTS blogs_counted_in",
    f"""CREATE TRIGGER IF NOT EXISTS own_blogs_read AFTER INSERT ON blogs
       WHEN NEW.is_read = 0 AND NEW.owner_guid = {_VIEWER_GUID} BEGIN
        UPDATE blogs SET is_read = 1 WHERE guid = NEW.guid;
    END""",
    next(s for s in _V1 if "TRIGGER blogs_counted_in" in s),
    f"""CREATE TRIGGER IF NOT EXISTS new_comments_unread AFTER INSERT ON comments
       WHEN NEW.owner_guid IS NOT {_VIEWER_GUID}
        AND NEW.time_created > (SELECT read_at FROM read_marks WHERE guid = NEW.blog_guid)
       BEGIN
        UPDATE blogs SET is_read = 0 WHERE guid = NEW.blog_guid AND is_read = 1;
    END""",
    f"UPDATE blogs SET is_read = 1 WHERE is_read = 0 AND owner_guid = {_VIEWER_GUID}",
)

# A cache about the size of what it holds: a body is kept once, as the rich text
# the site sent (the plain description only where the rich text does not give it
# back), and the word index keeps no copy of the text: its content is a view that
# derives it from the rows (store/search_text.py). Tags are indexed. Document ids
# are never reused. A vocabulary of the indexed words with a trigram index over it
# finds a word inside Dutch compounds. The functions named here are registered by
# every connection (store/search_index.py).
_SEARCH_WITHOUT_COPY = (
    "DROP TABLE search_index",
    """UPDATE blogs SET description = pleio_stored_description(rich_description, description)
        WHERE rich_description IS NOT NULL""",
    """UPDATE comments SET description = pleio_stored_description(rich_description, description)
        WHERE rich_description IS NOT NULL""",
    """CREATE TABLE search_docs_kept (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        blog_guid TEXT NOT NULL,
        comment_guid TEXT
    )""",
    "INSERT INTO search_docs_kept (id, blog_guid, comment_guid)"
    " SELECT id, blog_guid, comment_guid FROM search_docs",
    "DROP TABLE search_docs",
    "ALTER TABLE search_docs_kept RENAME TO search_docs",
    "CREATE INDEX search_docs_blog ON search_docs (blog_guid, comment_guid)",
    """CREATE UNIQUE INDEX search_docs_comment ON search_docs (comment_guid)
        WHERE comment_guid IS NOT NULL""",
    """CREATE VIEW search_content (id, title, tags, body) AS
        SELECT d.id, b.title, b.tags,
               pleio_search_body(b.abstract, b.rich_description, b.description)
          FROM search_docs AS d JOIN blogs AS b ON b.guid = d.blog_guid
         WHERE d.comment_guid IS NULL
        UNION ALL
        SELECT d.id, '', '', pleio_search_body(NULL, c.rich_description, c.description)
          FROM search_docs AS d JOIN comments AS c ON c.guid = d.comment_guid""",
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        title, tags, body, content = 'search_content', content_rowid = 'id',
        prefix = '1 2 3 4 5', tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO search_index (search_index) VALUES ('rebuild')",
    # One segment: a rebuilt index left in many answers a common prefix twice as slowly.
    "INSERT INTO search_index (search_index) VALUES ('optimize')",
    "CREATE TABLE search_vocab (term TEXT PRIMARY KEY)",
    # Rows are added to the trigram index by search_index.py, not by a trigger:
    # a trigger's insert into FTS5 costs ten times a plain one.
    """CREATE VIRTUAL TABLE search_vocab_trigram USING fts5 (
        term, content = 'search_vocab', tokenize = 'trigram', detail = 'none',
        columnsize = 0
    )""",
    "CREATE VIRTUAL TABLE temp.search_index_words USING fts5vocab(main, search_index, row)",
    """INSERT OR IGNORE INTO search_vocab (term)
        SELECT term FROM temp.search_index_words WHERE length(term) BETWEEN 4 AND 64""",
    "DROP TABLE temp.search_index_words",
    "INSERT INTO search_vocab_trigram (search_vocab_trigram) VALUES ('rebuild')",
)

# Every kind of content (discussions, questions, events, ...) lives in `blogs`
# beside the blogs, so feeds by key, search, threads, votes and unread counts
# serve all of them: its subtype, and what only its kind has (JSON, store/content.py).
_CONTENT_KINDS = (
    "ALTER TABLE blogs ADD COLUMN subtype TEXT NOT NULL DEFAULT 'blog'",
    "ALTER TABLE blogs ADD COLUMN details TEXT",
    "CREATE INDEX IF NOT EXISTS blogs_kind_feed ON blogs (subtype, time_published DESC, guid DESC)",
    "CREATE INDEX IF NOT EXISTS blogs_group_kind_feed ON blogs"
    " (group_guid, subtype, time_published DESC, guid DESC)",
)

# A cache no larger than the JSON the site sends for what it holds. Bodies are
# packed (store/packed_text.py): the rich text takes a third of the room; the
# index's content view unpacks them, so what it derives is what it indexed. The
# word index loses its prefix index of one letter: each prefix index is about as
# large as the postings themselves, and one letter matches nearly every document
# (a word of one letter is searched as itself: store/search.py).
_SMALLER_CACHE = (
    "DROP TABLE search_index",
    """UPDATE blogs SET rich_description = pleio_packed(rich_description)
        WHERE typeof(rich_description) = 'text'""",
    """UPDATE comments SET rich_description = pleio_packed(rich_description)
        WHERE typeof(rich_description) = 'text'""",
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        title, tags, body, content = 'search_content', content_rowid = 'id',
        prefix = '2 3 4 5', tokenize = 'unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO search_index (search_index) VALUES ('rebuild')",
    "INSERT INTO search_index (search_index) VALUES ('optimize')",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    _V1,
    _V2,
    OUTBOX_EXACTLY_ONCE,
    _ARCHIVED,
    _LISTED,
    OUTBOX_TAGS,
    _NOTIFICATIONS_AND_READ_MARKS,
    _SEARCH_WITHOUT_COPY,
    _CONTENT_KINDS,
    _SMALLER_CACHE,
    OUTBOX_AUTHOR,
)
SCHEMA_VERSION = len(MIGRATIONS)
_COMPACTED_AT = MIGRATIONS.index(_SMALLER_CACHE) + 1


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)


def _adds_a_column_there(conn: sqlite3.Connection, statement: str) -> bool:
    """Whether `statement` adds a column the table has: SQLite has no ADD COLUMN IF
    NOT EXISTS, and a step may meet a file that went part of the way before."""
    match = _ADD_COLUMN.match(statement.strip())
    if match is None:
        return False
    table, column = match.groups()
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def migrate(
    conn: sqlite3.Connection, path: Path, on_upgrade: Callable[[], None] | None = None
) -> int:
    """Bring the file to SCHEMA_VERSION; return the version it was at. `on_upgrade`
    is called before a cache of an older version is changed (a new file is not)."""
    found = schema_version(conn)
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"the offline cache {path} was written by a newer pleio-tui "
            f"(schema {found}, this one knows {SCHEMA_VERSION}); upgrade pleio-tui"
        )
    if 0 < found < SCHEMA_VERSION and on_upgrade is not None:
        on_upgrade()
    for number in range(found + 1, SCHEMA_VERSION + 1):
        with write_transaction(conn, path):
            # Another process may have migrated while this one waited for the lock.
            if schema_version(conn) >= number:
                continue
            for statement in MIGRATIONS[number - 1]:
                if not _adds_a_column_there(conn, statement):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
    if 0 < found < _COMPACTED_AT:
        compact(conn)  # what the search copy, unpacked bodies and old indexes held is free now
    return found
