"""Authors of blogs and comments, kept once each and joined where they are shown."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from pleio_tui.models import User

_UPSERT_USER = """
INSERT INTO users (guid, name, username, icon, url)
VALUES (:guid, :name, :username, :icon, :url)
ON CONFLICT (guid) DO UPDATE SET
    name = excluded.name,
    username = coalesce(excluded.username, users.username),
    icon = coalesce(excluded.icon, users.icon),
    url = coalesce(excluded.url, users.url)
WHERE users.name IS NOT excluded.name
   OR users.username IS NOT coalesce(excluded.username, users.username)
   OR users.icon IS NOT coalesce(excluded.icon, users.icon)
   OR users.url IS NOT coalesce(excluded.url, users.url)
"""
"""An author the cache holds as the site sends it is not written again: every page
and every thread names its authors, and a row rewritten unchanged still puts its
page in the transaction."""


def save_user(conn: sqlite3.Connection, user: User | None) -> str | None:
    """Upsert an author and return its guid. Fields the site left out keep their cached value."""
    if user is None:
        return None
    conn.execute(_UPSERT_USER, user._asdict())
    return user.guid


def save_users(conn: sqlite3.Connection, users: Iterable[User | None]) -> None:
    """`save_user` for each, in one statement: an author named many times is
    written once, as the upserts one after another would leave it."""
    merged: dict[str, User] = {}
    for user in users:
        if user is None:
            continue
        before = merged.get(user.guid)
        if before is not None:
            user = User(
                guid=user.guid,
                name=user.name,
                username=before.username if user.username is None else user.username,
                icon=before.icon if user.icon is None else user.icon,
                url=before.url if user.url is None else user.url,
            )
        merged[user.guid] = user
    conn.executemany(_UPSERT_USER, [user._asdict() for user in merged.values()])


def user_from_row(row: sqlite3.Row, prefix: str = "author_") -> User | None:
    """A User from columns named <prefix>guid, <prefix>name, ... of a joined row."""
    guid = row[f"{prefix}guid"]
    name = row[f"{prefix}name"]
    if guid is None or name is None:
        return None
    return User(
        guid=guid,
        name=name,
        username=row[f"{prefix}username"],
        icon=row[f"{prefix}icon"],
        url=row[f"{prefix}url"],
    )


def owner_columns(users_alias: str, prefix: str = "author_") -> str:
    """The select list user_from_row reads, for a join on users AS <users_alias>."""
    columns = ("guid", "name", "username", "icon", "url")
    return ", ".join(f"{users_alias}.{column} AS {prefix}{column}" for column in columns)
