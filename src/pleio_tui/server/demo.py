"""Seeding the demo: users, groups, blogs, comments and votes from
`demo_content/demo.toml`, once per data directory."""

from __future__ import annotations

import json
import re
import sqlite3
import tomllib
from datetime import UTC, datetime, timedelta
from importlib import resources
from typing import Any

from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.server import auth, db, demo_notifications, marks, notifications
from pleio_tui.server import repository as repo
from pleio_tui.server.demo_generated import seed_generated_blogs, seed_generated_items
from pleio_tui.server.demo_kinds import seed_content_kinds
from pleio_tui.server.records import GroupRecord
from pleio_tui.server.site_setup import BEST_ANSWERS_KEY
from pleio_tui.server.text import plain_text, slugify
from pleio_tui.server.timestamps import to_iso

DEMO_PASSWORD = "demo"
# (username, display name, site admin): the logins `pleio-tui serve --demo` announces.
DEMO_USERS: tuple[tuple[str, str, bool], ...] = (
    ("hadewych", "Hadewych", False),
    ("jan", "Jan", False),
    ("admin", "Admin", True),
)
SEEDED_KEY = "demo_seeded"
GENERATED_KEY = "demo_blogs_seeded"
GENERATED_ITEMS_KEY = "demo_items_seeded"
URL_PLACEHOLDER = re.compile(r"\{\{url:([\w-]+)\}\}")


def _content() -> dict[str, Any]:
    text = resources.files("pleio_tui.server.demo_content").joinpath("demo.toml").read_text("utf-8")
    return tomllib.loads(text)


def _content_file(name: str) -> str:
    return resources.files("pleio_tui.server.demo_content").joinpath(name).read_text("utf-8")


def ensure_demo_content(
    conn: sqlite3.Connection, *, demo: bool, generated_blogs: int, generated_items: int = 0
) -> None:
    """Seed what was asked for and is not there yet; a restart seeds nothing again."""
    with conn:
        if demo and db.get_setting(conn, SEEDED_KEY) is None:
            seed_demo(conn, datetime.now(UTC))
            db.put_setting(conn, SEEDED_KEY, "1")
        if demo and db.get_setting(conn, BEST_ANSWERS_KEY) is None:
            # The demo shows best answers, which a new Pleio site has turned off; a
            # demo seeded before the setting existed gets it too, one turned off keeps it off.
            db.put_setting(conn, BEST_ANSWERS_KEY, "1")
        if generated_blogs > 0 and db.get_setting(conn, GENERATED_KEY) is None:
            users = ensure_users(conn, _content()["users"])
            seed_generated_blogs(conn, generated_blogs, users, datetime.now(UTC))
            db.put_setting(conn, GENERATED_KEY, str(generated_blogs))
        if generated_items > 0 and db.get_setting(conn, GENERATED_ITEMS_KEY) is None:
            users = ensure_users(conn, _content()["users"])
            seed_generated_items(conn, generated_items, users, datetime.now(UTC))
            db.put_setting(conn, GENERATED_ITEMS_KEY, str(generated_items))


def ensure_users(conn: sqlite3.Connection, users: list[dict[str, Any]]) -> dict[str, str]:
    """Create the demo users that are missing; username -> guid for all of them."""
    guids: dict[str, str] = {}
    for user in users:
        row = conn.execute(
            "SELECT id FROM users WHERE username = ?", (user["username"],)
        ).fetchone()
        if row is not None:
            guids[user["username"]] = row[0]
        else:
            guids[user["username"]] = auth.create_user(
                conn,
                user["username"],
                user["name"],
                DEMO_PASSWORD,
                is_admin=user.get("admin", False),
            )
    return guids


def seed_demo(conn: sqlite3.Connection, now: datetime) -> None:
    content = _content()
    users = ensure_users(conn, content["users"])
    groups = {g["key"]: _seed_group(conn, g, users, now) for g in content["groups"]}
    blog_guids = {blog["key"]: repo.new_guid() for blog in content["blogs"]}
    urls = {
        blog["key"]: _blog_url(
            blog_guids[blog["key"]], blog["title"], groups.get(blog.get("group", ""))
        )
        for blog in content["blogs"]
    }
    demo_notifications.enable_groups(conn, content["groups"], groups)
    for blog in content["blogs"]:
        _seed_blog(conn, blog, blog_guids[blog["key"]], users, groups, urls, now)
    demo_notifications.seed_notices(conn, content.get("notices", []), blog_guids, users, now)
    demo_notifications.settle(conn, now)
    seed_content_kinds(conn, users, groups, now)


def _blog_url(guid: str, title: str, group: GroupRecord | None) -> str:
    own = f"/blog/view/{guid}/{slugify(title)}"
    return own if group is None else f"{group.url}{own}"


def _rich(markdown: str, urls: dict[str, str]) -> str:
    return markdown_to_tiptap(URL_PLACEHOLDER.sub(lambda m: urls[m.group(1)], markdown.strip()))


def _seed_group(
    conn: sqlite3.Connection, group: dict[str, Any], users: dict[str, str], now: datetime
) -> GroupRecord:
    guid = repo.new_guid()
    created = to_iso(now - timedelta(days=1700))
    rich = markdown_to_tiptap(group["description"].strip())
    conn.execute(
        "INSERT INTO groups (id, name, rich_description, description, introduction, is_closed,"
        " is_membership_on_request, is_featured, tags, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, json(?), ?)",
        (
            guid,
            group["name"],
            rich,
            plain_text(rich),
            "",
            int(group.get("closed", False)),
            int(group.get("on_request", False)),
            int(group.get("featured", False)),
            json.dumps(group.get("tags", [])),
            created,
        ),
    )
    repo.set_membership(conn, guid, users[group["owner"]], "owner", created)
    for username in group.get("members", []):
        repo.set_membership(conn, guid, users[username], "member", created)
    for username in group.get("pending", []):
        repo.set_membership(conn, guid, users[username], "pending", created)
    record = repo.get_group(conn, guid)
    assert record is not None
    return record


def _seed_blog(
    conn: sqlite3.Connection,
    blog: dict[str, Any],
    guid: str,
    users: dict[str, str],
    groups: dict[str, GroupRecord],
    urls: dict[str, str],
    now: datetime,
) -> None:
    body = _content_file(blog["body_file"]) if "body_file" in blog else blog["body"]
    rich = _rich(body, urls)
    created = now - timedelta(days=blog.get("days_ago", 0))
    group = groups.get(blog.get("group", ""))
    repo.insert_blog(
        conn,
        repo.NewBlog(
            owner_id=users[blog["owner"]],
            group_id=None if group is None else group.guid,
            title=blog["title"],
            abstract=blog.get("abstract"),
            rich_description=rich,
            description=plain_text(rich),
            tags=blog.get("tags", []),
            access_id=blog["access"],
            write_access_id=0,
            created_at=to_iso(created),
            published_at=None if blog.get("draft") else to_iso(created),
        ),
        guid=guid,
    )
    notifications.blog_added(conn, guid, to_iso(created))
    _seed_votes(conn, guid, blog.get("votes", {}), users)
    for comment in blog.get("comments", []):
        comment_guid = _seed_comment(conn, guid, None, comment, users, urls, created)
        for reply in comment.get("replies", []):
            _seed_comment(conn, guid, comment_guid, reply, users, urls, created)


def _seed_comment(
    conn: sqlite3.Connection,
    blog_guid: str,
    parent_guid: str | None,
    comment: dict[str, Any],
    users: dict[str, str],
    urls: dict[str, str],
    blog_created: datetime,
) -> str:
    rich = _rich(comment["body"], urls)
    when = to_iso(blog_created + timedelta(hours=comment["hours_after"]))
    guid = repo.insert_comment(
        conn,
        blog_id=blog_guid,
        parent_id=parent_guid,
        owner_id=users[comment["owner"]],
        rich_description=rich,
        description=plain_text(rich),
        now=when,
    )
    notifications.comment_added(conn, guid, when)
    _seed_votes(conn, guid, comment.get("votes", {}), users)
    return guid


def _seed_votes(
    conn: sqlite3.Connection, entity_guid: str, votes: dict[str, int], users: dict[str, str]
) -> None:
    for username, score in votes.items():
        marks.set_vote(conn, entity_guid, users[username], score)
