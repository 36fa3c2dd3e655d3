"""Two lines per group: membership marker and name, then unread and member counts.

The group pane is the narrowest; on one line the counts left no room for names."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

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
GROUP_ROW_HEIGHT = 2


def english_members(count: int) -> str:
    return f"{count} member" if count == 1 else f"{count} members"


def english_unread(count: int) -> str:
    return f"{count} new"


class GroupRowLabels(NamedTuple):
    members: Callable[[int], str] = english_members
    unread: Callable[[int], str] = english_unread
    closed: str = "closed"


ENGLISH_GROUP_LABELS = GroupRowLabels()


def group_row_formatter(
    labels: GroupRowLabels = ENGLISH_GROUP_LABELS,
) -> Callable[[GroupRow, int, bool], Text]:
    def format_group_row(row: GroupRow, width: int, selected: bool) -> Text:
        name = Text(" ")
        name.append(MEMBERSHIP_MARKERS.get(row.membership, " "), MARKER)
        name.append(" ")
        name.append(terminal_safe_line(row.name), Style(bold=row.unread_count > 0))
        meta = Text("   ")
        if row.unread_count:
            meta.append(labels.unread(row.unread_count), UNREAD)
            meta.append(" · ", DIM)
        meta.append(labels.members(row.member_count), DIM)
        if row.is_closed:
            meta.append(f" · {labels.closed}", DIM)
        result = fit_row(name, Text(), width)
        result.append("\n")
        result.append_text(fit_row(meta, Text(), width))
        return result

    return format_group_row


format_group_row = group_row_formatter()
