"""One line per group: membership marker, name, unread count, member count."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from pleio_tui.models import GroupRow, Membership
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.widgets.row_layout import fit_row

MEMBERSHIP_MARKERS = {
    Membership.JOINED: "●",
    Membership.REQUESTED: "◐",
    Membership.INVITED: "✉",
    Membership.NOT_JOINED: "○",
}
MARKER = Style(color="green")
UNREAD = Style(bold=True, color="bright_yellow")
DIM = Style(dim=True)


def english_members(count: int) -> str:
    return f"{count} member" if count == 1 else f"{count} members"


def english_unread(count: int) -> str:
    return f"{count} new"


@dataclass(frozen=True, slots=True)
class GroupRowLabels:
    members: Callable[[int], str] = english_members
    unread: Callable[[int], str] = english_unread
    closed: str = "closed"


def group_row_formatter(
    labels: GroupRowLabels = GroupRowLabels(),
) -> Callable[[GroupRow, int, bool], Text]:
    def format_group_row(row: GroupRow, width: int, selected: bool) -> Text:
        left = Text(" ")
        left.append(MEMBERSHIP_MARKERS.get(row.membership, " "), MARKER)
        left.append(" ")
        left.append(terminal_safe_line(row.name), Style(bold=row.unread_count > 0))
        if row.is_closed:
            left.append(f" ({labels.closed})", DIM)
        right = Text()
        if row.unread_count:
            right.append(labels.unread(row.unread_count), UNREAD)
            right.append(" · ", DIM)
        right.append(labels.members(row.member_count), DIM)
        right.append(" ")
        return fit_row(left, right, width)

    return format_group_row


format_group_row = group_row_formatter()
