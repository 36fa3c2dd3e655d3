"""The blog feed of the chosen group (or of all groups), newest first, two lines a blog."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.content import Content

from pleio_tui.models import FeedRow, RowSource
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings, format_age
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


def feed_formatter(strings: Strings) -> SwitchableFormatter[FeedRow]:
    labels = FeedRowLabels(
        comments=lambda n: strings.plural("post.comments", n),
        votes=lambda n: strings.plural("post.votes", n),
        untitled=strings("post.untitled"),
        archived=strings("post.archived"),
        kinds={kind: strings(f"kind.{kind}") for kind in FEED_KINDS},
    )
    return SwitchableFormatter(feed_row_formatter(age_formatter(strings), labels))


class FeedPane(RowList[FeedRow]):
    """The feed is its own pane: the bordered list itself, with no container
    around it (one widget fewer to lay out and paint in every frame).

    The app calls `show` with the group's blogs; `enter` on a row posts
    `RowList.Selected` (from `#feed`)."""

    def __init__(self, strings: Strings, *, active: bool = False) -> None:
        formatter = feed_formatter(strings)
        super().__init__(
            ListSource[FeedRow](()),
            formatter,
            row_height=FEED_ROW_HEIGHT,
            placeholder=strings("empty.feed"),
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

    @property
    def row_list(self) -> FeedPane:
        """The list of the pane, which is the pane itself."""
        return self

    def show(
        self, blogs: RowSource[FeedRow], group_name: str | None, kind: str | None = None
    ) -> None:
        """`group_name` None for the blogs of all groups; `kind` names the one kind
        of content listed (None for all)."""
        if (group_name, kind) != (self._group_name, self._kind):
            self._group_name, self._kind = group_name, kind
            self._show_title()
        self.set_source(blogs, self._strings("empty.feed"))

    def set_strings(self, strings: Strings) -> None:
        self._strings = strings
        self._switchable.formatter = feed_formatter(strings).formatter
        self._show_title()
        self.set_source(self.source, strings("empty.feed"))

    def _show_title(self) -> None:
        title = self._strings("pane.feed")
        name = terminal_safe_line(self._group_name or self._strings("feed.all"))
        # The group name is remote text: a Content is shown literally, never parsed.
        kind = f" · {self._kind}" if self._kind else ""
        self.border_title = Content(f"{title}: {name}{kind}")
