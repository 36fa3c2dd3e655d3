"""The main screen: groups | feed | post (with the composer), and the status bar.

`tab` and `shift+tab` move between the panes. The pane moved to gets the class
`-active`, so that at a narrow width a folded pane shows itself (see app.tcss).

Below the wide layout the group list is folded away until the user moves to it,
so it is made then: the first screen does not wait to build and style a pane it
does not show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widget import Widget

from pleio_tui.models import GroupRow
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.feed_pane import FeedPane
from pleio_tui.tui.panes.post_pane import PostColumn
from pleio_tui.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from pleio_tui.tui.panes.groups_pane import GroupsPane

WIDE = "-wide"
"""The breakpoint class at which the group list is always shown (see app.tcss)."""


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("main")
    AUTO_FOCUS = "#feed"

    def __init__(
        self,
        strings: Strings,
        site_url: str,
        on_mounted: Callable[[], None],
        on_groups_made: Callable[[], None] = lambda: None,
    ) -> None:
        """`on_mounted` fills the panes once they exist; it runs before the first
        frame, so the first frame already shows the cache. `on_groups_made` fills
        the group list when it is made later."""
        # Classes given before the panes mount cost nothing; set later, every node
        # is styled again.
        super().__init__(classes=self._width_class(self.app.size.width))
        self._strings = strings
        self._site_url = site_url
        self._on_mounted = on_mounted
        self._on_groups_made = on_groups_made
        self._groups: GroupsPane | None = None
        self._making_groups = asyncio.Lock()

    def compose(self) -> ComposeResult:
        if self.has_class(WIDE):
            self._groups = self._new_groups()
            yield self._groups
        yield FeedPane(self._strings, active=True)
        yield PostColumn(self._strings, self._site_url)
        yield StatusBar()

    def on_mount(self) -> None:
        self._on_mounted()

    async def on_resize(self, event: events.Resize) -> None:
        if self._groups is None and self._width_class(event.size.width) == WIDE:
            await self.make_groups()

    def _width_class(self, width: int) -> str:
        """The breakpoint class for a terminal `width`, for the first frame.

        Textual sets it on the first resize, after a frame at the default layout
        (all panes, equal widths): that frame showed a layout the user never asked
        for and cost as much as the real one.
        """
        breakpoints = self.HORIZONTAL_BREAKPOINTS or self.app.HORIZONTAL_BREAKPOINTS or []
        chosen = [name for low, name in sorted(breakpoints) if width >= low]
        return chosen[-1] if chosen else ""

    def _new_groups(self) -> GroupsPane:
        from pleio_tui.tui.panes import groups_pane

        return groups_pane.GroupsPane(self._strings)

    @property
    def groups(self) -> GroupsPane | None:
        """The group list, None until it is made (see the module's docstring)."""
        return self._groups

    @property
    def current_group(self) -> GroupRow | None:
        """The group chosen in the list; None for all groups (also before the list
        is made)."""
        return self._groups.chosen_group if self._groups is not None else None

    async def make_groups(self) -> GroupsPane:
        """The group list, made and filled now if it was not yet."""
        # A resize and a key can both ask while it mounts: one makes it, and
        # `groups` stays None until it is mounted and filled.
        async with self._making_groups:
            groups = self._groups
            if groups is None:
                groups = self._new_groups()
                await self.mount(groups, before=self.feed)
                self._groups = groups
                self._on_groups_made()
            return groups

    def set_strings(self, strings: Strings) -> None:
        """Another language, for the panes made so far and those made later."""
        self._strings = strings
        if self._groups is not None:
            self._groups.set_strings(strings)
        self.feed.set_strings(strings)
        self.post.set_strings(strings)

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
        """The panes made so far, left to right."""
        made: list[Widget | None] = [self._groups, self.feed, self.post]
        return [pane for pane in made if pane is not None]

    async def action_pane_next(self) -> None:
        await self._move(+1)

    async def action_pane_prev(self) -> None:
        await self._move(-1)

    async def _move(self, step: int) -> None:
        order: list[Widget | None] = [self._groups, self.feed, self.post]
        current = self.current_pane()
        index = order.index(current) if current is not None else 0
        target = order[(index + step) % len(order)]
        self.activate(target if target is not None else await self.make_groups())

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
        if pane is self._groups:
            self._groups.row_list.focus()
        elif pane is self.feed:
            self.feed.row_list.focus()
        elif self.post.is_composing:
            self.post.focus_composer()
        else:
            self.post.view.focus()
