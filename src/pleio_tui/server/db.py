"""The site's SQLite file: connection settings and the schema, migrated in order."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from pleio_tui.server.notification_tables import MIGRATION as NOTIFICATIONS_MIGRATION

DB_FILE_NAME = "site.sqlite3"
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")

# Each entry moves the schema one version up; never edit one that has shipped.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sessions (
        key_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
    );
    CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        rich_description TEXT,
        description TEXT NOT NULL DEFAULT '',
        introduction TEXT NOT NULL DEFAULT '',
        is_closed INTEGER NOT NULL DEFAULT 0,
        is_membership_on_request INTEGER NOT NULL DEFAULT 0,
        is_featured INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
    );
    CREATE TABLE memberships (
        group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (group_id, user_id)
    );
    CREATE INDEX memberships_by_user ON memberships(user_id);
    CREATE TABLE blogs (
        id TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL REFERENCES users(id),
        group_id TEXT REFERENCES groups(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        abstract TEXT,
        rich_description TEXT,
        description TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        access_id INTEGER NOT NULL,
        write_access_id INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        published_at TEXT,
        last_action TEXT NOT NULL,
        views INTEGER NOT NULL DEFAULT 0,
        is_pinned INTEGER NOT NULL DEFAULT 0,
        is_featured INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX blogs_by_group ON blogs(group_id, published_at);
    CREATE INDEX blogs_by_last_action ON blogs(last_action);
    CREATE TABLE comments (
        id TEXT PRIMARY KEY,
        blog_id TEXT NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
        parent_id TEXT REFERENCES comments(id) ON DELETE CASCADE,
        owner_id TEXT REFERENCES users(id),
        rich_description TEXT,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX comments_by_blog ON comments(blog_id, parent_id);
    CREATE INDEX comments_by_parent ON comments(parent_id);
    CREATE TABLE votes (
        entity_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        score INTEGER NOT NULL,
        PRIMARY KEY (entity_id, user_id)
    );
    CREATE TABLE bookmarks (
        entity_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (entity_id, user_id)
    );
    CREATE INDEX bookmarks_by_user ON bookmarks(user_id, created_at);
    CREATE TABLE follows (
        entity_id TEXT NOT NULL,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (entity_id, user_id)
    );
    """,
    # Archived content leaves listings but stays readable, as on Pleio.
    "ALTER TABLE blogs ADD COLUMN is_archived INTEGER NOT NULL DEFAULT 0;",
    # Notifications and who gets them for group activity (server/notifications.py).
    NOTIFICATIONS_MIGRATION,
    # Listings page by key (listing_keys.py): an index for each order a client walks.
    """
    CREATE INDEX blogs_by_published ON blogs(published_at);
    CREATE INDEX blogs_by_updated ON blogs(updated_at);
    CREATE INDEX blogs_by_created ON blogs(created_at);
    CREATE INDEX blogs_by_group_updated ON blogs(group_id, updated_at);
    CREATE INDEX blogs_by_group_last_action ON blogs(group_id, last_action);
    """,
    # Every kind of content shares the blogs table (comments, votes, access and
    # archiving are the same for all): its subtype, and what only that kind has.
    """
    ALTER TABLE blogs ADD COLUMN subtype TEXT NOT NULL DEFAULT 'blog';
    ALTER TABLE blogs ADD COLUMN extra TEXT NOT NULL DEFAULT '{}';
    CREATE INDEX blogs_by_subtype ON blogs(subtype, published_at);
    CREATE TABLE attendees (
        event_id TEXT NOT NULL REFERENCES blogs(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (event_id, user_id)
    );
    CREATE TABLE file_contents (
        file_id TEXT PRIMARY KEY REFERENCES blogs(id) ON DELETE CASCADE,
        content BLOB NOT NULL
    );
    """,
)


def connect(data_dir: Path) -> sqlite3.Connection:
    """Open (and create or migrate) the site's database in `data_dir`."""
    _make_private(data_dir)
    # The server thread and the thread that started it both touch the file;
    # every statement runs on one of them at a time.
    conn = sqlite3.connect(data_dir / DB_FILE_NAME, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    migrate(conn)
    return conn


def _make_private(data_dir: Path) -> None:
    """The folder 0700 and the files 0600: they hold password hashes, sessions and
    closed groups' content.

    A folder given with --data that holds no site yet keeps its own mode (it may
    be one the user shares); the files in it are private all the same. SQLite
    gives its -wal and -shm files the mode of the database file."""
    path = data_dir / DB_FILE_NAME
    created = not data_dir.exists()
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if created or path.exists():
        data_dir.chmod(0o700)
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
    for file in (path, *(path.with_name(path.name + s) for s in SIDE_FILE_SUFFIXES)):
        if file.exists():
            file.chmod(0o600)


def migrate(conn: sqlite3.Connection) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        with conn:
            conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")


def get_setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["value"])


def put_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
