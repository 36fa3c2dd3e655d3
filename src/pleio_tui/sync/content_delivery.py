"""Sending the outbox items of the kinds beside blogs, and finding them on the
site when their answer was lost.

A new discussion, question or status update is written once per call and looked
up (by me, in its group, with its title and text, created at or after the first
attempt) before it is ever sent again. The best answer and an event's answer are
desired states: each first reads what the site holds and writes only what moves
it there, so a second run neither undoes nor doubles it.
"""

from __future__ import annotations

from pleio_tui.api import NotFoundError, PleioClient, RemoteError
from pleio_tui.models import Blog, OutboxItem, OutboxKind
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.delivery import BeforeWrite, Delivered, new_item_access
from pleio_tui.sync.lookup import LOOKUP_PAGE_SIZE, since
from pleio_tui.sync.matching import same_body, same_title, site_tiptap

CREATED_CONTENT_KINDS = (OutboxKind.DISCUSSION, OutboxKind.QUESTION, OutboxKind.STATUS_UPDATE)
"""Kinds that make something new on the site: looked up before a second send."""
CONTENT_STATE_KINDS = (OutboxKind.BEST_ANSWER, OutboxKind.ATTEND)
CONTENT_OUTBOX_KINDS = (*CREATED_CONTENT_KINDS, *CONTENT_STATE_KINDS)
ATTENDANCE = ("accept", "maybe", "reject")
MAX_TOGGLES = 3


async def send_content_item(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    if item.kind in CREATED_CONTENT_KINDS:
        return await _send_new(client, store, item, count, before_write)
    if item.kind == OutboxKind.BEST_ANSWER:
        return await _settle_best_answer(client, store, item, count, before_write)
    if item.kind == OutboxKind.ATTEND:
        return await _settle_attendance(client, store, item, count, before_write)
    raise ValueError(f"not a kind of content: {item.kind!r}")


async def _send_new(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    group_guid = item.target_guid or None
    access = await new_item_access(client, store, group_guid, count)
    fields: dict[str, object] = {
        "subtype": item.kind.value,
        "richDescription": site_tiptap(item.body, client.site_url),
        "containerGuid": group_guid,
        "accessId": access.read,
        "writeAccessId": access.write,
    }
    if item.kind != OutboxKind.STATUS_UPDATE:
        fields["title"] = item.title.strip()
    await before_write()
    made = await count(client.add_content(fields))
    # Nothing hangs under it yet: cache it with an (empty) thread.
    return Delivered(made.guid, made.url, made._replace(comments=()))


async def _settle_best_answer(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    """`target_guid` the answer, `thread_guid` its question, `score` 1 to make it
    the best answer, 0 to make it not (Pleio's toggle flips whatever is there)."""
    question = item.thread_guid or ""
    wanted = item.score == 1
    for _ in range(MAX_TOGGLES):
        best = await count(client.best_answer(question))
        if best is False:
            raise NotFoundError("could_not_find", "the question is gone")
        if (best == item.target_guid) == wanted:
            store.set_best_answer(question, best if isinstance(best, str) else None)
            return Delivered(item.target_guid)
        await before_write()
        now = await count(client.toggle_best_answer(item.target_guid))
        if (now == item.target_guid) == wanted:
            store.set_best_answer(question, now)
            return Delivered(item.target_guid)
    raise RemoteError("best_answer_did_not_settle", "the best answer changed while it was sent")


async def _settle_attendance(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    """`title` the answer wanted: "accept", "maybe", "reject" ("" for none)."""
    wanted = item.title if item.title in ATTENDANCE else None
    state = await count(client.attendance(item.target_guid))
    if state is False:
        raise NotFoundError("could_not_find", "the event is gone")
    if state != wanted:
        await before_write()
        state = await count(client.attend_event(item.target_guid, wanted))
    store.set_attendance(item.target_guid, state if isinstance(state, str) else None)
    return Delivered(item.target_guid)


def _is_ours(blog: Blog, item: OutboxItem, author_guid: str, site_url: str) -> bool:
    earliest = since(item)
    title_matches = item.kind == OutboxKind.STATUS_UPDATE or same_title(blog.title, item.title)
    return (
        blog.owner is not None
        and blog.owner.guid == author_guid
        and blog.subtype == item.kind.value
        and (blog.group_guid or "") == item.target_guid
        and (blog.time_created is None or earliest is None or blog.time_created >= earliest)
        and title_matches
        and same_body(item.body, blog.rich_description, blog.description, site_url)
    )


async def find_content_on_site(
    client: PleioClient,
    item: OutboxItem,
    author_guid: str,
    claimed: set[str],
    count: RequestCounter,
) -> Delivered | None:
    """The site's copy of a new discussion, question or status update, or None
    when it certainly has none: newest first until older than the first attempt;
    the oldest match is this item's (an older item was looked up before it)."""
    earliest = since(item)
    matches: list[Blog] = []
    offset = 0
    while True:
        page = await count(
            client.content_page(
                offset,
                LOOKUP_PAGE_SIZE,
                "timeCreated",
                "desc",
                subtypes=(item.kind.value,),
                container_guid=item.target_guid or None,
            )
        )
        matches.extend(
            found
            for found in page.items
            if found.guid not in claimed and _is_ours(found, item, author_guid, client.site_url)
        )
        if not page.items or offset + len(page.items) >= page.total:
            break
        oldest = page.items[-1].time_created
        if earliest is not None and oldest is not None and oldest < earliest:
            break
        # Overlapping pages: a deletion meanwhile moves every older item up a place.
        offset += max(1, len(page.items) - 5)
    if not matches:
        return None
    found = min(matches, key=lambda m: (m.time_created is None, m.time_created))
    return Delivered(found.guid, found.url, found)
