"""Two lines per blog: unread dot, title and bookmark; then author, age, group,
comments and votes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from rich.style import Style
from rich.text import Text

from pleio_tui.models import FeedRow
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.render.ages import AgeFormatter, english_age
from pleio_tui.tui.widgets.row_layout import fit_row, joined

FEED_ROW_HEIGHT = 2
UNREAD_DOT = Text("●", Style(color="bright_blue"))
BOOKMARK = Text("★", Style(color="yellow"))
ARCHIVED = Style(color="magenta", italic=True)
DIM = Style(dim=True)
KIND = Style(color="cyan")
FEED_KINDS = (
    "discussion", "question", "news", "event", "wiki", "statusupdate", "file", "folder",
)  # fmt: skip
"""Kinds beside blogs: their rows are marked with the kind's name."""
ENGLISH_KINDS = {kind: kind for kind in FEED_KINDS} | {"statusupdate": "update"}


def english_comments(count: int) -> str:
    return f"{count} comment" if count == 1 else f"{count} comments"


def english_votes(count: int) -> str:
    return f"▲ {count}"


class FeedRowLabels(NamedTuple):
    comments: Callable[[int], str] = english_comments
    votes: Callable[[int], str] = english_votes
    untitled: str = "(untitled)"
    archived: str = "archived"
    kinds: Mapping[str, str] = ENGLISH_KINDS
    """The mark of each kind beside blogs (a blog row has none)."""


ENGLISH_FEED_LABELS = FeedRowLabels()


def feed_row_formatter(
    format_age: AgeFormatter = english_age,
    labels: FeedRowLabels = ENGLISH_FEED_LABELS,
) -> Callable[[FeedRow, int, bool], Text]:
    def format_feed_row(row: FeedRow, width: int, selected: bool) -> Text:
        title = Text(" ")
        title.append_text(UNREAD_DOT if not row.is_read else Text(" "))
        title.append(" ")
        kind = labels.kinds.get(row.subtype)
        if kind:
            title.append(f"[{kind}] ", KIND)
        # A status update has no title: its first words stand in for one.
        title_text = (
            terminal_safe_line(row.title) or terminal_safe_line(row.excerpt) or labels.untitled
        )
        title.append(title_text, Style(bold=not row.is_read))
        mark = Text(" ").append_text(BOOKMARK) if row.is_bookmarked else Text()
        if row.is_archived:
            mark = Text(" " + labels.archived, ARCHIVED).append_text(mark)
        # The group goes last: it is the longest part and the one to cut.
        parts = [
            terminal_safe_line(row.author_name),
            format_age(row.time_published) if row.time_published is not None else "",
            terminal_safe_line(row.group_name or ""),
        ]
        meta = Text("   " + joined(parts), DIM)
        counts = joined(
            [
                labels.comments(row.comment_count) if row.comment_count else "",
                labels.votes(row.votes) if row.votes else "",
            ]
        )
        result = fit_row(title, mark, width)
        result.append("\n")
        result.append_text(fit_row(meta, Text(counts + " ", DIM) if counts else Text(), width))
        return result

    return format_feed_row


format_feed_row = feed_row_formatter()
