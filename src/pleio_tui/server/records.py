"""Rows of the site's tables as typed values; GraphQL fields with the same
(snake_case) name resolve straight from their attributes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from pleio_tui.server.text import excerpt as make_excerpt
from pleio_tui.server.text import slugify, tiptap_to_text
from pleio_tui.server.timestamps import now_iso


@dataclass(frozen=True, slots=True)
class UserRecord:
    guid: str
    username: str
    name: str
    is_admin: bool

    icon = None
    status = None

    @property
    def url(self) -> str:
        return f"/user/{self.guid}/profile"

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> UserRecord:
        return cls(row["id"], row["username"], row["name"], bool(row["is_admin"]))


@dataclass(frozen=True, slots=True)
class GroupRecord:
    guid: str
    name: str
    rich_description: str | None
    introduction: str
    is_closed: bool
    is_membership_on_request: bool
    is_featured: bool
    tags: list[str]

    icon = None
    status = None
    plugins = ("blog",)

    @property
    def url(self) -> str:
        return f"/groups/view/{self.guid}/{slugify(self.name)}"

    @property
    def description(self) -> str | None:
        return tiptap_to_text(self.rich_description)

    @property
    def excerpt(self) -> str:
        return make_excerpt(self.description)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> GroupRecord:
        return cls(
            guid=row["id"],
            name=row["name"],
            rich_description=row["rich_description"],
            introduction=row["introduction"],
            is_closed=bool(row["is_closed"]),
            is_membership_on_request=bool(row["is_membership_on_request"]),
            is_featured=bool(row["is_featured"]),
            tags=json.loads(row["tags"]),
        )


@dataclass(frozen=True, slots=True)
class BlogRecord:
    guid: str
    owner_id: str
    group_id: str | None
    group_name: str | None
    title: str
    abstract: str | None
    rich_description: str | None
    tags: list[str]
    access_id: int
    write_access_id: int
    time_created: str
    time_updated: str
    time_published: str | None
    last_action: str
    views: int
    is_pinned: bool
    is_featured: bool
    is_archived: bool
    extra: dict[str, Any] = field(default_factory=dict)
    """What only this kind of content has (an event's dates, a question's best answer)."""

    subtype = "blog"
    status = None

    @property
    def in_group(self) -> bool:
        return self.group_id is not None

    @property
    def is_published(self) -> bool:
        return self.time_published is not None and self.time_published <= now_iso()

    @property
    def status_published(self) -> str:
        if self.is_archived:
            return "archived"
        return "published" if self.is_published else "draft"

    @property
    def description(self) -> str | None:
        return tiptap_to_text(self.rich_description)

    @property
    def excerpt(self) -> str:
        return self.abstract or make_excerpt(self.description)

    @property
    def url(self) -> str:
        own = f"/blog/view/{self.guid}/{slugify(self.title)}"
        if self.group_id is None:
            return own
        return f"/groups/view/{self.group_id}/{slugify(self.group_name or '')}{own}"

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> BlogRecord:
        keys = row.keys()
        if "subtype" in keys:
            cls = SUBTYPE_RECORDS.get(row["subtype"], cls)
        return cls(
            guid=row["id"],
            owner_id=row["owner_id"],
            group_id=row["group_id"],
            group_name=row["group_name"],
            title=row["title"],
            abstract=row["abstract"],
            rich_description=row["rich_description"],
            tags=json.loads(row["tags"]),
            access_id=row["access_id"],
            write_access_id=row["write_access_id"],
            time_created=row["created_at"],
            time_updated=row["updated_at"],
            time_published=row["published_at"],
            last_action=row["last_action"],
            views=row["views"],
            is_pinned=bool(row["is_pinned"]),
            is_featured=bool(row["is_featured"]),
            is_archived=bool(row["is_archived"]),
            extra=json.loads(row["extra"]) if "extra" in keys else {},
        )


# Subtype -> the record class of that kind of content (records_content.py fills it).
SUBTYPE_RECORDS: dict[str, type[BlogRecord]] = {}


@dataclass(frozen=True, slots=True)
class CommentRecord:
    guid: str
    blog_id: str
    parent_id: str | None
    owner_id: str | None
    rich_description: str | None
    time_created: str
    time_updated: str

    subtype = "comment"
    status = None

    @property
    def description(self) -> str | None:
        return tiptap_to_text(self.rich_description)

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> CommentRecord:
        return cls(
            guid=row["id"],
            blog_id=row["blog_id"],
            parent_id=row["parent_id"],
            owner_id=row["owner_id"],
            rich_description=row["rich_description"],
            time_created=row["created_at"],
            time_updated=row["updated_at"],
        )


EntityRecord = UserRecord | GroupRecord | BlogRecord | CommentRecord
