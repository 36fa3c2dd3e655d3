"""Finding on the site a blog or comment an outbox item may have created before
(the program died, or the answer was lost), so that it is never sent twice and
never taken for something else.

A match is by the item's author (the account that queued it, which is the one
logged in: other accounts' items are not looked up), in the item's container,
with the item's text, created at or after the item's first send attempt by the
site's own clock (see `since`), and not already matched to another item. A
colleague's identical comment, my own identical older comment and last week's
post with the same title are therefore never taken for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import TypeVar

from pleio_tui.api import PleioClient
from pleio_tui.models import Blog, Comment, OutboxItem, OutboxKind, User
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.delivery import Delivered
from pleio_tui.sync.matching import same_body, same_title

Found = TypeVar("Found", Blog, Comment)

LOOKUP_PAGE_SIZE = 20
LOOKUP_PAGE_OVERLAP = 5
"""Blogs deleted on the site while a lookup pages back that it still finds
what it is looking for (see `_step`)."""
SITE_CLOCK_MARGIN = timedelta(seconds=2)
"""The first attempt's time comes from the site's `Date` header (whole seconds,
rounded down, so never later than the site's clock); the margin covers a front
server whose clock is a little off from the one that stamps `timeCreated`."""
CLIENT_CLOCK_MARGIN = timedelta(minutes=5)
"""When the site's clock was not known (an item queued by an older version, a
site that sends no `Date`), the time on this machine is taken with this margin
for a clock that runs ahead of the site's."""


class ThreadUnknownError(LookupError):
    """A reply whose blog is not known: Pleio finds comments only through their
    blog's thread, so whether the site has it cannot be told (not the site's
    error: the item waits, unconfirmed)."""


def since(item: OutboxItem) -> datetime | None:
    """The earliest site time the item can have been created at."""
    if item.first_sent_at is not None:
        return item.first_sent_at - SITE_CLOCK_MARGIN
    if item.created_at is not None:
        return item.created_at - CLIENT_CLOCK_MARGIN
    return None


def _by(owner: User | None, author_guid: str) -> bool:
    return owner is not None and owner.guid == author_guid


def _new_enough(created: datetime | None, earliest: datetime | None) -> bool:
    return created is None or earliest is None or created >= earliest


def _is_our_blog(
    blog: Blog, item: OutboxItem, author_guid: str, earliest: datetime | None, site_url: str
) -> bool:
    return (
        _by(blog.owner, author_guid)
        and (blog.group_guid or "") == item.target_guid
        and _new_enough(blog.time_created, earliest)
        and same_title(blog.title, item.title)
        and same_body(item.body, blog.rich_description, blog.description, site_url)
    )


def _is_our_comment(
    comment: Comment,
    item: OutboxItem,
    author_guid: str,
    earliest: datetime | None,
    site_url: str,
) -> bool:
    return (
        _by(comment.owner, author_guid)
        and _new_enough(comment.time_created, earliest)
        and same_body(item.body, comment.rich_description, comment.description, site_url)
    )


def _step(page: Sequence[Blog]) -> int:
    """Where the next page starts, counted from this one's start. Pages overlap:
    a blog deleted meanwhile moves every older one up a place, and blogs made
    at the same time may come in any order on each request; either way the
    first of the next page could slip past the lookup, and the item would be
    sent again. So the blogs as old as the oldest here are read again, and
    `LOOKUP_PAGE_OVERLAP` before them."""
    oldest = page[-1].time_created
    newer = sum(
        1
        for blog in page
        if oldest is None or blog.time_created is None or blog.time_created > oldest
    )
    return max(1, newer - LOOKUP_PAGE_OVERLAP)


def _oldest(matches: Iterable[Found]) -> Found | None:
    """The earliest created of several matches. Items are looked up oldest first
    and an item cannot have been created before an older one, so the oldest match
    is this item's; taking a newer one (the site lists newest first) would leave
    that one's own item no match, and send it again."""
    listed = list(matches)
    dated = [match for match in listed if match.time_created is not None]
    if dated:
        return min(dated, key=lambda match: match.time_created or datetime.min)
    return listed[0] if listed else None


async def find_on_site(
    client: PleioClient,
    item: OutboxItem,
    author_guid: str,
    claimed: set[str],
    count: RequestCounter,
) -> Delivered | None:
    """The site's copy of the blog or comment this item created, or None when the
    site certainly has none. `author_guid`: the item's author, whose writing alone
    can be it. `claimed`: remote guids other items were matched to.
    Raises PleioError when the site cannot tell now."""
    if item.author_guid is not None and item.author_guid != author_guid:
        raise ValueError(f"outbox item {item.id} was written by another account")
    if item.kind == OutboxKind.BLOG:
        return await _find_blog(client, item, author_guid, claimed, count)
    if item.kind == OutboxKind.COMMENT:
        return await _find_comment(client, item, author_guid, claimed, count)
    # content_delivery imports this module: an import circle at the top
    from pleio_tui.sync.content_delivery import CREATED_CONTENT_KINDS, find_content_on_site

    if item.kind in CREATED_CONTENT_KINDS:
        return await find_content_on_site(client, item, author_guid, claimed, count)
    raise ValueError(f"{item.kind} items are not looked up: they are desired states")


async def _find_blog(
    client: PleioClient,
    item: OutboxItem,
    author_guid: str,
    claimed: set[str],
    count: RequestCounter,
) -> Delivered | None:
    """Newest first, page after page, until the blogs are older than the first
    attempt; the oldest match is the item's (see `_oldest`)."""
    earliest = since(item)
    matches: list[Blog] = []
    offset = 0
    while True:
        page = await count(
            client.blogs(
                item.target_guid or None,
                offset=offset,
                limit=LOOKUP_PAGE_SIZE,
                order_by="timeCreated",
                order_direction="desc",
                with_body=True,
            )
        )
        matches.extend(
            blog
            for blog in page.items
            if blog.guid not in claimed
            and _is_our_blog(blog, item, author_guid, earliest, client.site_url)
        )
        if not page.items or offset + len(page.items) >= page.total:
            break
        # The oldest on the page decides: a pinned old blog may head the list.
        oldest = page.items[-1].time_created
        if earliest is not None and oldest is not None and oldest < earliest:
            break
        offset += _step(page.items)
    found = _oldest(matches)
    return None if found is None else Delivered(found.guid, found.url, found)


async def _find_comment(
    client: PleioClient,
    item: OutboxItem,
    author_guid: str,
    claimed: set[str],
    count: RequestCounter,
) -> Delivered | None:
    """In the blog's thread: among its comments, or the replies of the comment
    replied to (Pleio does not look a comment up by its guid)."""
    thread = item.thread_guid
    if thread is None:
        # Queued without its blog (nor a cached parent): the target is taken for
        # the blog. Pleio answers null for a comment's guid, so a reply queued so
        # stays unconfirmed rather than being sent blind.
        thread = item.target_guid
    comments = await count(client.comments_under(thread))
    if comments is None:
        if item.thread_guid is None:
            raise ThreadUnknownError(f"the blog of outbox item {item.id} is not known")
        return None  # the blog is gone, and whatever hung under it
    if thread == item.target_guid:
        siblings: Iterable[Comment] = comments
    else:
        parent = next((c for c in comments if c.guid == item.target_guid), None)
        if parent is None:
            return None  # the comment replied to is gone: its replies went with it
        siblings = parent.replies
    earliest = since(item)
    found = _oldest(
        comment
        for comment in siblings
        if comment.guid not in claimed
        and _is_our_comment(comment, item, author_guid, earliest, client.site_url)
    )
    return None if found is None else Delivered(found.guid)
