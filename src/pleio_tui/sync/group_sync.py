"""The groups into the cache: in full when the sync's first answer carries them
(the first sync, then daily), else only when their marks (name, the user's
membership and role) differ from the cache's or there are more than one page."""

from __future__ import annotations

from pleio_tui.api import PleioClient
from pleio_tui.api.changes import Changes
from pleio_tui.models import Group
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter

GROUP_PAGE_SIZE = 100


def _all_same(store: Store, marks: tuple[Group, ...], total: int) -> bool:
    if total > len(marks):
        return False
    cached = store.group_marks(mark.guid for mark in marks)
    return all(
        cached.get(mark.guid) == (mark.name, mark.membership, mark.member_role) for mark in marks
    )


async def sync_groups(
    client: PleioClient, store: Store, count: RequestCounter, changes: Changes
) -> tuple[int, bool]:
    """How many groups the site listed, and whether any was saved."""
    page, offset, saved = changes.groups, 0, False
    marks = changes.group_marks
    if page is None:
        if marks is not None and _all_same(store, marks.items, marks.total):
            return len(marks.items), False
        page = await count(client.groups(offset=0, limit=GROUP_PAGE_SIZE))
    while True:
        changed = [group for group in page.items if store.group(group.guid) != group]
        if changed:
            store.upsert_groups(changed)
            saved = True
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return offset, saved
        page = await count(client.groups(offset=offset, limit=GROUP_PAGE_SIZE))
