"""Who may see and who may change what, after Pleio's access ids:
0 only the owner, 1 logged-in users, 2 everyone, 4 members of the group."""

from __future__ import annotations

import json

from pleio_tui.models import AccessId
from pleio_tui.server.context import GROUP_WRITER_ROLES, Viewer
from pleio_tui.server.records import BlogRecord, CommentRecord, GroupRecord

KNOWN_ACCESS_IDS = frozenset(
    {AccessId.PRIVATE, AccessId.LOGGED_IN, AccessId.PUBLIC, AccessId.GROUP}
)


def effective_access_id(requested: int | None, group: GroupRecord | None) -> int:
    """What a requested access id means for content in `group` (or none).

    Missing or unknown: private. Group access outside a group: private.
    Inside a closed group, logged-in and public both mean the group."""
    access = AccessId.PRIVATE if requested not in KNOWN_ACCESS_IDS else requested
    if group is None:
        return AccessId.PRIVATE if access == AccessId.GROUP else access
    if group.is_closed and access in (AccessId.LOGGED_IN, AccessId.PUBLIC):
        return AccessId.GROUP
    return access


def _access_allows(
    viewer: Viewer, access_id: int, owner_id: str | None, group_id: str | None
) -> bool:
    if viewer.user_id is not None and viewer.user_id == owner_id:
        return True
    if access_id == AccessId.PUBLIC:
        return True
    if access_id == AccessId.LOGGED_IN:
        return viewer.logged_in
    if access_id == AccessId.GROUP:
        return group_id is not None and viewer.is_full_member(group_id)
    return False


def read_access_allows(viewer: Viewer, blog: BlogRecord) -> bool:
    """Pleio's read access list alone: no look at the group's walls or the publication."""
    return viewer.is_admin or _access_allows(viewer, blog.access_id, blog.owner_id, blog.group_id)


def hidden_by_closed_group(viewer: Viewer, group: GroupRecord | None) -> bool:
    return (
        group is not None
        and group.is_closed
        and not viewer.is_admin
        and not viewer.is_full_member(group.guid)
    )


def can_read_blog(viewer: Viewer, blog: BlogRecord, group: GroupRecord | None) -> bool:
    if viewer.is_admin:
        return True
    if hidden_by_closed_group(viewer, group):
        return False
    if not (blog.is_published or blog.is_archived) and blog.owner_id != viewer.user_id:
        return False
    return _access_allows(viewer, blog.access_id, blog.owner_id, blog.group_id)


def can_write_group(viewer: Viewer, group_id: str) -> bool:
    return viewer.is_admin or viewer.role_in(group_id) in GROUP_WRITER_ROLES


def can_write_blog(viewer: Viewer, blog: BlogRecord) -> bool:
    if not viewer.logged_in:
        return False
    if viewer.is_admin or (blog.group_id is not None and can_write_group(viewer, blog.group_id)):
        return True
    return _access_allows(viewer, blog.write_access_id, blog.owner_id, blog.group_id)


def can_write_comment(viewer: Viewer, comment: CommentRecord) -> bool:
    return viewer.logged_in and (viewer.is_admin or comment.owner_id == viewer.user_id)


def may_take_part(viewer: Viewer, group_id: str | None) -> bool:
    """Whether the viewer may post or comment in a group (or outside any group)."""
    if not viewer.logged_in:
        return False
    return group_id is None or viewer.is_admin or viewer.is_full_member(group_id)


def readable_blogs_sql(viewer: Viewer, now: str) -> tuple[str, list[object]]:
    """A WHERE fragment over `b` (blogs) and `g` (its group, LEFT JOINed) keeping
    the published, not archived blogs the viewer may read, with its parameters."""
    if viewer.is_admin:
        return "b.is_archived = 0 AND b.published_at IS NOT NULL AND b.published_at <= ?", [now]
    member_of = json.dumps(viewer.full_member_groups())
    in_my_groups = "b.group_id IN (SELECT value FROM json_each(?))"
    sql = (
        "b.is_archived = 0 AND b.published_at IS NOT NULL AND b.published_at <= ?"
        f" AND (g.id IS NULL OR g.is_closed = 0 OR {in_my_groups})"
        " AND (b.owner_id = ? OR b.access_id = 2"
        " OR (b.access_id = 1 AND ?)"
        f" OR (b.access_id = 4 AND {in_my_groups}))"
    )
    return sql, [now, member_of, viewer.user_id, int(viewer.logged_in), member_of]


def archived_blogs_sql(viewer: Viewer) -> tuple[str, list[object]]:
    """A WHERE fragment keeping the archived blogs the viewer may read (by read access
    alone, as Pleio filters them)."""
    if viewer.is_admin:
        return "b.is_archived = 1", []
    member_of = json.dumps(viewer.full_member_groups())
    sql = (
        "b.is_archived = 1 AND (b.owner_id = ? OR b.access_id = 2"
        " OR (b.access_id = 1 AND ?)"
        " OR (b.access_id = 4 AND b.group_id IN (SELECT value FROM json_each(?))))"
    )
    return sql, [viewer.user_id, int(viewer.logged_in), member_of]


def own_drafts_sql(viewer: Viewer, now: str) -> tuple[str, list[object]]:
    """A WHERE fragment keeping the drafts the viewer may see: their own (all, for admins)."""
    unpublished = "(b.published_at IS NULL OR b.published_at > ?)"
    if viewer.is_admin:
        return unpublished, [now]
    return f"{unpublished} AND b.owner_id = ?", [now, viewer.user_id]


def access_options(group: GroupRecord | None, *, site_is_closed: bool) -> list[dict[str, object]]:
    """The access ids offered for new content on the site or in a group, as Pleio lists them."""
    options: list[dict[str, object]] = [{"id": AccessId.PRIVATE, "description": "Alleen eigenaar"}]
    if group is not None:
        options.append({"id": AccessId.GROUP, "description": f"Groep: {group.name}"})
        if group.is_closed:
            return options
    options.append({"id": AccessId.LOGGED_IN, "description": "Gebruikers van deze site"})
    if not site_is_closed:
        options.append({"id": AccessId.PUBLIC, "description": "Iedereen (publiek zichtbaar)"})
    return options


SITE_DEFAULT_ACCESS_ID = AccessId.LOGGED_IN


def group_default_access_id(group: GroupRecord) -> int:
    return AccessId.GROUP if group.is_closed else SITE_DEFAULT_ACCESS_ID
