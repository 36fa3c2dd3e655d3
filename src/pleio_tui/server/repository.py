"""Reading and writing the site's rows. No permission checks here: see access.py."""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from pleio_tui.server import records_content  # noqa: F401  (each subtype's record class)
from pleio_tui.server.blog_listing import BLOG_SELECT
from pleio_tui.server.blog_listing import BlogQuery as BlogQuery
from pleio_tui.server.blog_listing import list_blogs as list_blogs
from pleio_tui.server.records import BlogRecord, CommentRecord, GroupRecord, UserRecord


def new_guid() -> str:
    return str(uuid.uuid4())


def get_user(conn: sqlite3.Connection, guid: str) -> UserRecord | None:
    row = conn.execute("SELECT * FROM users WHERE id = ?", (guid,)).fetchone()
    return None if row is None else UserRecord.from_row(row)


def get_user_by_username(conn: sqlite3.Connection, username: str) -> UserRecord | None:
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    return None if row is None else UserRecord.from_row(row)


def get_group(conn: sqlite3.Connection, guid: str | None) -> GroupRecord | None:
    if guid is None:
        return None
    row = conn.execute("SELECT * FROM groups WHERE id = ?", (guid,)).fetchone()
    return None if row is None else GroupRecord.from_row(row)


def get_blog(conn: sqlite3.Connection, guid: str) -> BlogRecord | None:
    row = conn.execute(f"{BLOG_SELECT} WHERE b.id = ?", (guid,)).fetchone()
    return None if row is None else BlogRecord.from_row(row)


def get_comment(conn: sqlite3.Connection, guid: str) -> CommentRecord | None:
    row = conn.execute("SELECT * FROM comments WHERE id = ?", (guid,)).fetchone()
    return None if row is None else CommentRecord.from_row(row)


# --- groups and memberships ---


def list_groups(
    conn: sqlite3.Connection,
    *,
    name_contains: str | None,
    only_member: str | None,
    tags: Sequence[str],
    offset: int,
    limit: int,
) -> tuple[int, list[GroupRecord]]:
    where = ["1"]
    params: list[object] = []
    if name_contains:
        where.append("instr(lower(name), lower(?)) > 0")
        params.append(name_contains)
    if only_member is not None:
        where.append(
            "id IN (SELECT group_id FROM memberships WHERE user_id = ?"
            " AND role IN ('owner', 'admin', 'member'))"
        )
        params.append(only_member)
    for tag in tags:
        where.append("EXISTS (SELECT 1 FROM json_each(groups.tags) WHERE value = ?)")
        params.append(tag)
    condition = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM groups WHERE {condition}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT * FROM groups WHERE {condition}"
        " ORDER BY is_featured DESC, name COLLATE NOCASE, id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return total, [GroupRecord.from_row(row) for row in rows]


@dataclass(frozen=True, slots=True)
class MemberRow:
    role: str
    user: UserRecord
    member_since: str


def list_members(
    conn: sqlite3.Connection, group_id: str, *, name_contains: str | None, offset: int, limit: int
) -> tuple[int, list[MemberRow]]:
    where = "m.group_id = ? AND m.role IN ('owner', 'admin', 'member')"
    params: list[object] = [group_id]
    if name_contains:
        where += " AND instr(lower(u.name), lower(?)) > 0"
        params.append(name_contains)
    base = f"FROM memberships m JOIN users u ON u.id = m.user_id WHERE {where}"
    total = conn.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT u.*, m.role AS member_role, m.created_at AS member_since {base}"
        " ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END,"
        " u.name COLLATE NOCASE LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    members = [MemberRow(r["member_role"], UserRecord.from_row(r), r["member_since"]) for r in rows]
    return total, members


def member_count(conn: sqlite3.Connection, group_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM memberships WHERE group_id = ?"
        " AND role IN ('owner', 'admin', 'member')",
        (group_id,),
    ).fetchone()[0]


def set_membership(
    conn: sqlite3.Connection, group_id: str, user_id: str, role: str, now: str
) -> None:
    conn.execute(
        "INSERT INTO memberships (group_id, user_id, role, created_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT(group_id, user_id) DO UPDATE SET role = excluded.role",
        (group_id, user_id, role, now),
    )


def remove_membership(conn: sqlite3.Connection, group_id: str, user_id: str) -> None:
    conn.execute("DELETE FROM memberships WHERE group_id = ? AND user_id = ?", (group_id, user_id))


# --- blogs ---


@dataclass(frozen=True, slots=True)
class NewBlog:
    owner_id: str
    group_id: str | None
    title: str
    abstract: str | None
    rich_description: str | None
    description: str
    tags: Sequence[str]
    access_id: int
    write_access_id: int
    created_at: str
    published_at: str | None


def insert_blog(conn: sqlite3.Connection, blog: NewBlog, guid: str | None = None) -> str:
    guid = guid or new_guid()
    conn.execute(
        "INSERT INTO blogs (id, owner_id, group_id, title, abstract, rich_description,"
        " description, tags, access_id, write_access_id, created_at, updated_at,"
        " published_at, last_action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            guid,
            blog.owner_id,
            blog.group_id,
            blog.title,
            blog.abstract,
            blog.rich_description,
            blog.description,
            json.dumps(list(blog.tags)),
            blog.access_id,
            blog.write_access_id,
            blog.created_at,
            blog.created_at,
            blog.published_at,
            blog.published_at or blog.created_at,
        ),
    )
    return guid


EDITABLE_BLOG_COLUMNS = frozenset(
    {
        "title",
        "abstract",
        "rich_description",
        "description",
        "tags",
        "access_id",
        "write_access_id",
        "published_at",
        "created_at",
        "updated_at",
        "last_action",
    }
)


def update_blog(conn: sqlite3.Connection, guid: str, changes: dict[str, object]) -> None:
    unknown = set(changes) - EDITABLE_BLOG_COLUMNS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    values = {k: json.dumps(v) if k == "tags" else v for k, v in changes.items()}
    assignments = ", ".join(f"{column} = ?" for column in values)
    conn.execute(f"UPDATE blogs SET {assignments} WHERE id = ?", [*values.values(), guid])


def set_archived(conn: sqlite3.Connection, guid: str, archived: bool) -> None:
    conn.execute("UPDATE blogs SET is_archived = ? WHERE id = ?", (int(archived), guid))


def add_view(conn: sqlite3.Connection, guid: str) -> None:
    conn.execute("UPDATE blogs SET views = views + 1 WHERE id = ?", (guid,))


def delete_entity_rows(conn: sqlite3.Connection, guids: Sequence[str]) -> None:
    """Votes and follows of entities about to go. Bookmarks stay, as on Pleio, where
    `bookmarks` counts them still and answers `null` for the item that went."""
    marks = ", ".join("?" for _ in guids)
    for table in ("votes", "follows"):
        conn.execute(f"DELETE FROM {table} WHERE entity_id IN ({marks})", list(guids))


def delete_blog(conn: sqlite3.Connection, guid: str) -> None:
    comment_ids = [
        row[0] for row in conn.execute("SELECT id FROM comments WHERE blog_id = ?", (guid,))
    ]
    delete_entity_rows(conn, [guid, *comment_ids])
    conn.execute("DELETE FROM comments WHERE blog_id = ?", (guid,))
    conn.execute("DELETE FROM blogs WHERE id = ?", (guid,))


# --- comments ---


def list_comments(
    conn: sqlite3.Connection, blog_id: str, parent_id: str | None
) -> list[CommentRecord]:
    """Comments under a blog (parent None) or replies to a comment, newest first."""
    if parent_id is None:
        rows = conn.execute(
            "SELECT * FROM comments WHERE blog_id = ? AND parent_id IS NULL"
            " ORDER BY created_at DESC, id DESC",
            (blog_id,),
        )
    else:
        rows = conn.execute(
            "SELECT * FROM comments WHERE parent_id = ? ORDER BY created_at DESC, id DESC",
            (parent_id,),
        )
    return [CommentRecord.from_row(row) for row in rows]


def count_comments(
    conn: sqlite3.Connection, *, blog_id: str | None = None, parent_id: str | None = None
) -> int:
    if parent_id is not None:
        sql, key = "SELECT count(*) FROM comments WHERE parent_id = ?", parent_id
    else:
        sql, key = "SELECT count(*) FROM comments WHERE blog_id = ?", blog_id
    return conn.execute(sql, (key,)).fetchone()[0]


def insert_comment(
    conn: sqlite3.Connection,
    *,
    blog_id: str,
    parent_id: str | None,
    owner_id: str,
    rich_description: str | None,
    description: str,
    now: str,
    guid: str | None = None,
) -> str:
    guid = guid or new_guid()
    conn.execute(
        "INSERT INTO comments (id, blog_id, parent_id, owner_id, rich_description, description,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (guid, blog_id, parent_id, owner_id, rich_description, description, now, now),
    )
    # A comment is activity on its blog: it moves lastAction, not timeUpdated.
    conn.execute("UPDATE blogs SET last_action = max(last_action, ?) WHERE id = ?", (now, blog_id))
    return guid


def update_comment(
    conn: sqlite3.Connection, guid: str, rich_description: str, description: str, now: str
) -> None:
    conn.execute(
        "UPDATE comments SET rich_description = ?, description = ?, updated_at = ? WHERE id = ?",
        (rich_description, description, now, guid),
    )


def delete_comment(conn: sqlite3.Connection, guid: str) -> None:
    reply_ids = [
        row[0] for row in conn.execute("SELECT id FROM comments WHERE parent_id = ?", (guid,))
    ]
    delete_entity_rows(conn, [guid, *reply_ids])
    conn.execute("DELETE FROM comments WHERE parent_id = ?", (guid,))
    conn.execute("DELETE FROM comments WHERE id = ?", (guid,))
