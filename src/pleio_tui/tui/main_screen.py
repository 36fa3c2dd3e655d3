"""The main screen: groups | feed | post (with the composer), and the status bar.
What its panes ask for goes to the controllers it was given (`Work`).

`tab` and `shift+tab` move between the panes. The pane moved to gets the class
`-active`, so that at a narrow width a folded pane shows itself (see app.tcss).

Below the wide layout the group list is folded away until the user moves to it,
so it is made then: the first screen does not wait to build and style a pane it
does not show.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widget import Widget

from pleio_tui.models import GroupRow
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.feed_pane import FeedPane
from pleio_tui.tui.panes.post_pane import PostColumn
from pleio_tui.tui.panes.widths import pane_widths
from pleio_tui.tui.widgets.row_list import RowList
from pleio_tui.tui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.membership import MembershipController
    from pleio_tui.tui.controllers.reading import ReadingController
    from pleio_tui.tui.controllers.writing import WritingController
    from pleio_tui.tui.panes.groups_pane import GroupsPane
    from pleio_tui.tui.panes.reading_view import ReadingView
    from pleio_tui.tui.widgets.composer import Composer

WIDE = "-wide"
"""The breakpoint class at which the group list is always shown (see app.tcss)."""
WIDE_COLUMNS = 160
MEDIUM_COLUMNS = 100
"""Where the breakpoints of the app's HORIZONTAL_BREAKPOINTS begin."""


class Work(NamedTuple):
    """The controllers the panes' messages go to."""

    reading: ReadingController
    writing: WritingController
    membership: MembershipController


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("main")
    AUTO_FOCUS = "#feed"

    def __init__(
        self,
        strings: Strings,
        site_url: str,
        on_mounted: Callable[[], None],
        on_groups_made: Callable[[], None] = lambda: None,
        work: Work | None = None,
    ) -> None:
        """`on_mounted` fills the panes once they exist; it runs before the first
        frame, so the first frame already shows the cache. `on_groups_made` fills
        the group list when it is made later. Without `work`, the panes' messages
        go on to the app."""
        # Classes given before the panes mount cost nothing; set later, every node
        # is styled again.
        super().__init__(classes=self._width_class(self.app.size.width))
        self._strings = strings
        self._site_url = site_url
        self._on_mounted = on_mounted
        self._on_groups_made = on_groups_made
        self._groups: GroupsPane | None = None
        self._making_groups = asyncio.Lock()
        self._work = work

    def compose(self) -> ComposeResult:
        if self.has_class(WIDE):
            self._groups = self._new_groups()
            yield self._groups
        yield FeedPane(self._strings, active=True)
        post = PostColumn(self._strings, self._site_url)
        self._fit_panes(self.app.size.width, post)
        yield post
        yield StatusBar()

    def on_mount(self) -> None:
        self._on_mounted()

    async def on_resize(self, event: events.Resize) -> None:
        if self._groups is None and self._width_class(event.size.width) == WIDE:
            await self.make_groups()
        self._fit_panes(event.size.width, self.post)

    def _fit_panes(self, width: int, post: PostColumn) -> None:
        """Side by side, the panes get widths by what they hold (panes/widths.py);
        stacked, the style sheet's."""
        if width < MEDIUM_COLUMNS:
            post.styles.width = None
            if self._groups is not None:
                self._groups.styles.width = None
            return
        widths = pane_widths(width, wide=width >= WIDE_COLUMNS)
        post.styles.width = widths.post
        if self._groups is not None:
            self._groups.styles.width = widths.groups

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
        from pleio_tui.tui.panes import groups_pane  # on the first frame only when wide

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
                width = self.size.width or self.app.size.width
                if width >= MEDIUM_COLUMNS:
                    groups.styles.width = pane_widths(width, wide=width >= WIDE_COLUMNS).groups
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

    async def action_pane_left(self) -> None:
        await self._step(-1)

    async def action_pane_right(self) -> None:
        await self._step(+1)

    async def _step(self, step: int) -> None:
        """Like tab and shift+tab, without wrapping around at either end."""
        order: list[Widget | None] = [self._groups, self.feed, self.post]
        current = self.current_pane()
        index = order.index(current) if current is not None else 1
        if 0 <= index + step < len(order):
            await self._move(step)

    async def action_back(self) -> None:
        """One level back: post -> feed -> groups; from the groups, quit (the app
        asks first when something waits in the outbox). The composer's own
        escape comes first: it leaves the composer, keeping the draft."""
        current = self.current_pane()
        if current is self.post:
            self.activate(self.feed)
        elif current is self.feed:
            self.activate(await self.make_groups())
        else:
            await self.app.run_action("quit")

    def action_links(self) -> None:
        if self._work is not None:
            self._work.reading.links.pick()

    def action_open_browser(self) -> None:
        reading = self._work.reading if self._work is not None else None
        url = reading.browser_url() if reading is not None else None
        if reading is not None and url is not None:
            reading.links.browse(url)

    def action_copy_link(self) -> None:
        reading = self._work.reading if self._work is not None else None
        url = reading.browser_url() if reading is not None else None
        if reading is not None and url is not None:
            reading.links.copy(url, self.app.copy_to_clipboard)

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
        # Focused now, not after the next refresh as `widget.focus()` does: a key
        # typed right after (q q) must find the pane it moved to.
        if pane is self._groups:
            self.set_focus(self._groups.row_list)
        elif pane is self.feed:
            self.set_focus(self.feed.row_list)
        elif self.post.is_composing:
            self.post.focus_composer()
        else:
            self.set_focus(self.post.view)

    # --- what the panes ask for ---

    @on(RowList.Highlighted, "#group-list")
    def _group_highlighted(self, event: RowList.Highlighted) -> None:
        if self._work is not None:
            event.stop()
            self._work.reading.show_feed()

    @on(RowList.Selected, "#group-list")
    def _group_selected(self, event: RowList.Selected) -> None:
        event.stop()
        self.activate(self.feed)

    @on(RowList.Selected, "#feed")
    def _feed_selected(self, event: RowList.Selected) -> None:
        if self._work is not None:
            event.stop()
            self._work.reading.open_post(event.row.guid)

    @on(FeedPane.JoinAsked)
    def _join_asked(self, event: FeedPane.JoinAsked) -> None:
        group = self.current_group
        if self._work is not None and group is not None:
            event.stop()
            self._work.membership.toggle(group)

    # Named, not decorated with @on: the group list, the post view and the
    # composer are imported when first made.

    def on_reading_view_reply_requested(self, event: ReadingView.ReplyRequested) -> None:
        if self._work is not None:
            event.stop()
            self._work.writing.reply()

    def on_groups_pane_filter_changed(self, event: GroupsPane.FilterChanged) -> None:
        if self._work is not None:
            event.stop()
            self._work.reading.show_groups()

    def on_groups_pane_membership_toggle(self, event: GroupsPane.MembershipToggle) -> None:
        if self._work is not None:
            event.stop()
            self._work.membership.toggle(event.group)

    def on_composer_draft_changed(self, event: Composer.DraftChanged) -> None:
        if self._work is not None:
            event.stop()
            self._work.writing.save_draft(event.draft_key, "", event.text)

    def on_composer_closed(self, event: Composer.Closed) -> None:
        if self._work is not None:
            event.stop()
            self._work.writing.save_draft(event.draft_key, "", event.text)
            self.post.view.focus()

    def on_composer_editor_failed(self, event: Composer.EditorFailed) -> None:
        if self._work is not None:
            event.stop()
            self._work.writing.editor_failed(event.reason)

    def on_composer_send_requested(self, event: Composer.SendRequested) -> None:
        if self._work is not None:
            event.stop()
            # The send key is a priority binding: keys typed just before it may
            # still wait in the text area's queue. Send once that is worked off.
            send = self._work.writing.send_composed
            self.post.composer.after_typed(send, event.draft_key, event.text)
