"""A Line-API list over a `RowSource`: thousands of rows cost what one screen costs.

Rows are read a window at a time and rendered only when on screen; both windows
and rendered strips sit in small LRU caches, so memory does not grow with the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Generic, Protocol, TypeVar, runtime_checkable

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle

from pleio_tui.models import RowSource
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.widgets.line_frame import LineFrame

RowT = TypeVar("RowT")
RowT_co = TypeVar("RowT_co", covariant=True)

RowFormatter = Callable[[RowT, int, bool], Text | Content | list[Strip]]
"""(row, width, selected) -> the row's lines: a Text or Content with newlines
between them, or the strips themselves."""

WINDOW_SIZE = 100
WINDOW_CACHE_SIZE = 8
STRIP_CACHE_SIZE = 500
"""Rendered rows kept: a few screens' worth, so scrolling back is free."""


@runtime_checkable
class KeyedRowSource(RowSource[RowT_co], Protocol[RowT_co]):
    """A source that can find a row by key without the list paging through it."""

    def index_of(self, key: str) -> int | None: ...


def default_row_key(row: object) -> str | None:
    key = getattr(row, "guid", None) or getattr(row, "blog_guid", None)
    return key if isinstance(key, str) else None


class _RowMessage(Message):
    """A row of a list, where it stands, and the list (the message's control).

    A plain class, not a dataclass: generating a dataclass's methods cost the
    start 0.2 ms a message class."""

    def __init__(self, row_list: RowList[Any], row: Any, index: int) -> None:
        super().__init__()
        self.row_list = row_list
        self.row = row
        self.index = index

    @property
    def control(self) -> RowList[Any]:
        return self.row_list


class RowList(LineFrame, ScrollView, Generic[RowT], can_focus=True, inherit_bindings=False):
    """Shows `source` one row per `row_height` lines, with a cursor."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("list")

    DEFAULT_CSS = """
    RowList {
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    RowList > .row-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: $block-cursor-blurred-text-style;
    }
    RowList:focus > .row-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    RowList > .row-list--placeholder {
        color: $text-muted;
        text-style: italic;
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--placeholder"}

    cursor_index: reactive[int] = reactive(0, repaint=False, init=False)

    class Highlighted(_RowMessage):
        """The cursor moved to `row` (at `index`)."""

    class Selected(_RowMessage):
        """The user opened `row` (at `index`)."""

    def __init__(
        self,
        source: RowSource[RowT],
        formatter: RowFormatter[RowT],
        *,
        row_height: int = 1,
        placeholder: str = "",
        row_key: Callable[[RowT], str | None] = default_row_key,
        window_size: int = WINDOW_SIZE,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._source = source
        self._formatter = formatter
        self._row_height = max(1, row_height)
        self._placeholder = placeholder
        self._row_key = row_key
        self._window_size = max(1, window_size)
        self._windows: LRUCache[int, Sequence[RowT]] = LRUCache(WINDOW_CACHE_SIZE)
        self._strips: LRUCache[tuple[int, int, bool], list[Strip]] = LRUCache(STRIP_CACHE_SIZE)
        self._row_count = source.count()

    # --- data ---

    @property
    def source(self) -> RowSource[RowT]:
        return self._source

    @property
    def row_count(self) -> int:
        return self._row_count

    @property
    def highlighted_row(self) -> RowT | None:
        return self.row_at(self.cursor_index)

    def row_at(self, index: int) -> RowT | None:
        if not 0 <= index < self._row_count:
            return None
        number, offset = divmod(index, self._window_size)
        window = self._windows.get(number)
        if window is None:
            window = self._source.window(number * self._window_size, self._window_size)
            self._windows[number] = window
        return window[offset] if offset < len(window) else None

    def set_source(self, source: RowSource[RowT], placeholder: str | None = None) -> None:
        """Show `source` instead, keeping the cursor on the same row when it is still there."""
        old_index = self.cursor_index
        current = self.highlighted_row
        key = self._row_key(current) if current is not None else None
        self._source = source
        if placeholder is not None:
            self._placeholder = placeholder
        self._drop_caches()
        index = self._find(key, near=old_index) if key is not None else None
        self._move_cursor(index if index is not None else old_index, announce=True)

    def refresh_rows(self) -> None:
        """Forget what was read and rendered: the source's data changed."""
        self.set_source(self._source)

    def _drop_caches(self) -> None:
        self._windows.clear()
        self._strips.clear()
        self._row_count = self._source.count()
        self._update_virtual_size()
        self.refresh()

    def _find(self, key: str, near: int) -> int | None:
        if isinstance(self._source, KeyedRowSource):
            return self._source.index_of(key)
        # Without an index, look only around the old place: never page through everything.
        start = max(0, near - self._window_size)
        for index in range(start, min(self._row_count, near + self._window_size + 1)):
            row = self.row_at(index)
            if row is not None and self._row_key(row) == key:
                return index
        return None

    # --- cursor ---

    def validate_cursor_index(self, index: int) -> int:
        return max(0, min(index, self._row_count - 1))

    def watch_cursor_index(self, old_index: int, new_index: int) -> None:
        self._refresh_row(old_index)
        self._refresh_row(new_index)
        self._scroll_to_cursor()
        self._post_highlighted()

    def _move_cursor(self, index: int, *, announce: bool) -> None:
        index = self.validate_cursor_index(index)
        if index != self.cursor_index:
            self.cursor_index = index  # the watcher announces
        else:
            self._scroll_to_cursor()
            if announce:
                self._post_highlighted()

    def _post_highlighted(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Highlighted(self, row, self.cursor_index))

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = self.cursor_index * self._row_height
        bottom = top + self._row_height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif height and bottom > self.scroll_offset.y + height:
            self.scroll_to(y=bottom - height, animate=False)

    def _rows_per_page(self) -> int:
        return max(1, self.scrollable_content_region.height // self._row_height)

    def action_cursor_down(self) -> None:
        self.cursor_index += 1

    def action_cursor_up(self) -> None:
        self.cursor_index -= 1

    def action_page_down(self) -> None:
        self.cursor_index += self._rows_per_page()

    def action_page_up(self) -> None:
        self.cursor_index -= self._rows_per_page()

    def action_half_page_down(self) -> None:
        self.cursor_index += max(1, self._rows_per_page() // 2)

    def action_half_page_up(self) -> None:
        self.cursor_index -= max(1, self._rows_per_page() // 2)

    def move_to_key(self, key: str) -> bool:
        """Put the cursor on the row with `key` when the source has it (quietly:
        nothing is announced)."""
        index = self._find(key, near=self.cursor_index)
        if index is None:
            return False
        self._move_cursor(index, announce=False)
        return True

    def action_first(self) -> None:
        self.cursor_index = 0

    def action_last(self) -> None:
        self.cursor_index = self._row_count - 1

    def action_select(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(self.Selected(self, row, self.cursor_index))

    def on_click(self, event: events.Click) -> None:
        index = (event.y - self.gutter.top + self.scroll_offset.y) // self._row_height
        if index >= self._row_count:
            return
        if index == self.cursor_index:
            self.action_select()
        else:
            self.cursor_index = index

    # --- rendering ---

    def on_mount(self) -> None:
        self._update_virtual_size()

    def on_resize(self, event: events.Resize) -> None:
        self._update_virtual_size()
        self._scroll_to_cursor()

    def _update_virtual_size(self) -> None:
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, self._row_count * self._row_height)

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(index * self._row_height, self._row_height)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        self._refresh_row(self.cursor_index)

    def _on_blur(self, event: events.Blur) -> None:
        self._refresh_row(self.cursor_index)

    def render_line(self, y: int) -> Strip:
        width, base = self.line_frame()
        line = self.scroll_offset.y + y
        if self._row_count == 0:
            # The placeholder wraps: it may say why the list is empty, and what to do.
            lines = Text(self._placeholder).wrap(self.app.console, max(1, width - 2))
            if self._placeholder and line < len(lines):
                style = base + self.get_component_rich_style("row-list--placeholder")
                text = Text(" ").append_text(lines[line])
                return (
                    Strip(list(text.render(self.app.console)))
                    .apply_style(style)
                    .crop_extend(0, width, base)
                )
            return Strip.blank(width, base)
        index, part = divmod(line, self._row_height)
        if index >= self._row_count:
            return Strip.blank(width, base)
        selected = index == self.cursor_index
        strips = self._row_strips(index, width, selected)
        style = base + self.get_component_rich_style("row-list--cursor") if selected else base
        return strips[part].apply_style(style).crop_extend(0, width, style)

    def _row_strips(self, index: int, width: int, selected: bool) -> list[Strip]:
        key = (index, width, selected)
        strips = self._strips.get(key)
        if strips is None:
            row = self.row_at(index)
            lines = [] if row is None else self._lines_of(self._formatter(row, width, selected))
            blank = Strip.blank(0)
            strips = (lines + [blank] * self._row_height)[: self._row_height]
            self._strips[key] = strips
        return strips

    def _lines_of(self, rendered: Text | Content | list[Strip]) -> list[Strip]:
        if isinstance(rendered, list):
            return rendered
        if isinstance(rendered, Content):
            parse_style = self.app.stylesheet.parse_style
            return [
                Strip(
                    [
                        Segment(text, style.rich_style)
                        for text, style in line.render(VisualStyle.null(), "", parse_style)
                    ],
                    line.cell_length,
                )
                for line in rendered.split("\n", allow_blank=True)
            ]
        # Rendered whole and cut at the newlines: Text.split copies every span
        # into a new Text per line, which cost the feed a seventh of its paint.
        return [Strip(line) for line in Segment.split_lines(rendered.render(self.app.console))]
