"""Editing one's own blog: its title, body and tags together, on the screen a new
blog is written on, from the draft of an earlier edit if one is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pleio_tui.models import Blog
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.store import StoreError

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost
    from pleio_tui.tui.screens.new_post import NewPost, NewPostScreen


def post_edit_screen(
    host: AppHost, blog: Blog, send: Callable[[NewPost], bool]
) -> NewPostScreen | None:
    """The edit screen for `blog`, with the kept draft of an edit or the blog as the
    cache holds it; None (said why) when the cache cannot be read."""
    from pleio_tui.richtext import body_to_markdown  # the converters: 67 ms
    from pleio_tui.tui.screens.new_post import NewPostScreen  # 33 ms

    key = f"edit:{blog.guid}"
    try:
        draft = host.store.load_draft(key) if host.store is not None else None
    except StoreError as exc:
        host.report(exc)
        return None
    title, body = (draft.title, draft.body) if draft else ("", "")
    title, body = host.storage.kept_draft(key) or (title, body)
    # The boxes show what they hold as it is: Input lets escapes through to the terminal.
    tags = tuple(tag for tag in map(terminal_safe_line, blog.tags) if tag)
    return NewPostScreen(
        blog.group_guid or "",
        blog.group_name or "",
        host.strings,
        # A draft of the comment composer's edits held the body alone.
        title=terminal_safe_line(title or blog.title),
        body=body or body_to_markdown(blog.rich_description, blog.description),
        keymap=host.keys,
        send=send,
        edit_of=blog.guid,
        tags=tags,
    )
