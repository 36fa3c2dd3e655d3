"""The user's notifications: reading them and marking them read on the site."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from pleio_tui.api import queries
from pleio_tui.api.answers import object_at, reading_answer
from pleio_tui.api.parse import MalformedData, is_guid, optional_guid, parse_datetime, parse_user
from pleio_tui.api.transport import GraphQLTransport
from pleio_tui.models import Notification

_ITEM_IN_URL = re.compile(r"/view/([^/?#]+)")
"""Pleio's item urls end in `/<type>/view/<guid>/<slug>` (under a group's own
`/groups/view/...` part): the last `view` names the item."""


OPENED_AS_ITEMS = frozenset(
    {"Blog", "Discussion", "Question", "News", "Event", "Wiki", "StatusUpdate", "File"}
)
"""Entities the app opens in the post pane: a notification about one opens it."""


class NotificationPage(NamedTuple):
    total: int
    total_unread: int
    items: tuple[Notification, ...]


def item_guid_from_url(url: str) -> str | None:
    """The guid the url names; None when it names none, or something that is no guid."""
    found = _ITEM_IN_URL.findall(url or "")
    return found[-1] if found and is_guid(found[-1]) else None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def parse_notification(data: dict[str, Any]) -> Notification:
    raw_id = data.get("id")
    if not isinstance(raw_id, int) or isinstance(raw_id, bool):
        raise MalformedData("a notification without an id")
    time_created = parse_datetime(data.get("timeCreated"))
    if time_created is None:
        raise MalformedData("a notification without a time")
    entity = data.get("entity") if isinstance(data.get("entity"), dict) else {}
    container = data.get("container") if isinstance(data.get("container"), dict) else {}
    kind = _text(entity.get("__typename")) or None
    entity_guid = optional_guid(entity.get("guid"))
    item = entity_guid if kind in OPENED_AS_ITEMS else item_guid_from_url(_text(entity.get("url")))
    return Notification(
        id=raw_id,
        action=_text(data.get("action")),
        time_created=time_created,
        is_unread=data.get("isUnread") is True,
        performer=parse_user(data.get("performer")),
        entity_guid=entity_guid,
        entity_type=kind,
        item_guid=item if kind in OPENED_AS_ITEMS or kind == "Comment" else None,
        title=_text(entity.get("title")) or _text(entity.get("name")),
        excerpt=_text(entity.get("description")) if kind == "Comment" else "",
        container_guid=optional_guid(container.get("guid")),
        container_name=_text(container.get("name")) or None,
    )


def parse_notification_page(data: Any) -> NotificationPage:
    if not isinstance(data, dict):
        raise MalformedData("no notifications in the answer")
    edges = data.get("edges") or []
    return NotificationPage(
        total=int(data.get("total") or 0),
        total_unread=int(data.get("totalUnread") or 0),
        items=tuple(parse_notification(edge) for edge in edges if isinstance(edge, dict)),
    )


class NotificationCalls:
    """Mixed into PleioClient."""

    _transport: GraphQLTransport

    async def notifications(
        self, offset: int = 0, limit: int = 50, unread: bool | None = None
    ) -> NotificationPage:
        """A page of the user's notifications, newest first, with the unread count."""
        variables = {"offset": offset, "limit": limit, "unread": unread}
        data = await self._transport.query(queries.NOTIFICATIONS, variables, "Notifications")
        with reading_answer():
            return parse_notification_page(data.get("notifications"))

    async def mark_notification_read(self, notification_id: int) -> None:
        """Read on the site; `could_not_find` (NotFoundError) when it is gone."""
        variables = {"input": {"id": notification_id}}
        data = await self._transport.mutate(queries.MARK_NOTIFICATION_READ, variables, "MarkAsRead")
        with reading_answer():
            object_at(data, "markAsRead")

    async def mark_all_notifications_read(self) -> None:
        data = await self._transport.mutate(
            queries.MARK_ALL_NOTIFICATIONS_READ, {"input": {}}, "MarkAllAsRead"
        )
        with reading_answer():
            object_at(data, "markAllAsRead")
