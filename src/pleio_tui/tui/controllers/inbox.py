"""Notifications and marking read: the inbox screen, the unread count in the
status bar, a notice when a sync brings new ones, opening one at its comment
(and marking it read on the site through the outbox), and marking a group or
everything read."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from pleio_tui.models import Blog, Comment, Notification
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.controllers.messages import CacheChanged, OutboxQueued

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost

NOTIFIED_WITHIN = timedelta(minutes=5)
"""Pleio makes a `commented` notification in a task after the comment is saved:
the comment it tells of is the performer's last one before it, give or take this."""


def comment_of(notification: Notification, blog: Blog) -> str | None:
    """The comment a notification points at in its blog's thread, when it has one:
    the mentioning comment itself, or the performer's comment it tells of."""
    thread = [c for top in blog.comments or () for c in (top, *top.replies)]
    if notification.entity_type == "Comment":
        return next((c.guid for c in thread if c.guid == notification.entity_guid), None)
    if notification.action != "commented" or notification.performer is None:
        return None
    by_performer = [c for c in thread if c.owner and c.owner.guid == notification.performer.guid]
    latest = notification.time_created + NOTIFIED_WITHIN
    before = [c for c in by_performer if c.time_created <= latest]
    candidates: list[Comment] = before or by_performer
    if not candidates:
        return None
    return max(candidates, key=lambda c: c.time_created).guid


def comments_new_since(store: Store, guid: str) -> datetime | None:
    """For a blog about to be opened: when it was last read, if comments came
    since (it is unread again); None when it was never read or nothing is new."""
    try:
        if store.is_read(guid):
            return None
        return store.read_since(guid)
    except StoreError:
        return None  # the marks are a help, not a must


class InboxController:
    def __init__(self, host: AppHost) -> None:
        self._host = host
        self._seen_unread: set[int] | None = None
        """The unread notifications the user was last told of; None before the first look."""

    # --- the inbox ---

    def show(self) -> None:
        host = self._host
        if host.store is None:
            host.notify_plain(host.strings("notice.no_site"))
            return
        from pleio_tui.tui.screens.inbox import InboxActions, InboxScreen  # on first use

        actions = InboxActions(items=self._items, mark_all=self.mark_all_notifications)
        host.push_screen(InboxScreen(actions, host.strings, host.keys), self._chosen)

    def _items(self) -> list[Notification]:
        store = self._host.store
        if store is None:
            return []
        try:
            return store.notifications()
        except StoreError as exc:
            self._host.report(exc)
            return []

    def _chosen(self, notification: Notification | None) -> None:
        if notification is not None:
            self.open(notification)

    def open(self, notification: Notification) -> None:
        """Mark it read and open its item at the comment it tells of."""
        host = self._host
        self._mark_read(notification)
        if notification.item_guid is None:
            return
        store = host.store
        try:
            blog = store.blog(notification.item_guid) if store is not None else None
        except StoreError as exc:
            host.report(exc)
            return
        if blog is None:
            host.notify_plain(host.strings("notice.item_not_cached"))
            return
        host.open_post(blog.guid)
        comment = comment_of(notification, blog)
        if comment is not None:
            view = host.main.post.view
            # After the layout that opening the post may change (a pane unfolding).
            view.call_after_refresh(view.select_comment, comment)

    def _mark_read(self, notification: Notification) -> None:
        store = self._host.store
        if store is None or not notification.is_unread:
            return
        try:
            queued = store.queue_notification_read(notification.id)
        except StoreError as exc:
            self._host.report(exc)
            return
        if queued is not None:
            self._host.post_message(OutboxQueued())
        self.show_count()

    def mark_all_notifications(self) -> None:
        host = self._host
        if host.store is None:
            return
        try:
            queued = host.store.queue_all_notifications_read()
        except StoreError as exc:
            host.report(exc)
            return
        if queued is not None:
            host.post_message(OutboxQueued())
            host.notify_plain(host.strings("notice.notifications_read"))
        self.show_count()

    # --- the count and the notice ---

    def show_count(self) -> None:
        host = self._host
        if host.store is None:
            return
        try:
            host.main.status.notifications_unread = host.store.unread_notification_count()
            if self._seen_unread is None:
                self._seen_unread = {n.id for n in host.store.notifications(unread_only=True)}
        except StoreError as exc:
            host.report(exc)

    def cache_changed(self) -> None:
        """After a sync: say so when it brought unread notifications not told of yet."""
        host = self._host
        if host.store is None:
            return
        try:
            unread = {n.id for n in host.store.notifications(unread_only=True)}
        except StoreError as exc:
            host.report(exc)
            return
        new = unread - self._seen_unread if self._seen_unread is not None else set()
        self._seen_unread = unread
        if new:
            host.notify_plain(host.strings.plural("notice.new_notifications", len(new)))
        self.show_count()
        from pleio_tui.tui.screens.inbox import InboxScreen  # when first opened

        if isinstance(host.screen, InboxScreen):
            host.screen.reload()

    # --- marking the reading side read ---

    def mark_read(self) -> None:
        """The current group's blogs, or every blog when "all groups" is chosen or
        the group list has focus. (In the inbox the key marks every notification.)"""
        host = self._host
        if host.store is None:
            return
        main = host.main
        in_group_list = main.groups is not None and main.groups.has_focus_within
        group = None if in_group_list else main.current_group
        try:
            host.store.mark_group_read(group.guid if group is not None else None)
        except StoreError as exc:
            host.report(exc)
            return
        if group is not None:
            host.notify_plain(host.strings("notice.group_read", group=group.name))
        else:
            host.notify_plain(host.strings("notice.everything_read"))
        host.post_message(CacheChanged())
