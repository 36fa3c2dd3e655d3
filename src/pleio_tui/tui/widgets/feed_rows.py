"""Two lines per blog: unread dot, title and bookmark; then author, age, group,
comments and votes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from pleio_tui.models import FeedRow
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.render.ages import AgeFormatter, english_age
from pleio_tui.tui.widgets.row_layout import fit_line, joined

FEED_ROW_HEIGHT = 2
SPACE = Segment(" ")
UNREAD_DOT = Segment("●", Style(color="bright_blue"))
BOOKMARK = Segment("★", Style(color="yellow"))
BOLD = Style(bold=True)
PLAIN = Style(bold=False)
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
) -> Callable[[FeedRow, int, bool], list[Strip]]:
    def format_feed_row(row: FeedRow, width: int, selected: bool) -> list[Strip]:
        title = [SPACE, UNREAD_DOT if not row.is_read else SPACE, SPACE]
        kind = labels.kinds.get(row.subtype)
        if kind:
            title.append(Segment(f"[{kind}] ", KIND))
        # A status update has no title: its first words stand in for one.
        title_text = (
            terminal_safe_line(row.title) or terminal_safe_line(row.excerpt) or labels.untitled
        )
        title.append(Segment(title_text, PLAIN if row.is_read else BOLD))
        mark = [SPACE, BOOKMARK] if row.is_bookmarked else []
        if row.is_archived:
            mark.insert(0, Segment(" " + labels.archived, ARCHIVED))
        # The group goes last: it is the longest part and the one to cut.
        parts = [
            terminal_safe_line(row.author_name),
            format_age(row.time_published) if row.time_published is not None else "",
            terminal_safe_line(row.group_name or ""),
        ]
        meta = [Segment("   " + joined(parts), DIM)]
        counts = joined(
            [
                labels.comments(row.comment_count) if row.comment_count else "",
                labels.votes(row.votes) if row.votes else "",
            ]
        )
        right = [Segment(counts + " ", DIM)] if counts else []
        return [fit_line(title, mark, width), fit_line(meta, right, width)]

    return format_feed_row


format_feed_row = feed_row_formatter()
