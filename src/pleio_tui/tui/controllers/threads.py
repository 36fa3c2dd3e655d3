"""Acting on the comment under the post view's cursor: voting on it, editing and
deleting one's own (or, for a site admin, anyone's: Pleio's `canEdit` says so).
Each goes through the outbox as the state the comment is to end in, and shows
in the thread at once, marked as waiting."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pleio_tui.models import Comment, OutboxKind
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.store import StoreError
from pleio_tui.tui.controllers.reading import find_comment
from pleio_tui.tui.render.waiting import is_waiting

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost
    from pleio_tui.tui.widgets.post_view import PostView


def _author(comment: Comment) -> str:
    """The author's name as a line of plain text (remote text: no control characters)."""
    return terminal_safe_line(comment.author_name)


def comment_under_cursor(view: PostView) -> Comment | None:
    """The selected comment (J/K) while it shows in the view; None once it has
    scrolled out of sight, so that the keys act on the post again."""
    guid = view.selected_comment_guid
    post, blog = view.rendered, view.blog
    if guid is None or post is None or blog is None:
        return None
    position = post.comment_position(guid)
    if position is None:
        return None
    span = post.comments[position]
    top, height = view.scroll_offset.y, view.scrollable_content_region.height
    if span.end <= top or span.start >= top + height:
        return None
    return find_comment(blog, guid)


class ThreadActions:
    def __init__(self, host: AppHost) -> None:
        self._host = host

    def under_cursor(self) -> Comment | None:
        return comment_under_cursor(self._host.main.post.view)

    def vote(self, comment: Comment, score: int) -> bool:
        """Queue the vote; False when it cannot be (said why)."""
        host = self._host
        if host.store is None or not self._sent(comment):
            return False
        try:
            host.store.queue_vote(comment.guid, score)
        except StoreError as exc:
            host.report(exc)
            return False
        host.notify_plain(host.strings("notice.voted_comment", author=_author(comment)))
        return True

    def may_change(self, comment: Comment) -> bool:
        """Whether the user may edit or delete the comment now (said why not)."""
        host = self._host
        if not self._sent(comment):
            return False
        if comment.waiting == "delete":
            host.notify_plain(host.strings("notice.comment_deleting"))
            return False
        if not comment.can_edit:
            host.notify_plain(host.strings("notice.comment_not_editable"))
            return False
        return True

    def ask_delete(self, comment: Comment, queued: Callable[[], None]) -> None:
        """Ask, then queue the deletion; `queued()` is called once it is queued."""
        host = self._host
        if not self.may_change(comment):
            return
        reply = comment.parent_guid != comment.blog_guid
        question = host.strings(
            "confirm.delete_reply" if reply else "confirm.delete_comment",
            author=_author(comment),
        )

        def answered(yes: bool | None) -> None:
            if yes and self._queue_delete(comment):
                queued()

        from pleio_tui.tui.screens.confirm import ConfirmScreen  # 3 ms, when first asked

        host.push_screen(ConfirmScreen(question, host.strings, host.keys), answered)

    def _queue_delete(self, comment: Comment) -> bool:
        host = self._host
        if host.store is None:
            return False
        try:
            host.store.enqueue(OutboxKind.DELETE_COMMENT, comment.guid)
        except StoreError as exc:
            host.report(exc)
            return False
        host.notify_plain(host.strings("notice.comment_deleting"))
        return True

    def _sent(self, comment: Comment) -> bool:
        if is_waiting(comment):
            self._host.notify_plain(self._host.strings("notice.comment_not_sent"))
            return False
        return True
