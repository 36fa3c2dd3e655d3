"""Reading what the app would send to the terminal: every segment of every line,
with the style metadata Textual turns into mouse actions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from corpus import EMOJI_FROM_CODES, assert_inert
from rich.segment import Segment
from textual.pilot import Pilot
from textual.strip import Strip

from pleio_tui.richtext import safe_link
from pleio_tui.tui.render.markdown_lines import LINK_META_KEY

OUR_META_KEYS = frozenset({LINK_META_KEY, "offset", "@mouse.down", "@mouse.up"})
"""Meta our widgets set (a link number), and Textual's own (positions, scrollbar
grabs). Markup such as `[@click=app.quit]` would add an `@click` key."""


def screen_strips(pilot: Pilot[Any]) -> list[Strip]:
    """The lines of the whole terminal now, modal screens and toasts included."""
    return list(pilot.app.screen._compositor.render_strips())


def segments(strips: Iterable[Strip]) -> Iterable[Segment]:
    for strip in strips:
        yield from strip


def assert_strips_inert(strips: Iterable[Strip], where: str) -> str:
    """No escape, control or bidi character in any segment, no emoji made from a
    `:code:`, and no mouse action (`@click`) in any style; returns the text."""
    lines = []
    for strip in strips:
        for segment in strip:
            assert_inert(segment.text, where)
            style = segment.style
            meta = style.meta if style is not None and style._meta else {}
            unknown = {key for key in meta if key not in OUR_META_KEYS}
            assert not unknown, f"{where}: style meta {meta!r} on {segment.text!r}"
            link = style.link if style is not None else None
            assert link is None or safe_link(link) == link, f"{where}: hyperlink {link!r}"
        lines.append(strip.text)
    text = "\n".join(lines)
    for emoji in EMOJI_FROM_CODES:
        assert emoji not in text, f"{where}: an emoji code was interpreted"
    return text
