"""Notifications as Pleio's backend2 makes them (django-notifications rows: a
recipient, an actor, a verb, the entity acted on, a time, unread or not).

Who gets one for what, as backend2 decides it:
- `welcome`: every new user, from themselves, about themselves.
- `commented`: a comment anywhere under an item (a reply too) notifies the
  item's followers but the commenter; the entity is the item, not the comment.
  Writing an item follows it, and so does commenting on it, so a reply to my
  comment reaches me as `commented` on the blog it sits under.
- `mentioned`: a saved text that mentions users notifies each of them once per
  item (an edit that adds a mention notifies the newly mentioned); the entity is
  the blog or comment that holds the mention.
- `created`: new published content in a group notifies its members who have
  notifications on for that group (on joining, the group's `autoNotification`
  decides), but the author.
Recipients must be able to read the item (backend2 checks this for `created`
and `commented`; for `mentioned` this site checks it too, so a mention in a
closed group never shows its text to an outsider). Deleting an item deletes
the notifications about it and about the comments under it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from pleio_tui.server import marks
from pleio_tui.server import repository as repo
from pleio_tui.server.access import can_read_blog
from pleio_tui.server.context import FULL_MEMBER_ROLES, load_viewer
from pleio_tui.server.records import BlogRecord

WELCOME = "welcome"
COMMENTED = "commented"
MENTIONED = "mentioned"
CREATED = "created"


def _send(
    conn: sqlite3.Connection,
    actor_id: str,
    verb: str,
    entity_id: str | None,
    recipients: Iterable[str],
    now: str,
) -> None:
    conn.executemany(
        "INSERT INTO notifications (recipient_id, actor_id, verb, entity_id, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        [(recipient, actor_id, verb, entity_id, now) for recipient in dict.fromkeys(recipients)],
    )


def _can_read(conn: sqlite3.Connection, user_id: str, blog: BlogRecord) -> bool:
    viewer = load_viewer(conn, repo.get_user(conn, user_id))
    return can_read_blog(viewer, blog, repo.get_group(conn, blog.group_id))


def _followers(conn: sqlite3.Connection, entity_id: str) -> list[str]:
    rows = conn.execute("SELECT user_id FROM follows WHERE entity_id = ?", (entity_id,))
    return [row[0] for row in rows]


def mentioned_user_ids(rich_description: str | None) -> set[str]:
    """The users a Tiptap document mentions (its `mention` nodes' ids)."""
    try:
        document = json.loads(rich_description or "")
    except ValueError:
        return set()
    return {str(node["attrs"]["id"]) for node in _nodes(document) if _is_mention(node)}


def _is_mention(node: dict[str, Any]) -> bool:
    attrs = node.get("attrs")
    return node.get("type") == "mention" and isinstance(attrs, dict) and bool(attrs.get("id"))


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for kid in node.get("content") or ():
            yield from _nodes(kid)


def welcome(conn: sqlite3.Connection, user_id: str, now: str) -> None:
    _send(conn, user_id, WELCOME, user_id, [user_id], now)


def blog_added(conn: sqlite3.Connection, blog_id: str, now: str) -> None:
    """A new blog: its author follows it; members with notifications on hear of it
    when it is published in a group; whoever it mentions hears of that."""
    blog = repo.get_blog(conn, blog_id)
    if blog is None:
        return
    marks.set_follow(conn, blog.guid, blog.owner_id, True)
    if blog.group_id is not None and blog.is_published:
        rows = conn.execute(
            "SELECT n.user_id, m.role FROM group_notification_members AS n"
            " JOIN memberships AS m ON m.group_id = n.group_id AND m.user_id = n.user_id"
            " WHERE n.group_id = ?",
            (blog.group_id,),
        )
        members = [row[0] for row in rows if row[1] in FULL_MEMBER_ROLES]
        readers = [m for m in members if m != blog.owner_id and _can_read(conn, m, blog)]
        _send(conn, blog.owner_id, CREATED, blog.guid, readers, now)
    text_saved(conn, blog.guid, now)


def comment_added(conn: sqlite3.Connection, comment_id: str, now: str) -> None:
    """A new comment or reply: its author follows the blog; the blog's other
    followers who may read it are told; whoever it mentions hears of that."""
    comment = repo.get_comment(conn, comment_id)
    if comment is None or comment.owner_id is None:
        return
    blog = repo.get_blog(conn, comment.blog_id)
    if blog is None:
        return
    marks.set_follow(conn, blog.guid, comment.owner_id, True)
    followers = [
        user
        for user in _followers(conn, blog.guid)
        if user != comment.owner_id and _can_read(conn, user, blog)
    ]
    _send(conn, comment.owner_id, COMMENTED, blog.guid, followers, now)
    text_saved(conn, comment.guid, now)


def text_saved(conn: sqlite3.Connection, entity_id: str, now: str) -> None:
    """Mentions in a blog or comment just saved: each mentioned user once per item."""
    comment = repo.get_comment(conn, entity_id)
    blog = repo.get_blog(conn, comment.blog_id if comment else entity_id)
    if blog is None:
        return
    source = comment if comment is not None else blog
    if source.owner_id is None:
        return
    told = {
        row[0]
        for row in conn.execute(
            "SELECT recipient_id FROM notifications WHERE verb = ? AND entity_id = ?",
            (MENTIONED, entity_id),
        )
    }
    mentioned = [
        user
        for user in sorted(mentioned_user_ids(source.rich_description) - told)
        if repo.get_user(conn, user) is not None and _can_read(conn, user, blog)
    ]
    _send(conn, source.owner_id, MENTIONED, entity_id, mentioned, now)


def forget_entity(conn: sqlite3.Connection, entity_id: str) -> None:
    """Before an item goes: the notifications about it and its comments go too."""
    rows = conn.execute(
        "SELECT id FROM comments WHERE blog_id = ? OR parent_id = ?", (entity_id, entity_id)
    )
    guids = [entity_id, *(row[0] for row in rows)]
    marks_sql = ", ".join("?" for _ in guids)
    conn.execute(f"DELETE FROM notifications WHERE entity_id IN ({marks_sql})", guids)


def set_auto_notification(conn: sqlite3.Connection, group_id: str, on: bool) -> None:
    if on:
        conn.execute(
            "INSERT OR IGNORE INTO group_auto_notification (group_id) VALUES (?)", (group_id,)
        )
    else:
        conn.execute("DELETE FROM group_auto_notification WHERE group_id = ?", (group_id,))


def member_joined(conn: sqlite3.Connection, group_id: str, user_id: str) -> None:
    """On joining, notifications for the group are on when the group says so."""
    auto = conn.execute(
        "SELECT 1 FROM group_auto_notification WHERE group_id = ?", (group_id,)
    ).fetchone()
    if auto is not None:
        conn.execute(
            "INSERT OR IGNORE INTO group_notification_members (group_id, user_id) VALUES (?, ?)",
            (group_id, user_id),
        )


# --- reading and marking, for the resolvers ---


def _unread_clause(unread: bool | None) -> str:
    if unread is None:
        return ""
    return " AND unread = 1" if unread else " AND unread = 0"


def count(conn: sqlite3.Connection, user_id: str, unread: bool | None) -> int:
    sql = "SELECT count(*) FROM notifications WHERE recipient_id = ?" + _unread_clause(unread)
    return int(conn.execute(sql, (user_id,)).fetchone()[0])


def page(
    conn: sqlite3.Connection, user_id: str, unread: bool | None, offset: int, limit: int
) -> list[sqlite3.Row]:
    """Newest first, on the time alone, as django-notifications orders them."""
    sql = (
        "SELECT * FROM notifications WHERE recipient_id = ?"
        + _unread_clause(unread)
        + " ORDER BY created_at DESC LIMIT ? OFFSET ?"
    )
    return conn.execute(sql, (user_id, limit, offset)).fetchall()


def get(conn: sqlite3.Connection, user_id: str, notification_id: int) -> sqlite3.Row | None:
    row: sqlite3.Row | None = conn.execute(
        "SELECT * FROM notifications WHERE id = ? AND recipient_id = ?",
        (notification_id, user_id),
    ).fetchone()
    return row


def mark_read(conn: sqlite3.Connection, notification_id: int) -> None:
    conn.execute("UPDATE notifications SET unread = 0 WHERE id = ?", (notification_id,))


def mark_all_read(conn: sqlite3.Connection, user_id: str) -> None:
    conn.execute(
        "UPDATE notifications SET unread = 0 WHERE recipient_id = ? AND unread = 1", (user_id,)
    )
