"""Whether a text the user wrote would show anything once published.

The app and the command line both refuse to send a blank post or comment: only
whitespace, invisible characters, or Markdown whose marks surround nothing
("** **", "#", "> ", "- ", "---", "[](https://…)").
"""

from __future__ import annotations

import unicodedata

from pleio_tui.richtext.document import Node, children, node_text, node_type

_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"})
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
"""Fillers that are letters to Unicode but show as nothing."""
_SHOWN_WITHOUT_TEXT = frozenset({"image", "file", "video", "mention"})


def has_visible_text(text: str) -> bool:
    """Whether any character in `text` would leave a mark on the screen."""
    return any(
        not char.isspace()
        and char not in _INVISIBLE_LETTERS
        and unicodedata.category(char) not in _INVISIBLE_CATEGORIES
        for char in text
    )


def is_blank_markdown(text: str) -> bool:
    """True when the Markdown, published, would show no text and no attachment."""
    if not has_visible_text(text):
        return True
    from pleio_tui.richtext.markdown_reader import markdown_to_doc  # markdown-it, 25 ms

    try:
        doc = markdown_to_doc(text)
    except RecursionError:
        return False  # too deep to parse here; the visible characters count
    return not _shows_something(doc)


def _shows_something(root: Node) -> bool:
    stack = [root]
    while stack:
        node = stack.pop()
        kind = node_type(node)
        if kind in _SHOWN_WITHOUT_TEXT:
            return True
        if kind == "text" and has_visible_text(node_text(node)):
            return True
        stack.extend(children(node))
    return False
