"""Fitting a row's parts into the list's width."""

from __future__ import annotations

from rich.text import Text


def fit_row(left: Text, right: Text, width: int) -> Text:
    """`left` cut with an ellipsis where needed, `right` flush with the right edge."""
    room = max(0, width - right.cell_len - 1) if right.cell_len else width
    row = left.copy()
    row.truncate(room, overflow="ellipsis", pad=bool(right.cell_len))
    if right.cell_len:
        row.append(" ")
        row.append_text(right)
    return row


def joined(parts: list[str], separator: str = " · ") -> str:
    return separator.join(part for part in parts if part)
