"""Seeding the demo content beside blogs from `demo_content/kinds.toml`:
discussions, questions with a best answer, events with attendees, wiki pages
with children, news, status updates, a folder with a file."""

from __future__ import annotations

import sqlite3
import tomllib
from datetime import datetime, timedelta
from importlib import resources
from typing import Any

from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.server import repository as repo
from pleio_tui.server import repository_content as content_repo
from pleio_tui.server.records import GroupRecord
from pleio_tui.server.text import plain_text
from pleio_tui.server.timestamps import to_iso


def _items() -> list[dict[str, Any]]:
    text = (
        resources.files("pleio_tui.server.demo_content").joinpath("kinds.toml").read_text("utf-8")
    )
    items: list[dict[str, Any]] = tomllib.loads(text)["items"]
    return items


def seed_content_kinds(
    conn: sqlite3.Connection, users: dict[str, str], groups: dict[str, GroupRecord], now: datetime
) -> None:
    guids: dict[str, str] = {}
    for item in _items():
        guids[item["key"]] = _seed_item(conn, item, users, groups, guids, now)


def _extra(item: dict[str, Any], guids: dict[str, str], now: datetime) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if "parent" in item:
        extra["parent"] = guids[item["parent"]]
    if "folder" in item:
        extra["parent_folder"] = guids[item["folder"]]
    if item["subtype"] == "event":
        start = (now + timedelta(days=item["starts_in_days"])).replace(
            hour=13, minute=0, second=0, microsecond=0
        )
        extra["start_date"] = to_iso(start)
        extra["end_date"] = to_iso(start + timedelta(hours=item.get("hours", 2)))
        extra["location"] = item.get("location")
        extra["location_link"] = item.get("location_link")
    if "file_text" in item:
        extra["mime_type"] = item.get("mime_type", "text/plain")
        extra["size"] = len(item["file_text"].strip().encode("utf-8"))
    return extra


def _seed_item(
    conn: sqlite3.Connection,
    item: dict[str, Any],
    users: dict[str, str],
    groups: dict[str, GroupRecord],
    guids: dict[str, str],
    now: datetime,
) -> str:
    rich = markdown_to_tiptap(item["body"].strip()) if item["body"].strip() else None
    created = now - timedelta(days=item["days_ago"])
    group = groups.get(item.get("group", ""))
    guid = content_repo.insert_content(
        conn,
        repo.NewBlog(
            owner_id=users[item["owner"]],
            group_id=None if group is None else group.guid,
            title=item["title"],
            abstract=None,
            rich_description=rich,
            description=plain_text(rich),
            tags=item.get("tags", []),
            access_id=item["access"],
            write_access_id=0,
            created_at=to_iso(created),
            published_at=to_iso(created),
        ),
        subtype=item["subtype"],
        extra=_extra(item, guids, now),
    )
    if "file_text" in item:
        content_repo.put_file_content(conn, guid, item["file_text"].strip().encode("utf-8"))
    for username, state in item.get("attending", {}).items():
        content_repo.set_attendance(conn, guid, users[username], state, to_iso(created))
    answers = [_seed_thread(conn, guid, c, users, created) for c in item.get("comments", [])]
    if "best_answer" in item:
        content_repo.update_extra(conn, guid, {"best_answer": answers[item["best_answer"]]})
    return guid


def _seed_thread(
    conn: sqlite3.Connection,
    guid: str,
    comment: dict[str, Any],
    users: dict[str, str],
    created: datetime,
) -> str:
    comment_guid = _seed_comment(conn, guid, None, comment, users, created)
    for reply in comment.get("replies", []):
        _seed_comment(conn, guid, comment_guid, reply, users, created)
    return comment_guid


def _seed_comment(
    conn: sqlite3.Connection,
    guid: str,
    parent: str | None,
    comment: dict[str, Any],
    users: dict[str, str],
    created: datetime,
) -> str:
    rich = markdown_to_tiptap(comment["body"].strip())
    return repo.insert_comment(
        conn,
        blog_id=guid,
        parent_id=parent,
        owner_id=users[comment["owner"]],
        rich_description=rich,
        description=plain_text(rich),
        now=to_iso(created + timedelta(hours=comment["hours_after"])),
    )
