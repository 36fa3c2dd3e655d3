"""Notifications in: the newest page of them, with the site's unread count, for
reading offline; and read marks out, as desired states the outbox settles."""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from pleio_tui.api import NotFoundError
from pleio_tui.store.notifications import ALL_PREFIX

if TYPE_CHECKING:  # the client pulls in httpx: imported by whoever makes one
    from pleio_tui.api import PleioClient
    from pleio_tui.models import OutboxItem
    from pleio_tui.store import Store
    from pleio_tui.sync.counting import RequestCounter

NOTIFICATION_PAGE = 100
"""The newest notifications kept; older ones only count in the unread total."""
_UNREAD_PAGE = 100

BeforeWrite = Callable[[], Awaitable[None]]


async def sync_notifications(client: PleioClient, store: Store, count: RequestCounter) -> int:
    """Fetch the newest notifications into the cache; returns how many unread
    ones the cache did not hold before (for a notice)."""
    known = store.notification_ids()
    page = await count(client.notifications(0, NOTIFICATION_PAGE))
    store.replace_notifications(page.items, page.total_unread)
    return sum(1 for n in page.items if n.is_unread and n.id not in known)


async def settle_read_mark(
    client: PleioClient, item: OutboxItem, count: RequestCounter, before_write: BeforeWrite
) -> str:
    """Make the site hold the item's notifications as read: one by id, or every
    one up to an id. The site's unread ones are read first and only those are
    marked, so a lost answer is settled by running it again; one gone from the
    site meanwhile needs nothing."""
    target = item.target_guid
    everything = target.startswith(ALL_PREFIX)
    up_to = int(target[len(ALL_PREFIX) :] if everything else target)
    unread = await _unread_ids(client, count)
    wanted = sorted(i for i in unread if (i <= up_to if everything else i == up_to))
    if not wanted:
        return target
    await before_write()
    if everything and max(unread) <= up_to:
        await count(client.mark_all_notifications_read())
        return target
    for notification_id in wanted:
        with contextlib.suppress(NotFoundError):
            await count(client.mark_notification_read(notification_id))
    return target


async def _unread_ids(client: PleioClient, count: RequestCounter) -> list[int]:
    ids: list[int] = []
    offset = 0
    while True:
        page = await count(client.notifications(offset, _UNREAD_PAGE, unread=True))
        ids += [n.id for n in page.items]
        offset += _UNREAD_PAGE
        if not page.items or offset >= page.total:
            return ids
