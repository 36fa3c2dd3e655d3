"""Hostile strings a stranger can put on a Pleio site, and what "inert" means for them.

Every entry is a trick a terminal or Textual would act on if it reached them as
is. `assert_inert` is written from the terminal's point of view, independently of
`pleio_tui.richtext.terminal`, so the tests do not trust the code they check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

HOSTILE: dict[str, str] = {
    "csi_clear": "Clear\x1b[2J\x1b[Hscreen",
    "osc_title": "\x1b]0;PWNED\x07Title",
    "osc_title_st": "\x1b]2;PWNED\x1b\\Title",
    "osc8_link": "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\",
    "osc52_clipboard": "\x1b]52;c;cm0gLXJmIH4K\x07copied",
    "dcs": "\x1bP1$r0m\x1b\\dcs",
    "c1_csi": "\x9b31mred\x9b0m",
    "c1_osc": "\x9d0;PWNED\x9ctitle",
    "bidi_override": "invoice\u202egnp.exe",
    "bidi_isolate": "\u2066isolated\u2069 text \u200f",
    "nul": "nul\x00byte",
    "bell_backspace": "ring\x07\x08\x08\x08XYZ",
    "carriage_return": "harmless text\rEVIL",
    "textual_click": "[@click=app.quit]x[/]",
    "textual_style": "[bold red]alarm[/bold red]",
    "rich_link_markup": "[link=javascript:alert(1)]x[/link]",
    "rich_emoji": ":skull: :warning:",
    "tag_chars": "hidden\U000e0041\U000e0042text",
}
"""Each one also carries a visible word, so a test can see it arrived at all."""

LITERAL_MARKUP = ("[@click=app.quit]x[/]", "[bold red]alarm[/bold red]", ":skull:")
"""Must show exactly so: as text, never parsed."""

EMOJI_FROM_CODES = ("\N{SKULL}", "\N{WARNING SIGN}")
"""What Rich would make of `:skull: :warning:` if it parsed emoji codes."""

HOSTILE_HREFS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.cookie)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "https://evil.example/\x1b]0;PWNED\x07",
)
"""Link targets that must never become a link, nor be shown to copy."""

HUGE = "A" * 300_000 + "\x1b[2J" + "B" * 10
"""Past any buffer a renderer might keep: the escape at the end is still removed."""

LONE_SURROGATE = "broken\ud800half"
"""Legal inside JSON (`"\\ud800"`), but no UTF-8 file or terminal can hold it."""

_C0_BUT_NEWLINE = "".join(chr(code) for code in range(0x20) if code != 0x0A)
_UNSAFE = re.compile(
    "["
    + re.escape(_C0_BUT_NEWLINE)
    + "\x7f-\x9f"  # DEL and C1 (0x9b is a one-byte CSI)
    + "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi controls
    + "\ud800-\udfff"  # lone surrogates
    + "\U000e0000-\U000e007f"  # tag characters
    + "]"
)


def unsafe_chars(text: str) -> list[str]:
    """The characters in `text` a terminal would act on or that reorder text."""
    return _UNSAFE.findall(text)


def assert_inert(text: str, where: str = "") -> None:
    found = unsafe_chars(text)
    assert not found, f"{where}: unsafe characters {found!r} in {text[:200]!r}"


def assert_all_inert(texts: Iterable[str], where: str = "") -> None:
    for text in texts:
        assert_inert(text, where)


def hostile_values() -> list[str]:
    return list(HOSTILE.values())


def everything_in_one(separator: str = " ") -> str:
    """All of the corpus in one string, for fields that take one value."""
    return separator.join(HOSTILE.values())
