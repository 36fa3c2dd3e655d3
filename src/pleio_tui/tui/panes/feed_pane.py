"""The blog feed of the chosen group (or of all groups), newest first, two lines a blog."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.message import Message
from textual.strip import Strip

from pleio_tui.models import FeedRow, RowSource
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings, format_age
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.lists import ListSource, SwitchableFormatter
from pleio_tui.tui.render.ages import AgeFormatter
from pleio_tui.tui.widgets.feed_rows import (
    FEED_KINDS,
    FEED_ROW_HEIGHT,
    FeedRowLabels,
    feed_row_formatter,
)
from pleio_tui.tui.widgets.row_list import RowList


def age_formatter(strings: Strings) -> AgeFormatter:
    """ "3 dagen geleden" / "3 days ago", counted from the moment of drawing."""

    def age(moment: datetime) -> str:
        return format_age(moment, datetime.now(UTC), strings.lang)

    return age


def feed_formatter(strings: Strings, *, in_group: bool = False) -> SwitchableFormatter[FeedRow]:
    """Rows drop what the context already says before they cut the date: the
    group in a group's feed, and elsewhere the group where the date would not fit."""
    labels = FeedRowLabels(
        comments=lambda n: strings.plural("post.comments", n),
        votes=lambda n: strings.plural("post.votes", n),
        untitled=strings("post.untitled"),
        archived=strings("post.archived"),
        kinds={kind: strings(f"kind.{kind}") for kind in FEED_KINDS},
    )
    age = age_formatter(strings)
    shared = feed_row_formatter(age, labels)
    compact = feed_row_formatter(
        age, labels._replace(comments=lambda n: f"💬 {n}", votes=lambda n: f"▲ {n}")
    )

    def format_row(row: FeedRow, width: int, selected: bool) -> list[Strip]:
        if in_group and row.group_name:
            row = row._replace(group_name=None)
        lines = shared(row, width, selected)
        published = row.time_published
        if published is None:
            return lines
        when = age(published)
        if when in lines[1].text:
            return lines
        # The date is cut: first the group goes, then the counts get short.
        row = row._replace(group_name=None)
        lines = shared(row, width, selected)
        return lines if when in lines[1].text else compact(row, width, selected)

    return SwitchableFormatter(format_row)


FEED_WINDOW = 50
"""Rows read from the cache at a time: two or three screens of two-line rows.
The first screen waits for the first window, so it is not read larger."""


class FeedPane(RowList[FeedRow]):
    """The feed is its own pane: the bordered list itself, with no container
    around it (one widget fewer to lay out and paint in every frame).

    The app calls `show` with the group's blogs; `enter` on a row posts
    `RowList.Selected` (from `#feed`)."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list"), *bindings("feed")]

    class JoinAsked(Message):
        """`m` in the feed: join the group it shows (or ask to, when closed)."""

    def __init__(self, strings: Strings, *, active: bool = False) -> None:
        formatter = feed_formatter(strings)
        super().__init__(
            ListSource[FeedRow](()),
            formatter,
            row_height=FEED_ROW_HEIGHT,
            placeholder=strings("empty.feed"),
            window_size=FEED_WINDOW,
            id="feed",
            classes="pane -active" if active else "pane",
        )
        self._strings = strings
        self._switchable = formatter
        self._group_name: str | None = None
        self._kind: str | None = None

    def on_mount(self) -> None:
        # Textual calls RowList.on_mount too: handlers run for every class.
        self._show_title()

    def action_join_group(self) -> None:
        if self._group_name is not None:
            self.post_message(self.JoinAsked())

    @property
    def row_list(self) -> FeedPane:
        """The list of the pane, which is the pane itself."""
        return self

    def show(
        self,
        blogs: RowSource[FeedRow],
        group_name: str | None,
        placeholder: str | None = None,
        kind: str | None = None,
    ) -> None:
        """`group_name` None for the blogs of all groups; `placeholder` what an
        empty feed says (that it is empty, unless told why); `kind` names the one
        kind of content listed (None for all)."""
        if (group_name, kind) != (self._group_name, self._kind):
            if group_name != self._group_name:
                in_group = group_name is not None
                formatter = feed_formatter(self._strings, in_group=in_group).formatter
                self._switchable.formatter = formatter
            self._group_name, self._kind = group_name, kind
            self._show_title()
        self.set_source(blogs, placeholder or self._strings("empty.feed"))

    def set_strings(self, strings: Strings) -> None:
        self._strings = strings
        in_group = self._group_name is not None
        self._switchable.formatter = feed_formatter(strings, in_group=in_group).formatter
        self._show_title()
        self.set_source(self.source, strings("empty.feed"))

    def _show_title(self) -> None:
        title = self._strings("pane.feed")
        name = terminal_safe_line(self._group_name or self._strings("feed.all"))
        # The group name is remote text: a Content is shown literally, never parsed.
        kind = f" · {self._kind}" if self._kind else ""
        self.border_title = Content(f"{title}: {name}{kind}")
