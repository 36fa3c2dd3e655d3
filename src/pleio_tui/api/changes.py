"""The calls of `PleioClient` for an incremental sync: every question of it in
one request (`changes`), and further pages of change marks (`blog_marks`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from pleio_tui.api import queries
from pleio_tui.api.answers import object_at, reading_answer
from pleio_tui.api.content_queries import CONTENT_SUBTYPES
from pleio_tui.api.parse import (
    MalformedData,
    is_object,
    parse_datetime,
    parse_group,
    parse_guid,
    parse_page,
    parse_site,
    parse_viewer,
)
from pleio_tui.api.parse_content import is_content as _is_content
from pleio_tui.models import Group, Page, Site, Viewer

if TYPE_CHECKING:
    from pleio_tui.api.client import OrderBy
    from pleio_tui.api.transport import GraphQLTransport

CHANGE_PROBE = 2
"""Items of every kind per order in `changes`: one new comment or edit is seen
in it, and nothing more is asked when the item after it is one the cache holds
as it is. Each field of each item costs the site and the client: a small answer
is a fast one."""
GROUP_PROBE = 100


class ChangeMark(NamedTuple):
    """What tells whether the cache holds an item as the site has it now."""

    guid: str
    time_updated: datetime | None
    comment_count: int
    is_blog: bool = True
    """A blog, or an item of another kind (discussion, event, ...)."""


@dataclass(frozen=True, slots=True)
class NotificationMark:
    total: int
    total_unread: int
    newest: int | None
    newest_unread: bool

    def __str__(self) -> str:
        return f"{self.total} {self.total_unread} {self.newest} {self.newest_unread}"


@dataclass(frozen=True, slots=True)
class Changes:
    """The site now, as far as an incremental sync needs to know it."""

    viewer: Viewer
    site: Site | None
    """Asked for only `with_details`, as `groups`; else `group_marks`."""
    groups: Page[Group] | None
    group_marks: Page[Group] | None
    """Groups with their guid, name, membership and role alone."""
    newest_by_update: tuple[ChangeMark, ...]
    """The newest items of every kind by `timeUpdated`, at most the probe's number."""
    newest_by_action: tuple[ChangeMark, ...]
    """The same by `lastAction`."""
    blog_total: int | None
    """Asked for only `with_totals`."""
    content_total: int | None
    notifications: NotificationMark | None
    """Asked for only with a session."""


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def parse_mark(edge: dict[str, Any]) -> ChangeMark:
    return ChangeMark(
        parse_guid(edge.get("guid")),
        parse_datetime(edge.get("timeUpdated")),
        _count(edge.get("commentCount")),
        edge.get("__typename") == "Blog",
    )


def _is_blog(edge: Any) -> bool:
    return isinstance(edge, dict) and edge.get("__typename") == "Blog"


def _is_item(edge: Any) -> bool:
    return _is_blog(edge) or _is_content(edge)


def _marks(data: Any, keep: Any) -> tuple[ChangeMark, ...]:
    return parse_page(data, parse_mark, keep).items


def _groups(data: Any) -> Page[Group]:
    return parse_page(data, parse_group, is_object)


def _total(data: Any) -> int | None:
    return _count(data["total"]) if isinstance(data, dict) and "total" in data else None


def _notification_mark(data: Any) -> NotificationMark:
    if not isinstance(data, dict):
        raise MalformedData("no notifications in the answer")
    newest = next((edge for edge in data.get("edges") or [] if isinstance(edge, dict)), {})
    number = newest.get("id")
    return NotificationMark(
        total=_count(data.get("total")),
        total_unread=_count(data.get("totalUnread")),
        newest=number if isinstance(number, int) else None,
        newest_unread=newest.get("isUnread") is True,
    )


class ChangeCalls:
    """Mixed into PleioClient."""

    _transport: GraphQLTransport

    async def changes(
        self, *, probe: int = CHANGE_PROBE, with_totals: bool = False, with_details: bool = True
    ) -> Changes:
        """Every question of an incremental sync in one request; notifications
        only with a session (an anonymous visitor has none)."""
        with_notifications = self._transport.has_session
        variables = {
            "probe": probe,
            "everyKind": ["blog", *CONTENT_SUBTYPES],
            "subtypes": list(CONTENT_SUBTYPES),
            "groupLimit": GROUP_PROBE,
            "withTotals": with_totals,
            "withDetails": with_details,
            "withNotifications": with_notifications,
        }
        data = await self._transport.query(queries.SYNC_CHANGES, variables, "SyncChanges")
        with reading_answer():
            return Changes(
                viewer=parse_viewer(object_at(data, "viewer")),
                site=parse_site(object_at(data, "site")) if with_details else None,
                groups=_groups(data.get("groups")) if with_details else None,
                group_marks=None if with_details else _groups(data.get("groupMarks")),
                newest_by_update=_marks(data.get("newestByUpdate"), _is_item),
                newest_by_action=_marks(data.get("newestByAction"), _is_item),
                blog_total=_total(data.get("blogCount")),
                content_total=_total(data.get("contentCount")),
                notifications=(
                    _notification_mark(data.get("notifications")) if with_notifications else None
                ),
            )

    async def blog_marks(
        self, offset: int, limit: int, order_by: OrderBy
    ) -> tuple[ChangeMark, ...]:
        """A page of change marks of every readable blog, newest first by `order_by`."""
        variables = {"offset": offset, "limit": limit, "orderBy": order_by}
        data = await self._transport.query(queries.BLOG_MARKS, variables, "BlogMarks")
        with reading_answer():
            return _marks(data.get("entities"), _is_blog)
