"""Remote text made harmless for a terminal: no control, escape or bidi characters left."""

import re
from functools import cache

_TAB_AS_SPACES = "    "

# Characters that either act on a terminal or change how text around them is shown.
_DELETED_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x08),
    (0x0B, 0x0C),
    (0x0E, 0x1F),  # C0 controls, ESC among them (\t, \n, \r are handled apart)
    (0x7F, 0x9F),  # DEL and the C1 controls (0x9B is a one-byte CSI)
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200B),  # zero-width space
    (0x200E, 0x200F),  # left-to-right and right-to-left marks
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner and invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0x206A, 0x206F),  # deprecated format characters
    (0xFEFF, 0xFEFF),  # zero-width no-break space
    (0xFFF9, 0xFFFB),  # interlinear annotation
    (0xE0000, 0xE007F),  # tag characters: invisible text
)


_NEWLINE_CODES = (ord("\r"), 0x2028, 0x2029)  # CR, line and paragraph separators
_SURROGATES = (0xD800, 0xDFFF)
"""A lone surrogate (legal in JSON) would make the terminal's UTF-8 encoder raise."""


def _build_table() -> dict[int, str | None]:
    # dict.fromkeys over ranges: the table is built at every start.
    table: dict[int, str | None] = {}
    for first, last in _DELETED_RANGES:
        table.update(dict.fromkeys(range(first, last + 1)))
    table[ord("\t")] = _TAB_AS_SPACES
    table.update(dict.fromkeys(_NEWLINE_CODES, "\n"))
    table.update(dict.fromkeys(range(_SURROGATES[0], _SURROGATES[1] + 1), "\ufffd"))
    return table


_TABLE = _build_table()


def _character_class(ranges: list[tuple[int, int]]) -> str:
    """A regex class of ranges: one escaped character each made compiling it cost
    more than the rest of start-up's text handling."""
    parts = []
    for first, last in sorted(ranges):
        low, high = re.escape(chr(first)), re.escape(chr(last))
        parts.append(low if first == last else f"{low}-{high}")
    return "[" + "".join(parts) + "]"


@cache
def _forbidden_pattern() -> re.Pattern[str]:
    """Compiled when first asked (a link is checked), not at every start."""
    return re.compile(
        _character_class(
            [
                *_DELETED_RANGES,
                (ord("\t"), ord("\t")),
                *((code, code) for code in _NEWLINE_CODES),
                _SURROGATES,
            ]
        )
    )


_WHITESPACE_RUN = re.compile(r"\s+")


def forbidden_chars() -> frozenset[str]:
    """Every character terminal_safe never lets through."""
    return frozenset(map(chr, _TABLE))


def has_forbidden_char(text: str) -> bool:
    return _forbidden_pattern().search(text) is not None


def terminal_safe(text: str) -> str:
    """Text with every character that could act on a terminal removed; newlines kept."""
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return text.translate(_TABLE)


def terminal_safe_line(text: str) -> str:
    """terminal_safe for one-line fields (titles, names): each whitespace run becomes a space."""
    return _WHITESPACE_RUN.sub(" ", terminal_safe(text)).strip()
