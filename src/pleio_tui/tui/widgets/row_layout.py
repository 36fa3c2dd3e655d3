"""Fitting a row's parts into the list's width."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

ELLIPSIS = "…"


def fit_row(left: Text, right: Text, width: int) -> Text:
    """`left` cut with an ellipsis where needed, `right` flush with the right edge."""
    room = max(0, width - right.cell_len - 1) if right.cell_len else width
    row = left.copy()
    row.truncate(room, overflow="ellipsis", pad=bool(right.cell_len))
    if right.cell_len:
        row.append(" ")
        row.append_text(right)
    return row


def fit_line(left: Sequence[Segment], right: Sequence[Segment], width: int) -> Strip:
    """`fit_row` for parts that are already segments: one line of a row as a Strip.

    A screen of feed rows is painted at start and at every page; building the
    lines straight from segments skips Rich's `Text` (its control-code filter,
    span copies and render), which was most of the cost of a row. The text must
    already be terminal-safe: nothing here filters it.
    """
    right_cells = sum(cell_len(segment.text) for segment in right)
    room = max(0, width - right_cells - 1) if right_cells else width
    left_cells = sum(cell_len(segment.text) for segment in left)
    if left_cells > room:
        line = _cut(left, room)
        used = room if room else 0
    else:
        line = list(left)
        used = left_cells
    if right_cells:
        if used < room:
            line.append(Segment(" " * (room - used)))
        line.append(Segment(" "))
        line.extend(right)
        return Strip(line, room + 1 + right_cells)
    return Strip(line, used)


def _cut(parts: Sequence[Segment], room: int) -> list[Segment]:
    """`parts` cut to `room` cells, the last of them an ellipsis."""
    if room <= 0:
        return []
    budget = room - 1
    line: list[Segment] = []
    style: Style | None = None
    for text, style, _control in parts:
        cells = cell_len(text)
        if cells <= budget:
            line.append(Segment(text, style))
            budget -= cells
            continue
        if budget:
            line.append(Segment(set_cell_size(text, budget), style))
        break
    line.append(Segment(ELLIPSIS, style))
    return line


def joined(parts: list[str], separator: str = " · ") -> str:
    return separator.join(part for part in parts if part)
