"""A post or comment that would show nothing is blank, whatever Markdown wraps it."""

from __future__ import annotations

import pytest

from pleio_tui.richtext import is_blank_markdown

BLANK = [
    "",
    "   \n\t  \n",
    "** **",
    "#",
    "###   ",
    "> ",
    "> >\n>",
    "- ",
    "1.",
    "- \n  - \n    - ",
    "---",
    "***\n\n___",
    "[](https://example.org)",
    "`` ``",
    "\u200b\u200d\u2060\ufeff",
    "\u202e\u2066 \u2069",
    "\u3164\u2800",
    "&nbsp;",
]

SHOWN = [
    "x",
    "**hoi**",
    "> > citaat",
    "```\ncode\n```",
    "![](https://example.org/a.png)",
    "- [link](https://example.org)",
    "_ _",
    "\\",
    "<b></b>",
    "· ",
]


@pytest.mark.parametrize("text", BLANK)
def test_blank(text: str) -> None:
    assert is_blank_markdown(text)


@pytest.mark.parametrize("text", SHOWN)
def test_shown(text: str) -> None:
    assert not is_blank_markdown(text)


def test_deep_nesting_is_not_blank_and_does_not_crash() -> None:
    assert not is_blank_markdown("> " * 50 + "diep")
    assert is_blank_markdown("> " * 50)
    assert not is_blank_markdown("".join("  " * level + "- x\n" for level in range(50)))
