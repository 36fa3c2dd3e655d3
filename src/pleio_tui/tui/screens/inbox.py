"""The inbox: replies, mentions and group activity from the cache, newest first,
unread marked. `enter` opens one at its comment (and marks it read); the
mark-read key marks every one read."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import BindingType

from pleio_tui.models import Notification
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings, format_age
from pleio_tui.tui.keys import bindings, key_label
from pleio_tui.tui.screens.list_dialog import ListDialog
from pleio_tui.tui.widgets.row_layout import fit_row
from pleio_tui.tui.widgets.row_list import RowList

INBOX_ROW_HEIGHT = 2
UNREAD = Style(color="cyan", bold=True)
DIM = Style(dim=True)
_KNOWN_ACTIONS = ("commented", "mentioned", "created", "welcome")


@dataclass(frozen=True, slots=True)
class InboxActions:
    """What the screen may do (the app's Store, on the app's thread)."""

    items: Callable[[], Sequence[Notification]]
    mark_all: Callable[[], None]


def describe(notification: Notification, strings: Strings) -> str:
    """One line saying what happened; remote names and titles made harmless."""
    who = terminal_safe_line(notification.performer.name if notification.performer else "")
    what = terminal_safe_line(notification.title) or "-"
    action = notification.action if notification.action in _KNOWN_ACTIONS else "other"
    if action == "other":
        what = terminal_safe_line(f"{notification.action} {notification.title}".strip())
    return strings(f"inbox.{action}", who=who or "-", what=what)


def inbox_formatter(strings: Strings) -> Callable[[Notification, int, bool], Text]:
    def format_row(notification: Notification, width: int, selected: bool) -> Text:
        head = Text(" ")
        if notification.is_unread:
            head.append("● ", UNREAD)
        else:
            head.append("  ")
        style = Style(bold=True) if notification.is_unread else Style()
        head.append(describe(notification, strings), style)
        age = format_age(notification.time_created, datetime.now(UTC), strings.lang)
        detail = Text("   ", DIM)
        group = terminal_safe_line(notification.container_name or "")
        detail.append(f"{group} · {age}" if group else age, DIM)
        if notification.is_unread:
            detail.append(" · " + strings("inbox.unread"), UNREAD)
        row = fit_row(head, Text(), width)
        row.append("\n")
        row.append_text(fit_row(detail, Text(), width))
        return row

    return format_row


class InboxScreen(ListDialog[Notification, Notification]):
    # A modal screen hides the app's bindings: mark-read is bound here as well.
    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("screen"),
        *(binding for binding in bindings("app") if binding.id == "app.mark_read"),
    ]

    def __init__(
        self, actions: InboxActions, strings: Strings, keymap: Mapping[str, str] | None = None
    ) -> None:
        keys = dict(keymap or {})
        hint = strings(
            "inbox.hint",
            open=key_label("list.open", keys),
            all=key_label("app.mark_read", keys),
            close=key_label("screen.close", keys),
        )
        super().__init__(
            "inbox",
            heading=strings("inbox.title"),
            hint=hint,
            placeholder=strings("empty.inbox"),
            rows=actions.items,
            formatter=inbox_formatter(strings),
            row_height=INBOX_ROW_HEIGHT,
            row_key=lambda item: str(item.id),
        )
        self._actions = actions

    def action_mark_read(self) -> None:
        self._actions.mark_all()
        self.reload()

    @on(RowList.Selected, "#inbox-items")
    def _open(self, event: RowList.Selected) -> None:
        event.stop()
        self.dismiss(event.row)
