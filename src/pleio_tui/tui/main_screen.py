"""The main screen: groups | feed | post (with the composer), and the status bar.

`tab` and `shift+tab` move between the panes. The pane moved to gets the class
`-active`, so that at a narrow width a folded pane shows itself (see app.tcss).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widget import Widget

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.feed_pane import FeedPane
from pleio_tui.tui.panes.groups_pane import GroupsPane
from pleio_tui.tui.panes.post_pane import PostColumn
from pleio_tui.tui.widgets.status_bar import StatusBar


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("main")
    AUTO_FOCUS = "#feed"

    def __init__(self, strings: Strings, site_url: str, on_mounted: Callable[[], None]) -> None:
        """`on_mounted` fills the panes once they exist; it runs before the first
        frame, so the first frame already shows the cache."""
        # Classes given before the panes mount cost nothing; set later, every node
        # is styled again.
        super().__init__(classes=self._width_class())
        self._strings = strings
        self._site_url = site_url
        self._on_mounted = on_mounted

    def compose(self) -> ComposeResult:
        yield GroupsPane(self._strings)
        yield FeedPane(self._strings, active=True)
        yield PostColumn(self._strings, self._site_url)
        yield StatusBar()

    def on_mount(self) -> None:
        self._on_mounted()

    def _width_class(self) -> str:
        """The breakpoint class for the terminal's width, for the first frame.

        Textual sets it on the first resize, after a frame at the default layout
        (all panes, equal widths): that frame showed a layout the user never asked
        for and cost as much as the real one.
        """
        width = self.app.size.width
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        chosen = [name for low, name in sorted(breakpoints) if width >= low]
        return chosen[-1] if chosen else ""

    @property
    def groups(self) -> GroupsPane:
        return self.query_one(GroupsPane)

    @property
    def feed(self) -> FeedPane:
        return self.query_one(FeedPane)

    @property
    def post(self) -> PostColumn:
        return self.query_one(PostColumn)

    @property
    def status(self) -> StatusBar:
        return self.query_one(StatusBar)

    @property
    def panes(self) -> list[Widget]:
        return [self.groups, self.feed, self.post]

    def action_pane_next(self) -> None:
        self._move(+1)

    def action_pane_prev(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        panes = self.panes
        current = self.current_pane()
        index = panes.index(current) if current is not None else 0
        self.activate(panes[(index + step) % len(panes)])

    def current_pane(self) -> Widget | None:
        focused = self.focused
        for pane in self.panes:
            if focused is not None and (focused is pane or pane in focused.ancestors):
                return pane
        return next((pane for pane in self.panes if pane.has_class("-active")), None)

    def activate(self, pane: Widget) -> None:
        """Make `pane` the active one and give the focus to what it holds."""
        for other in self.panes:
            other.set_class(other is pane, "-active")
        if pane is self.groups:
            self.groups.row_list.focus()
        elif pane is self.feed:
            self.feed.row_list.focus()
        elif self.post.is_composing:
            self.post.focus_composer()
        else:
            self.post.view.focus()
