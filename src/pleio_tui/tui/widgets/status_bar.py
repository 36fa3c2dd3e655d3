"""The one-line status bar: site, user, connection and sync progress, outbox, language.

The app sets the reactives; the bar only renders them. Host and user name are
remote text, rendered as plain `Content` (never markup) on one line.
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from pleio_tui.tui.i18n import Strings, one_line

Connection = Literal["online", "offline", "syncing"]
SEPARATOR = " │ "


class StatusBar(Widget):
    """Give it the id `status`."""

    DEFAULT_CSS = """
    StatusBar { height: 1; dock: bottom; background: $panel; color: $text; padding: 0 1; }
    """

    host: reactive[str] = reactive("")
    user_name: reactive[str | None] = reactive(None)
    """None when not logged in."""
    connection: reactive[Connection] = reactive("offline")
    sync_done: reactive[int] = reactive(0)
    sync_total: reactive[int] = reactive(0)
    """0 when the amount of work is not known yet."""
    outbox_pending: reactive[int] = reactive(0)
    outbox_failed: reactive[int] = reactive(0)
    notifications_unread: reactive[int] = reactive(0)
    # A factory: reactive calls a callable default, and Strings is callable.
    strings: reactive[Strings] = reactive(lambda: Strings("nl"))

    def __init__(self, *, id: str | None = "status") -> None:
        super().__init__(id=id)

    def set_sync_progress(self, done: int, total: int) -> None:
        """Enter the syncing state with progress; `finish_sync` leaves it."""
        self.sync_done, self.sync_total = done, total
        self.connection = "syncing"

    def finish_sync(self, *, online: bool) -> None:
        self.sync_done = self.sync_total = 0
        self.connection = "online" if online else "offline"

    def render(self) -> Content:
        return Content(SEPARATOR).join(self.parts())

    def parts(self) -> list[Content]:
        """The pieces of the line, left to right (also what tests read)."""
        s = self.strings
        parts = [Content(one_line(self.host) or "-")]
        if self.user_name:
            parts.append(Content(one_line(self.user_name)))
        else:
            parts.append(Content.styled(s("status.not_logged_in"), "italic"))
        parts.append(self._connection_part())
        if self.notifications_unread:
            text = s("status.notifications", n=self.notifications_unread)
            parts.append(Content.styled(text, "bold $text-accent"))
        if self.outbox_pending:
            parts.append(Content(s("status.outbox", n=self.outbox_pending)))
        if self.outbox_failed:
            parts.append(
                Content.styled(s("status.failed", n=self.outbox_failed), "bold $text-error")
            )
        parts.append(Content(s("status.language")))
        return parts

    def _connection_part(self) -> Content:
        s = self.strings
        if self.connection == "syncing":
            if self.sync_total:
                text = s("status.syncing_progress", done=self.sync_done, total=self.sync_total)
            else:
                text = s("status.syncing")
            return Content.styled(text, "$text-accent")
        if self.connection == "online":
            return Content.styled(s("status.online"), "$text-success")
        return Content.styled(s("status.offline"), "$text-warning")
