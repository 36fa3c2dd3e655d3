"""Sending one outbox item to the site, by kind, and what the site gave back.

New blogs and comments are written once per call. Votes, bookmarks, edits and
deletions are desired states: each first reads what the site holds now and
writes only what moves it there, so running one again (after a lost answer)
never undoes or doubles it. A deletion the site has already carried out (the
comment is gone, or the site answers that it cannot find it) is done.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import NamedTuple

from pleio_tui.api import (
    AlreadyDoneError,
    NotFoundError,
    PleioClient,
    RemoteError,
    default_access_id_for,
)
from pleio_tui.models import AccessId, Blog, Comment, OutboxItem, OutboxKind, Site
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.matching import same_body, same_title, site_tiptap
from pleio_tui.sync.notifications import settle_read_mark

BeforeWrite = Callable[[], Awaitable[None]]
"""Called right before each write leaves: marks the item SENDING."""

MAX_VOTE_STEPS = 4
"""Reaching any vote from any other takes at most: a probe answered
`already_voted`, a take-back, a vote."""


@dataclass(frozen=True, slots=True)
class Delivered:
    """The site has the item: the guid (and, for a blog, the url) it answered with."""

    guid: str | None
    url: str | None = None
    blog: Blog | None = None
    """A new or edited blog to write into the cache."""
    comment: Comment | None = None
    """An edited comment as the site holds it now."""


async def site_settings(client: PleioClient, store: Store, count: RequestCounter) -> Site:
    """The site's settings from the cache, fetched once when the cache has none."""
    site = store.load_site()
    if site is None:
        site = await count(client.site())
        store.save_site(site)
    return site


class NewItemAccess(NamedTuple):
    """Pleio's access ids for something new: who may read it, who may edit it."""

    read: int
    write: int


async def new_item_access(
    client: PleioClient, store: Store, group_guid: str | None, count: RequestCounter
) -> NewItemAccess:
    """Reading follows the group's default, else the site's; editing stays with the
    author, as in Pleio's own editor (Pleio itself would hide a new item from all
    but its author)."""
    group = store.group(group_guid) if group_guid else None
    site = await site_settings(client, store, count)
    return NewItemAccess(default_access_id_for(group, site), AccessId.PRIVATE)


async def send_item(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    """Bring the item to the site; Pleio's refusals come out as exceptions."""
    match item.kind:
        case OutboxKind.BLOG:
            return await _send_blog(client, store, item, count, before_write)
        case OutboxKind.EDIT_BLOG:
            return await _settle_edit(client, item, count, before_write)
        case OutboxKind.COMMENT:
            await before_write()
            comment = await count(
                client.add_comment(
                    item.target_guid,
                    site_tiptap(item.body, client.site_url),
                    blog_guid=item.thread_guid,
                )
            )
            return Delivered(comment.guid)
        case OutboxKind.VOTE:
            return await _settle_vote(client, store, item, count, before_write)
        case OutboxKind.BOOKMARK:
            return await _settle_bookmark(client, store, item, count, before_write)
        case OutboxKind.EDIT_COMMENT:
            return await _settle_comment_edit(client, item, count, before_write)
        case OutboxKind.DELETE_COMMENT:
            return await _settle_comment_delete(client, item, count, before_write)
        case OutboxKind.NOTIFICATION_READ:
            return Delivered(await settle_read_mark(client, item, count, before_write))
    # content_delivery imports this module: an import circle at the top
    from pleio_tui.sync.content_delivery import CONTENT_OUTBOX_KINDS, send_content_item

    if item.kind in CONTENT_OUTBOX_KINDS:
        return await send_content_item(client, store, item, count, before_write)
    raise ValueError(f"unknown outbox kind: {item.kind!r}")


async def _send_blog(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    group_guid = item.target_guid or None
    access = await new_item_access(client, store, group_guid, count)
    await before_write()
    blog = await count(
        client.add_blog(
            group_guid,
            item.title.strip(),
            site_tiptap(item.body, client.site_url),
            access_id=access.read,
            write_access_id=access.write,
        )
    )
    # A new blog has no comments yet: cache it with an (empty) thread.
    return Delivered(blog.guid, blog.url, blog._replace(comments=()))


def edit_is_on_site(item: OutboxItem, blog: Blog, site_url: str) -> bool:
    title_done = not item.title.strip() or same_title(blog.title, item.title.strip())
    body_done = not item.body.strip() or same_body(
        item.body, blog.rich_description, blog.description, site_url
    )
    tags_done = item.tags is None or list(blog.tags) == list(item.tags)
    return title_done and body_done and tags_done


async def _settle_edit(
    client: PleioClient, item: OutboxItem, count: RequestCounter, before_write: BeforeWrite
) -> Delivered:
    current = await count(client.blog(item.target_guid))
    if current is None:
        raise NotFoundError("could_not_find", "the blog is gone")
    if edit_is_on_site(item, current, client.site_url):
        return Delivered(current.guid, current.url, current)
    await before_write()
    blog = await count(
        client.edit_blog(
            item.target_guid,
            title=item.title.strip() or None,
            rich_description=(
                site_tiptap(item.body, client.site_url) if item.body.strip() else None
            ),
            tags=item.tags,
        )
    )
    return Delivered(blog.guid, blog.url, blog)


class _Absent:
    """The blog's thread was read and the comment is not in it."""


ABSENT = _Absent()


async def comment_on_site(
    client: PleioClient, item: OutboxItem, count: RequestCounter
) -> Comment | _Absent | None:
    """The comment or reply the item acts on, read through its blog's thread (Pleio
    does not look a comment up by its guid): ABSENT when the thread was read
    without it, None when the thread itself cannot be read (the blog is gone or
    closed to the user: whether the comment is there cannot be told)."""
    thread = item.thread_guid
    if thread is None:
        return None
    comments = await count(client.comments_under(thread))
    if comments is None:
        return None
    for comment in comments:
        for candidate in (comment, *comment.replies):
            if candidate.guid == item.target_guid:
                return candidate
    return ABSENT


async def _settle_comment_edit(
    client: PleioClient, item: OutboxItem, count: RequestCounter, before_write: BeforeWrite
) -> Delivered:
    current = await comment_on_site(client, item, count)
    if not isinstance(current, Comment):
        raise NotFoundError("could_not_find", "the comment is gone")
    if same_body(item.body, current.rich_description, current.description, client.site_url):
        return Delivered(current.guid, comment=current)
    await before_write()
    edited = await count(
        client.edit_comment(
            item.target_guid,
            site_tiptap(item.body, client.site_url),
            blog_guid=current.blog_guid,
            parent_guid=current.parent_guid,
        )
    )
    return Delivered(edited.guid, comment=edited)


async def _settle_comment_delete(
    client: PleioClient, item: OutboxItem, count: RequestCounter, before_write: BeforeWrite
) -> Delivered:
    if await comment_on_site(client, item, count) is ABSENT:
        return Delivered(item.target_guid)  # already gone (an earlier try, or its comment's)
    await before_write()
    # Gone meanwhile, Pleio answers that it cannot find it: done as well.
    with suppress(NotFoundError):
        await count(client.delete_entity(item.target_guid))
    return Delivered(item.target_guid)


async def _settle_bookmark(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    wanted = item.score == 1
    state = await count(client.reaction_state(item.target_guid))
    if state is None:
        raise NotFoundError("could_not_find", "the blog is gone")
    if state.is_bookmarked != wanted:
        await before_write()
        await count(client.bookmark(item.target_guid, is_adding=wanted))
    store.set_bookmarked(item.target_guid, wanted)
    return Delivered(item.target_guid)


async def _has_voted(client: PleioClient, item: OutboxItem, count: RequestCounter) -> bool:
    """Whether the user has a vote on the item now. A comment is read through its
    blog's thread: Pleio does not look a comment up by its guid."""
    thread = item.thread_guid
    if thread is None or thread == item.target_guid:
        state = await count(client.reaction_state(item.target_guid))
        if state is None:
            raise NotFoundError("could_not_find", "the blog is gone")
        return state.has_voted
    comment = await comment_on_site(client, item, count)
    if not isinstance(comment, Comment):
        raise NotFoundError("could_not_find", "the comment is gone")
    return comment.has_voted


async def _settle_vote(
    client: PleioClient,
    store: Store,
    item: OutboxItem,
    count: RequestCounter,
    before_write: BeforeWrite,
) -> Delivered:
    """Move the user's vote to `item.score` (+1, -1, 0 for none).

    Pleio says whether there is a vote, not its direction, and takes the opposite
    vote as taking it back. So: no vote and none wanted is done; a vote wanted
    where there is none is sent; where there is a vote, the wanted one is sent as
    a probe (`already_voted` confirms it, else it took the other one back and the
    next round votes). Taking back sends the opposite of the recorded direction;
    `already_voted` there reveals the direction and the next round takes it back.
    """
    desired = max(-1, min(1, item.score))
    guid = item.target_guid
    for _ in range(MAX_VOTE_STEPS):
        has_voted = await _has_voted(client, item, count)
        if not has_voted:
            store.record_own_vote(guid, 0)
            if desired == 0:
                return Delivered(guid)
            step = desired
        elif desired != 0:
            step = desired
        else:
            step = -(store.own_vote(guid) or -1)  # unknown direction: try +1
        await before_write()
        try:
            state = await count(client.vote(guid, step))
        except AlreadyDoneError:
            store.record_own_vote(guid, step)
            if step == desired:
                return Delivered(guid)
            continue
        now = step if state.has_voted else 0
        store.record_own_vote(guid, now)
        if now == desired:
            return Delivered(guid)
    # Someone else keeps changing it: not a Pleio answer, so it is tried again later.
    raise RemoteError("vote_did_not_settle", "the vote changed while it was sent")
