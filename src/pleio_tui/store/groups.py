"""Groups: cached as the site sends them, listed mine first with per-group counters."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from pleio_tui.models import Group, GroupRow, Membership
from pleio_tui.store.base import StoreBase
from pleio_tui.store.rowsource import SqlRowSource
from pleio_tui.store.values import fold, strings_from_db, strings_to_db

_UPSERT_GROUP = """
INSERT INTO groups (
    guid, name, name_key, description, excerpt, url, icon, is_closed,
    is_membership_on_request, is_featured, membership, member_role, member_count,
    default_access_id, can_edit, plugins, tags
) VALUES (
    :guid, :name, :name_key, :description, :excerpt, :url, :icon, :is_closed,
    :is_membership_on_request, :is_featured, :membership, :member_role, :member_count,
    :default_access_id, :can_edit, :plugins, :tags
)
ON CONFLICT (guid) DO UPDATE SET
    name = excluded.name, name_key = excluded.name_key,
    description = excluded.description, excerpt = excluded.excerpt, url = excluded.url,
    icon = excluded.icon, is_closed = excluded.is_closed,
    is_membership_on_request = excluded.is_membership_on_request,
    is_featured = excluded.is_featured, membership = excluded.membership,
    member_role = excluded.member_role, member_count = excluded.member_count,
    default_access_id = excluded.default_access_id, can_edit = excluded.can_edit,
    plugins = excluded.plugins, tags = excluded.tags
"""

# instr() on the folded name: a substring match that ignores case and diacritics.
# An empty needle matches every group.
GROUP_LIST_FILTER = "instr(g.name_key, :needle) > 0"
GROUP_COUNT_SQL = f"SELECT count(*) FROM groups AS g WHERE {GROUP_LIST_FILTER}"
GROUP_WINDOW_SQL = f"""
SELECT g.guid, g.name, g.member_count, g.membership, g.is_closed,
       g.is_membership_on_request,
       coalesce(s.unread_count, 0) AS unread_count, coalesce(s.blog_count, 0) AS blog_count
  FROM groups AS g
  LEFT JOIN group_stats AS s ON s.group_guid = g.guid
 WHERE {GROUP_LIST_FILTER}
 ORDER BY (g.membership <> 'joined'), g.name_key, g.guid
 LIMIT :limit OFFSET :offset
"""


def _group_params(group: Group) -> dict[str, object]:
    return {
        "guid": group.guid,
        "name": group.name,
        "name_key": fold(group.name),
        "description": group.description,
        "excerpt": group.excerpt,
        "url": group.url,
        "icon": group.icon,
        "is_closed": group.is_closed,
        "is_membership_on_request": group.is_membership_on_request,
        "is_featured": group.is_featured,
        "membership": group.membership.value,
        "member_role": group.member_role,
        "member_count": group.member_count,
        "default_access_id": group.default_access_id,
        "can_edit": group.can_edit,
        "plugins": strings_to_db(group.plugins),
        "tags": strings_to_db(group.tags),
    }


def _group_from_row(row: sqlite3.Row) -> Group:
    return Group(
        guid=row["guid"],
        name=row["name"],
        description=row["description"],
        excerpt=row["excerpt"],
        url=row["url"],
        icon=row["icon"],
        is_closed=bool(row["is_closed"]),
        is_membership_on_request=bool(row["is_membership_on_request"]),
        is_featured=bool(row["is_featured"]),
        membership=Membership(row["membership"]),
        member_role=row["member_role"],
        member_count=row["member_count"],
        default_access_id=row["default_access_id"],
        can_edit=bool(row["can_edit"]),
        plugins=strings_from_db(row["plugins"]),
        tags=strings_from_db(row["tags"]),
    )


def _group_row(row: sqlite3.Row) -> GroupRow:
    return GroupRow(
        guid=row["guid"],
        name=row["name"],
        member_count=row["member_count"],
        membership=Membership(row["membership"]),
        is_closed=bool(row["is_closed"]),
        is_membership_on_request=bool(row["is_membership_on_request"]),
        unread_count=row["unread_count"],
        blog_count=row["blog_count"],
    )


class GroupCacheMixin(StoreBase):
    def upsert_groups(self, groups: Iterable[Group]) -> None:
        with self._write(durable=False) as conn:
            for group in groups:
                conn.execute(_UPSERT_GROUP, _group_params(group))

    def set_group_membership(self, guid: str, membership: Membership) -> None:
        with self._write() as conn:
            conn.execute(
                "UPDATE groups SET membership = ? WHERE guid = ?", (membership.value, guid)
            )

    def group(self, guid: str) -> Group | None:
        row = self._row("SELECT * FROM groups WHERE guid = ?", (guid,))
        return None if row is None else _group_from_row(row)

    def group_marks(self, guids: Iterable[str]) -> dict[str, tuple[str, Membership, str | None]]:
        """Name, the user's membership and role of the cached ones of `guids`, in
        one query: what tells whether a group changed."""
        rows = self._rows(
            "SELECT guid, name, membership, member_role FROM groups"
            " WHERE guid IN (SELECT value FROM json_each(?))",
            (json.dumps(list(guids)),),
        )
        return {row[0]: (row[1], Membership(row[2]), row[3]) for row in rows}

    def groups(self, filter_text: str = "") -> SqlRowSource[GroupRow]:
        """Mine first, then by name; `filter_text` is a substring of the name."""
        return SqlRowSource(
            self._conn,
            self._path,
            count_sql=GROUP_COUNT_SQL,
            window_sql=GROUP_WINDOW_SQL,
            params={"needle": fold(filter_text.strip())},
            make_row=_group_row,
        )
