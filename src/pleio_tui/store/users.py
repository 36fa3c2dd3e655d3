"""Authors of blogs and comments, kept once each and joined where they are shown."""

from __future__ import annotations

import sqlite3

from pleio_tui.models import User


def save_user(conn: sqlite3.Connection, user: User | None) -> str | None:
    """Upsert an author and return its guid. Fields the site left out keep their cached value."""
    if user is None:
        return None
    conn.execute(
        """INSERT INTO users (guid, name, username, icon, url)
           VALUES (:guid, :name, :username, :icon, :url)
           ON CONFLICT (guid) DO UPDATE SET
               name = excluded.name,
               username = coalesce(excluded.username, users.username),
               icon = coalesce(excluded.icon, users.icon),
               url = coalesce(excluded.url, users.url)""",
        {
            "guid": user.guid,
            "name": user.name,
            "username": user.username,
            "icon": user.icon,
            "url": user.url,
        },
    )
    return user.guid


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
