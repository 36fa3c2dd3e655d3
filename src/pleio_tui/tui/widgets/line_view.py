"""A `ScrollView` painted line by line, with one base style per paint."""

from __future__ import annotations

from rich.style import Style
from textual.geometry import Region
from textual.scroll_view import ScrollView
from textual.strip import Strip


class LineView(ScrollView):
    """`render_line` gets the width and base style from `line_frame()`.

    Textual's `rich_style` walks every ancestor of the widget; asked for each line,
    that was a tenth of the first frame. Here it is asked once per paint.
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
