"""Telling whether the cache already holds a blog as the site has it now."""

from __future__ import annotations

from collections.abc import Iterable

from pleio_tui.api.changes import ChangeMark
from pleio_tui.models import Blog, Comment
from pleio_tui.store import Store
from pleio_tui.store.blogs import BlogFreshness


def is_cached(store: Store, guid: str) -> bool:
    # last_action is set on every save, so it is None only for a blog never saved.
    return store.last_action(guid) is not None


def differs(cached: BlogFreshness | None, listed: Blog | ChangeMark) -> bool:
    """Whether a blog from a listing (or its change mark) differs from the cache:
    new, edited (its `timeUpdated` moved) or commented on (its `commentCount`
    changed), cached without its thread, or cached as archived (listings hold no
    archived blogs)."""
    return (
        cached is None
        or not cached.comments_fetched
        or cached.archived
        or cached.time_updated != listed.time_updated
        or cached.comment_count != listed.comment_count
    )


def stale_guids(store: Store, listed: Iterable[Blog | ChangeMark]) -> set[str]:
    """The blogs (or items of other kinds) of a listing that differ from the
    cache, in one query."""
    blogs = list(listed)
    cached = store.blog_freshness(blog.guid for blog in blogs)
    return {blog.guid for blog in blogs if differs(cached.get(blog.guid), blog)}


def thread_size(comments: tuple[Comment, ...] | None) -> int:
    """Comments and replies in a thread."""
    return sum(1 + thread_size(comment.replies) for comment in comments or ())
