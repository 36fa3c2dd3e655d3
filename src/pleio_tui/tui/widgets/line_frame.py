"""Painting a Line-API widget with one base style per paint."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    _Base = ScrollView
else:
    _Base = object


class LineFrame(_Base):
    """Mix in before `ScrollView`: `render_line` gets the width and base style from
    `line_frame()`.

    Textual's `rich_style` walks every ancestor of the widget; asked for each line,
    that was a tenth of the first frame. Here it is asked once per paint. A mixin
    rather than a widget class: each widget class costs the start 0.1 ms to define.
    """

    _frame: tuple[int, Style] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def line_frame(self) -> tuple[int, Style]:
        """The content width and the base style of the lines being painted."""
        return self._frame or (self.scrollable_content_region.width, self.rich_style)
