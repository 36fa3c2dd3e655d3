"""What must never reach a terminal, written from the terminal's side and kept
apart from `pleio_tui.richtext.terminal`: a test that checked the sanitizer
against its own table would pass with ESC let through."""

from __future__ import annotations

ALLOWED_CONTROLS = frozenset("\n")
"""Newlines separate lines; everything else below 0x20 acts on the terminal."""
ALLOWED_IN_TEXT = frozenset("\n\t")
"""A tab may stay in a text (terminal_safe turns it into spaces; a line never has one)."""

C0 = frozenset(map(chr, range(0x00, 0x20)))
ESC = "\x1b"
DEL = "\x7f"
C1 = frozenset(map(chr, range(0x80, 0xA0)))
BIDI = frozenset(
    [chr(code) for code in range(0x202A, 0x202F)]  # embeddings and overrides
    + [chr(code) for code in range(0x2066, 0x206A)]  # isolates
    + ["\u200e", "\u200f", "\u061c"]  # LRM, RLM, Arabic letter mark
)
LINE_SEPARATORS = frozenset("\r\u2028\u2029")
TAGS = frozenset(map(chr, range(0xE0000, 0xE0080)))
SURROGATES = frozenset(map(chr, range(0xD800, 0xE000)))

NEVER_SHOWN = (C0 - ALLOWED_CONTROLS) | {DEL} | C1 | BIDI | LINE_SEPARATORS | TAGS | SURROGATES
"""Not one of these may be in text headed for the terminal (tabs included: a
terminal moves the cursor for them)."""

SAMPLES = sorted((C0 | {DEL} | C1 | BIDI | LINE_SEPARATORS | {"\ud800", "\U000e0041"}) - {"\n"})
"""A few of each kind, for strategies that must not leave them to chance."""


def forbidden_in(text: str, *, allowed: frozenset[str] = ALLOWED_CONTROLS) -> list[str]:
    """The characters of `text` a terminal would act on, or that reorder text."""
    return [char for char in text if char in NEVER_SHOWN and char not in allowed]
