"""The blog feed of the chosen group (or of all groups), newest first, two lines a blog."""

from __future__ import annotations

from datetime import UTC, datetime

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content

from pleio_tui.models import FeedRow, RowSource
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings, format_age
from pleio_tui.tui.panes.lists import AppRowList, ListSource, SwitchableFormatter
from pleio_tui.tui.render.ages import AgeFormatter
from pleio_tui.tui.widgets.feed_rows import FEED_ROW_HEIGHT, FeedRowLabels, feed_row_formatter


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
    )
    return SwitchableFormatter(feed_row_formatter(age_formatter(strings), labels))


class FeedPane(Vertical):
    """The app calls `show` with the group's blogs; `enter` on a row posts
    `RowList.Selected` (from `#feed-list`)."""

    DEFAULT_CSS = """
    FeedPane > #feed-list { height: 1fr; }
    """

    def __init__(self, strings: Strings, *, active: bool = False) -> None:
        super().__init__(id="feed", classes="pane -active" if active else "pane")
        self._strings = strings
        self._formatter = feed_formatter(strings)
        self._group_name: str | None = None

    def compose(self) -> ComposeResult:
        yield AppRowList(
            ListSource[FeedRow](()),
            self._formatter,
            row_height=FEED_ROW_HEIGHT,
            placeholder=self._strings("empty.feed"),
            id="feed-list",
        )

    def on_mount(self) -> None:
        self._show_title()

    @property
    def row_list(self) -> AppRowList[FeedRow]:
        return self.query_one("#feed-list", AppRowList)

    def show(self, blogs: RowSource[FeedRow], group_name: str | None) -> None:
        """`group_name` None for the blogs of all groups."""
        if group_name != self._group_name:
            self._group_name = group_name
            self._show_title()
        self.row_list.set_source(blogs, self._strings("empty.feed"))

    def set_strings(self, strings: Strings) -> None:
        self._strings = strings
        self._formatter.formatter = feed_formatter(strings).formatter
        self._show_title()
        self.row_list.set_source(self.row_list.source, strings("empty.feed"))

    def _show_title(self) -> None:
        title = self._strings("pane.feed")
        name = terminal_safe_line(self._group_name or self._strings("feed.all"))
        # The group name is remote text: a Content is shown literally, never parsed.
        self.border_title = Content(f"{title}: {name}")
