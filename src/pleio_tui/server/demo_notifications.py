"""The demo's notifications: groups that notify their members, recent comments
(a reply, a mention) from `[[notices]]` in demo.toml, and what an old hand has
already read."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from typing import Any

from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.server import notifications
from pleio_tui.server import repository as repo
from pleio_tui.server.context import FULL_MEMBER_ROLES
from pleio_tui.server.records import GroupRecord
from pleio_tui.server.text import plain_text
from pleio_tui.server.timestamps import to_iso

READ_AFTER = timedelta(days=14)
"""Seeded notifications older than this are read: the demo users are not new."""


def enable_groups(
    conn: sqlite3.Connection, content: list[dict[str, Any]], groups: dict[str, GroupRecord]
) -> None:
    """Groups with `auto_notification`, and their members hearing of new content."""
    for group in content:
        if not group.get("auto_notification"):
            continue
        guid = groups[group["key"]].guid
        notifications.set_auto_notification(conn, guid, True)
        rows = conn.execute("SELECT user_id, role FROM memberships WHERE group_id = ?", (guid,))
        for user_id, role in rows.fetchall():
            if role in FULL_MEMBER_ROLES:
                notifications.member_joined(conn, guid, user_id)


def seed_notices(
    conn: sqlite3.Connection,
    notices: list[dict[str, Any]],
    blog_guids: dict[str, str],
    users: dict[str, str],
    now: datetime,
) -> None:
    for notice in notices:
        blog_guid = blog_guids[notice["blog"]]
        parent = (
            _newest_comment_of(conn, blog_guid, users[notice["reply_to"]])
            if ("reply_to" in notice)
            else None
        )
        rich = _with_mention(conn, markdown_to_tiptap(notice["body"]), notice.get("mention"), users)
        when = to_iso(now - timedelta(hours=notice["hours_ago"]))
        guid = repo.insert_comment(
            conn,
            blog_id=blog_guid,
            parent_id=parent,
            owner_id=users[notice["owner"]],
            rich_description=rich,
            description=plain_text(rich),
            now=when,
        )
        notifications.comment_added(conn, guid, when)


def settle(conn: sqlite3.Connection, now: datetime) -> None:
    """Welcomes as old as the users; what is older than two weeks read."""
    conn.execute(
        "UPDATE notifications SET created_at = ?, unread = 0 WHERE verb = ?",
        (to_iso(now - timedelta(days=1800)), notifications.WELCOME),
    )
    conn.execute(
        "UPDATE notifications SET unread = 0 WHERE created_at < ?", (to_iso(now - READ_AFTER),)
    )


def _newest_comment_of(conn: sqlite3.Connection, blog_guid: str, owner_id: str) -> str | None:
    row = conn.execute(
        "SELECT id FROM comments WHERE blog_id = ? AND owner_id = ? AND parent_id IS NULL"
        " ORDER BY created_at DESC LIMIT 1",
        (blog_guid, owner_id),
    ).fetchone()
    return None if row is None else str(row[0])


def _with_mention(
    conn: sqlite3.Connection, rich: str, username: str | None, users: dict[str, str]
) -> str:
    """The document with a mention of `username` opening its first paragraph."""
    if username is None:
        return rich
    user = repo.get_user(conn, users[username])
    assert user is not None
    document = json.loads(rich)
    first = document["content"][0]
    mention = {"type": "mention", "attrs": {"id": user.guid, "label": user.name}}
    first["content"] = [mention, {"type": "text", "text": " "}, *first.get("content", [])]
    return json.dumps(document, ensure_ascii=False)
