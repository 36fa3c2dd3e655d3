"""Comments still in the outbox, shown in their thread at once and marked as
waiting, until the site has them (then the site's own comment takes their place);
likewise a comment's edit (its new text) and its deletion, still unsent."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from pleio_tui.models import Blog, Comment, OutboxItem, OutboxKind, OutboxState, User

WAITING_PREFIX = "outbox:"
"""The guid of a waiting comment: the outbox item's id after this prefix."""

_UNSENT = (OutboxState.PENDING, OutboxState.SENDING)
_CHANGES = (OutboxKind.EDIT_COMMENT, OutboxKind.DELETE_COMMENT)


def is_waiting(comment: Comment) -> bool:
    return comment.guid.startswith(WAITING_PREFIX)


def with_waiting_comments(blog: Blog, items: Sequence[OutboxItem], author: User | None) -> Blog:
    """`blog` with the unsent comments and replies of `items` in its thread: a
    comment first (the thread is newest first), a reply last under its comment."""
    from pleio_tui.richtext import markdown_to_tiptap  # markdown-it, 25 ms: only with waiting items

    top_level: list[Comment] = []
    replies: dict[str, list[Comment]] = {}
    known = {comment.guid for comment in blog.comments or ()}
    for item in items:
        if item.kind != OutboxKind.COMMENT or item.state not in _UNSENT:
            continue
        if item.target_guid != blog.guid and item.target_guid not in known:
            continue
        comment = Comment(
            guid=f"{WAITING_PREFIX}{item.id}",
            blog_guid=blog.guid,
            parent_guid=item.target_guid,
            rich_description=markdown_to_tiptap(item.body),
            description=item.body,
            time_created=item.created_at or datetime.now(UTC),
            owner=author,
        )
        if item.target_guid == blog.guid:
            top_level.append(comment)
        else:
            replies.setdefault(item.target_guid, []).append(comment)
    changes = _unsent_changes(items)
    if not top_level and not replies and not changes:
        return blog
    thread = [
        _changed(comment, changes)._replace(
            replies=(
                *(_changed(reply, changes) for reply in comment.replies),
                *replies.get(comment.guid, ()),
            )
        )
        for comment in blog.comments or ()
    ]
    return blog._replace(comments=(*reversed(top_level), *thread))


def _unsent_changes(items: Sequence[OutboxItem]) -> dict[str, OutboxItem]:
    """The latest unsent edit or deletion of each comment."""
    changes: dict[str, OutboxItem] = {}
    for item in items:
        if item.kind in _CHANGES and item.state in _UNSENT:
            changes[item.target_guid] = item
    return changes


def _changed(comment: Comment, changes: dict[str, OutboxItem]) -> Comment:
    item = changes.get(comment.guid)
    if item is None:
        return comment
    if item.kind == OutboxKind.DELETE_COMMENT:
        return comment._replace(waiting="delete")
    from pleio_tui.richtext import markdown_to_tiptap  # markdown-it, 25 ms

    return comment._replace(
        waiting="edit", rich_description=markdown_to_tiptap(item.body), description=item.body
    )
