"""How links are marked in a rendered post: their number ("[1]") and their
address cut to the width on screen (the target itself always stays whole)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

LINK_NUMBER = Style(color="blue", dim=True)
ELLIPSIS = "…"
MIN_WIDTH = 12
"""As the renderer's narrowest line (markdown_lines.MIN_WIDTH)."""


def fit_url(url: str, width: int) -> str:
    """The URL as shown in `width` cells: whole when it fits, else cut with an
    ellipsis (the link's target stays whole: only what is shown is cut). Wrapping
    breaks lines at spaces only, so a URL that fits is never split."""
    width = max(width, MIN_WIDTH)
    shown = Text(url)
    if shown.cell_len <= width:
        return url
    shown.truncate(width - 1)
    return shown.plain + ELLIPSIS


def link_number(index: int) -> str:
    """How link `index` (from 0) is named in the text and in the picker: "[1]"."""
    return f"[{index + 1}]"
