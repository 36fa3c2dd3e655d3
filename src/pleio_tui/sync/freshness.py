"""Telling whether the cache already holds a blog as the site has it now."""

from __future__ import annotations

from pleio_tui.models import Blog, Comment
from pleio_tui.store import Store


def is_cached(store: Store, guid: str) -> bool:
    # last_action is set on every save, so it is None only for a blog never saved.
    return store.last_action(guid) is not None


def is_stale(store: Store, listed: Blog) -> bool:
    """Whether a blog from a listing differs from the cache: new, edited (its
    `timeUpdated` moved) or commented on (its `commentCount` changed), or cached
    without its thread."""
    cached = store.blog(listed.guid)
    return (
        cached is None
        or cached.comments is None
        or cached.time_updated != listed.time_updated
        or cached.comment_count != listed.comment_count
    )


def thread_size(comments: tuple[Comment, ...] | None) -> int:
    """Comments and replies in a thread."""
    return sum(1 + thread_size(comment.replies) for comment in comments or ())
