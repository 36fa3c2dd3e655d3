"""The outbox's steps in the cache's schema (see migrations.py, which runs them
in order): each tuple is one step, kept as it was first released."""

from __future__ import annotations

from pleio_tui.store.outbox_authors import CACHED_VIEWER_GUID

# The outbox sends exactly once: a reply names its blog (Pleio finds comments only
# through their blog's thread); an item remembers the site's clock when it first
# went out and when a send ended without an answer; own_votes keeps which way the
# user's vote went (Pleio says only whether there is one). Items an older version
# left SENDING stay SENDING: they are looked up before anything is sent again.
# The table is rebuilt rather than altered so that the step can run again on a
# file that has it (ADD COLUMN cannot), keeping ids and the id sequence.
OUTBOX_COLUMNS = (
    "id, kind, target_guid, title, body, score, state, attempts, error_code,"
    " error_message, remote_guid, created_at, updated_at, draft_key"
)
OUTBOX_EXACTLY_ONCE = (
    """CREATE TABLE outbox_exactly_once (
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
        draft_key TEXT,
        thread_guid TEXT,
        first_sent_at INTEGER,
        unconfirmed_at INTEGER
    )""",
    f"INSERT INTO outbox_exactly_once ({OUTBOX_COLUMNS}) SELECT {OUTBOX_COLUMNS} FROM outbox",
    # A discarded item's id never comes back: carry the sequence over.
    """INSERT INTO outbox_exactly_once (id, kind, target_guid, title, body, score, state,
                                        created_at, updated_at)
        SELECT seq, '', '', '', '', 0, 'placeholder', 0, 0 FROM sqlite_sequence
         WHERE name = 'outbox' AND seq > (SELECT coalesce(max(id), 0) FROM outbox)""",
    "DELETE FROM outbox_exactly_once WHERE state = 'placeholder'",
    "DROP TABLE outbox",
    "ALTER TABLE outbox_exactly_once RENAME TO outbox",
    "CREATE INDEX outbox_by_state ON outbox (state, id)",
    """CREATE TABLE IF NOT EXISTS own_votes (
        guid TEXT PRIMARY KEY, score INTEGER NOT NULL
    ) WITHOUT ROWID""",
)

# An edit of a blog can change its tags: the list it is to have, as JSON (NULL
# leaves the tags as they are).
OUTBOX_TAGS = ("ALTER TABLE outbox ADD COLUMN tags TEXT",)

# Each item remembers the account that wrote it (store/outbox_authors.py): only a
# session of that account sends it. Items already queued are the viewer's the
# cache holds; with none, they stay unassigned until the cache learns one. The
# viewer goes into users too, so that whose items wait can be named later.
OUTBOX_AUTHOR = (
    "ALTER TABLE outbox ADD COLUMN author_guid TEXT",
    f"UPDATE outbox SET author_guid = {CACHED_VIEWER_GUID} WHERE author_guid IS NULL",
    """INSERT OR IGNORE INTO users (guid, name, username, icon, url)
        SELECT json_extract(value, '$.user.guid'), json_extract(value, '$.user.name'),
               json_extract(value, '$.user.username'), json_extract(value, '$.user.icon'),
               json_extract(value, '$.user.url')
          FROM site_info
         WHERE key = 'viewer' AND json_extract(value, '$.user.guid') IS NOT NULL
           AND json_extract(value, '$.user.name') IS NOT NULL""",
)
