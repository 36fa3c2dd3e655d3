"""Finding on the site an outbox item that may have been sent before (the
program died, or the answer was lost), so that it is never sent twice."""

from __future__ import annotations

from pleio_tui.api import PleioClient
from pleio_tui.models import Blog, Comment, OutboxItem, OutboxKind, User
from pleio_tui.richtext import markdown_to_tiptap, tiptap_to_plain_text
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.delivery import Delivered

LOOKUP_PAGES = 2
LOOKUP_PAGE_SIZE = 20


def _words(text: str) -> str:
    return " ".join(text.split())


def _same_body(markdown: str, rich_description: str | None, description: str) -> bool:
    """The site keeps the Tiptap we sent as it is, and derives its plain text
    from it; either one matching ours is the same body."""
    tiptap = markdown_to_tiptap(markdown)
    if rich_description == tiptap:
        return True
    return _words(description) == _words(tiptap_to_plain_text(tiptap))


def _by(owner: User | None, viewer_guid: str) -> bool:
    return owner is not None and owner.guid == viewer_guid


def _is_our_blog(blog: Blog, item: OutboxItem, viewer_guid: str) -> bool:
    return (
        _by(blog.owner, viewer_guid)
        and _words(blog.title) == _words(item.title)
        and _same_body(item.body, blog.rich_description, blog.description)
    )


def _is_our_comment(comment: Comment, item: OutboxItem, viewer_guid: str) -> bool:
    return _by(comment.owner, viewer_guid) and _same_body(
        item.body, comment.rich_description, comment.description
    )


async def find_on_site(
    client: PleioClient, item: OutboxItem, viewer_guid: str, count: RequestCounter
) -> Delivered | None:
    """The site's copy of a blog or comment this item created, or None.

    Edits, votes and bookmarks are not looked up: sending them again leaves the
    site as one sending would (the same vote twice is `already_voted`).
    """
    if item.kind == OutboxKind.BLOG:
        return await _find_blog(client, item, viewer_guid, count)
    if item.kind == OutboxKind.COMMENT:
        comments = await count(client.comments_under(item.target_guid)) or ()
        for comment in comments:
            if _is_our_comment(comment, item, viewer_guid):
                return Delivered(comment.guid)
    return None


async def _find_blog(
    client: PleioClient, item: OutboxItem, viewer_guid: str, count: RequestCounter
) -> Delivered | None:
    """Among the newest blogs of the group (or site): a new post is near the top."""
    for page_number in range(LOOKUP_PAGES):
        page = await count(
            client.blogs(
                item.target_guid or None,
                offset=page_number * LOOKUP_PAGE_SIZE,
                limit=LOOKUP_PAGE_SIZE,
                order_by="timeCreated",
                order_direction="desc",
                with_body=True,
            )
        )
        for blog in page.items:
            if _is_our_blog(blog, item, viewer_guid):
                return Delivered(blog.guid, blog.url, blog)
        if (page_number + 1) * LOOKUP_PAGE_SIZE >= page.total:
            break
    return None
