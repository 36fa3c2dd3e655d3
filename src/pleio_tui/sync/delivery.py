"""Sending one outbox item to the site, by kind, and what the site gave back."""

from __future__ import annotations

from dataclasses import dataclass

from pleio_tui.api import PleioClient, default_access_id_for
from pleio_tui.models import AccessId, Blog, OutboxItem, OutboxKind, Site
from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter


@dataclass(frozen=True, slots=True)
class Delivered:
    """The site has the item: the guid (and, for a blog, the url) it answered with."""

    guid: str | None
    url: str | None = None
    blog: Blog | None = None
    """A new or edited blog to write into the cache."""


async def site_settings(client: PleioClient, store: Store, count: RequestCounter) -> Site:
    """The site's settings from the cache, fetched once when the cache has none."""
    site = store.load_site()
    if site is None:
        site = await count(client.site())
        store.save_site(site)
    return site


async def send_item(
    client: PleioClient, store: Store, item: OutboxItem, count: RequestCounter
) -> Delivered:
    """Hand the item to the site once; Pleio's refusals come out as exceptions."""
    match item.kind:
        case OutboxKind.BLOG:
            return await _send_blog(client, store, item, count)
        case OutboxKind.EDIT_BLOG:
            blog = await count(
                client.edit_blog(
                    item.target_guid,
                    title=item.title.strip() or None,
                    rich_description=markdown_to_tiptap(item.body) if item.body.strip() else None,
                )
            )
            return Delivered(blog.guid, blog.url, blog)
        case OutboxKind.COMMENT:
            comment = await count(
                client.add_comment(item.target_guid, markdown_to_tiptap(item.body))
            )
            return Delivered(comment.guid)
        case OutboxKind.VOTE:
            await count(client.vote(item.target_guid, item.score))
            return Delivered(item.target_guid)
        case OutboxKind.BOOKMARK:
            marked = await count(client.bookmark(item.target_guid, is_adding=item.score == 1))
            store.set_bookmarked(item.target_guid, marked)
            return Delivered(item.target_guid)
    raise ValueError(f"unknown outbox kind: {item.kind!r}")


async def _send_blog(
    client: PleioClient, store: Store, item: OutboxItem, count: RequestCounter
) -> Delivered:
    group_guid = item.target_guid or None
    group = store.group(group_guid) if group_guid else None
    site = await site_settings(client, store, count)
    blog = await count(
        client.add_blog(
            group_guid,
            item.title.strip(),
            markdown_to_tiptap(item.body),
            access_id=default_access_id_for(group, site),
            # Read access follows the group or site; editing stays with the author,
            # as in Pleio's own editor.
            write_access_id=AccessId.PRIVATE,
        )
    )
    # A new blog has no comments yet: cache it with an (empty) thread.
    return Delivered(blog.guid, blog.url, blog._replace(comments=()))
