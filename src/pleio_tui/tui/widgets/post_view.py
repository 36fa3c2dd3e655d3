"""The post pane: a Line-API view over a post rendered once into strips.

No widget per block or per comment: scrolling only picks cached strips, and
J/K walk the comment thread so a reply can target the selected comment.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, work
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pleio_tui.models import Blog, FeedRow
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.render import ENGLISH, PostStrings
from pleio_tui.tui.widgets.line_frame import LineFrame

if TYPE_CHECKING:
    from pleio_tui.tui.render.post import CommentSpan, RenderedPost

IDLE_SLICE_SECONDS = 0.008
"""How long one background rendering slice may hold the event loop (half a frame)."""

RESIZE_INTERVAL_SECONDS = 0.1


class PostView(LineFrame, ScrollView, can_focus=True, inherit_bindings=False):
    """Shows one blog with its comments; empty until `show_blog`."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("view")

    DEFAULT_CSS = """
    PostView {
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    PostView > .post-view--selected-comment {
        background: $primary 25%;
    }
    PostView > .post-view--placeholder {
        color: $text-muted;
        text-style: italic;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "post-view--selected-comment",
        "post-view--placeholder",
    }

    @dataclass
    class CommentSelected(Message):
        """The comment selection moved; `guid` is None when no comment is selected."""

        post_view: PostView
        guid: str | None

        @property
        def control(self) -> PostView:
            return self.post_view

    def __init__(
        self,
        *,
        strings: PostStrings = ENGLISH,
        site_url: str = "",
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._strings = strings
        self._site_url = site_url
        self._empty_text = empty_text
        self._blog: Blog | None = None
        self._related: tuple[FeedRow, ...] = ()
        self._post: RenderedPost | None = None
        self._selected: int | None = None
        self.new_since: datetime | None = None
        """Comments newer than this are marked new; set before `show_blog` (kept
        when the same post is shown again)."""

    # --- what it shows ---

    @property
    def blog(self) -> Blog | None:
        return self._blog

    @property
    def rendered(self) -> RenderedPost | None:
        return self._post

    @property
    def selected_comment_guid(self) -> str | None:
        span = self._selected_span()
        return span.guid if span is not None else None

    def show_blog(self, blog: Blog, related: Sequence[FeedRow] = ()) -> None:
        """Show `blog`; showing the same post again (after a sync) keeps place and selection."""
        same_post = self._blog is not None and self._blog.guid == blog.guid
        selected_guid = self.selected_comment_guid if same_post else None
        self._blog = blog
        self._related = tuple(related)
        self._render_post()
        self._selected = None
        if selected_guid is not None and self._post is not None:
            self._post.finish()
            self._selected = self._post.comment_position(selected_guid)
        if not same_post:
            self.scroll_to(0, 0, animate=False)
        self.refresh()

    def clear(self) -> None:
        self._blog = None
        self._related = ()
        self._post = None
        self._selected = None
        self.virtual_size = Size(0, 0)
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    def set_strings(self, strings: PostStrings, empty_text: str | None = None) -> None:
        """Switch the language of the frame around the post (and of the empty text)."""
        self._strings = strings
        if empty_text is not None:
            self._empty_text = empty_text
        self._render_post()
        self.refresh()

    # --- rendering ---

    def _render_post(self) -> None:
        width = self.scrollable_content_region.width
        if self._blog is None or width <= 0:
            return
        # The renderer (markdown-it and all) is imported with the first post shown.
        from pleio_tui.tui.render.post import render_post

        self._post = render_post(
            self._blog,
            width,
            strings=self._strings,
            site_url=self._site_url,
            related=self._related,
            new_since=self.new_since,
        )
        self._sync_virtual_size()
        if not self._post.complete:
            self._finish_in_background(self._post)

    @work(exclusive=True, group="post-view-render")
    async def _finish_in_background(self, post: RenderedPost) -> None:
        last_sync = time.perf_counter()
        while not post.complete and post is self._post:
            post.render_for(IDLE_SLICE_SECONDS)
            # A new virtual size means a new layout: grow the scroll range in steps.
            if post.complete or time.perf_counter() - last_sync > RESIZE_INTERVAL_SECONDS:
                self._sync_virtual_size()
                last_sync = time.perf_counter()
            await asyncio.sleep(0)

    def _sync_virtual_size(self) -> None:
        post = self._post
        if post is None:
            return
        size = Size(post.width, len(post.lines))
        if size != self.virtual_size:
            self.virtual_size = size

    def _reveal(self, line: int) -> None:
        """Render the post at least down to `line` so scrolling there is possible."""
        if self._post is not None and not self._post.complete:
            self._post.ensure_lines(line)
            self._sync_virtual_size()

    def on_resize(self, event: events.Resize) -> None:
        width = self.scrollable_content_region.width
        if self._blog is None or (self._post is not None and self._post.width == width):
            return
        selected_guid = self.selected_comment_guid
        fraction = self.scroll_y / max(1, self.virtual_size.height)
        self._render_post()
        if self._post is None:
            return
        self._selected = None
        if selected_guid is not None:
            self._post.finish()
            self._selected = self._post.comment_position(selected_guid)
        self._sync_virtual_size()
        if self._selected is not None:  # the selected comment stays in view
            start = self._post.comments[self._selected].start
            self.scroll_to(y=max(0, start - 1), animate=False)
            return
        self.scroll_to(y=round(fraction * len(self._post.lines)), animate=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        self._reveal(round(new_value) + 2 * self.scrollable_content_region.height)
        super().watch_scroll_y(old_value, new_value)

    def render_line(self, y: int) -> Strip:
        width, base = self.line_frame()
        post = self._post
        if post is None:
            if y == 0 and self._blog is None and self._empty_text:
                style = self.get_component_rich_style("post-view--placeholder")
                text = Text(" " + self._empty_text, style)
                return Strip(list(text.render(self.app.console))).crop_extend(0, width, base)
            return Strip.blank(width, base)
        index = self.scroll_offset.y + y
        if index >= len(post.lines):
            return Strip.blank(width, base)
        span = self._selected_span()
        if span is not None and span.start <= index < span.end:
            base = base + self.get_component_rich_style("post-view--selected-comment")
        return post.lines[index].apply_style(base).crop_extend(0, width, base)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    # --- keys ---

    def action_scroll_down(self) -> None:
        self._reveal(self.scroll_offset.y + self.scrollable_content_region.height + 1)
        self.scroll_to(y=self.scroll_y + 1, animate=False)

    def action_scroll_up(self) -> None:
        self.scroll_to(y=self.scroll_y - 1, animate=False)

    def action_page_down(self) -> None:
        height = self.scrollable_content_region.height
        self._reveal(self.scroll_offset.y + 2 * height)
        self.scroll_to(y=self.scroll_y + height, animate=False)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - self.scrollable_content_region.height, animate=False)

    def action_half_page_down(self) -> None:
        half = max(1, self.scrollable_content_region.height // 2)
        self._reveal(self.scroll_offset.y + self.scrollable_content_region.height + half)
        self.scroll_to(y=self.scroll_y + half, animate=False)

    def action_half_page_up(self) -> None:
        half = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to(y=self.scroll_y - half, animate=False)

    def action_scroll_home(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_scroll_end(self) -> None:
        if self._post is not None:
            self._post.finish()
            self._sync_virtual_size()
            self.scroll_to(y=len(self._post.lines), animate=False)

    def action_next_comment(self) -> None:
        self._move_selection(+1)

    def action_previous_comment(self) -> None:
        self._move_selection(-1)

    # --- comment selection ---

    def select_comment(self, guid: str) -> bool:
        """Select a comment of the shown post and scroll to it; False when it has none such."""
        post = self._post
        if post is None:
            return False
        post.finish()
        self._sync_virtual_size()
        position = post.comment_position(guid)
        if position is None:
            return False
        self._selected = position
        span = post.comments[position]
        # Once the virtual size just set has reached the layout (and the scroll bar).
        self.call_after_refresh(self.scroll_to, y=max(0, span.start - 1), animate=False)
        self.refresh()
        self.post_message(self.CommentSelected(self, span.guid))
        return True

    def _selected_span(self) -> CommentSpan | None:
        if self._post is None or self._selected is None:
            return None
        return self._post.comments[self._selected]

    def _move_selection(self, step: int) -> None:
        post = self._post
        if post is None:
            return
        post.finish()  # comments come after the body: their places are known once rendered
        self._sync_virtual_size()
        if not post.comments:
            return
        top, height = self.scroll_offset.y, self.scrollable_content_region.height
        if self._selected is not None:
            position = max(0, min(len(post.comments) - 1, self._selected + step))
        elif step > 0:
            position = next(
                (n for n, span in enumerate(post.comments) if span.end > top),
                len(post.comments) - 1,
            )
        else:
            position = next(
                (
                    n
                    for n in range(len(post.comments) - 1, -1, -1)
                    if post.comments[n].start < top + height
                ),
                0,
            )
        if position == self._selected:
            return
        self._selected = position
        span = post.comments[position]
        if span.start < top or span.end > top + height:
            self.scroll_to(y=max(0, span.start - 1), animate=False)
        self.refresh()
        self.post_message(self.CommentSelected(self, span.guid))
