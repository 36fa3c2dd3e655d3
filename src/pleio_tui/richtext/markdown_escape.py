"""Escaping text so that Markdown reads it back as the same text."""

import re

_ALWAYS_ESCAPED = re.compile(r"([\\*`\[\]<|])")
_ENTITY_LIKE = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_LINE_START_BLOCK_MARKER = re.compile(r"^([#>+=~-])")
_LINE_START_ORDERED_MARKER = re.compile(r"^([0-9]{1,9})([.)])")
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_DESTINATION_CODES = {"\\": "%5C", " ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}


def escape_inline(text: str) -> str:
    """Text safe inside a paragraph, heading or table cell, wherever it stands on a line."""
    escaped = _ENTITY_LIKE.sub(r"\\&", _ALWAYS_ESCAPED.sub(r"\\\1", text))
    return _escape_underscores(escaped)


def escape_line_start(escaped: str) -> str:
    """Escaped text that opens a line: nothing in it may start a block (heading, list, quote)."""
    escaped = _LINE_START_BLOCK_MARKER.sub(r"\\\1", escaped)
    return _LINE_START_ORDERED_MARKER.sub(r"\1\\\2", escaped)


def escape_heading_end(escaped: str) -> str:
    """A trailing `#` would be read as the heading's closing sequence."""
    if escaped.endswith("#") and not escaped.endswith("\\#"):
        return escaped[:-1] + "\\#"
    return escaped


def escape_title(title: str) -> str:
    return title.replace("\\", "\\\\").replace('"', '\\"')


def escape_destination(url: str) -> str:
    """A link target that needs no angle brackets and survives Markdown's backslash escapes."""
    url = _LONE_PERCENT.sub("%25", url)
    return "".join(_DESTINATION_CODES.get(char, char) for char in url)


def _escape_underscores(text: str) -> str:
    """An underscore between two letters or digits cannot be emphasis: leave it readable."""
    if "_" not in text:
        return text
    out: list[str] = []
    for index, char in enumerate(text):
        if char == "_" and not (
            0 < index < len(text) - 1 and text[index - 1].isalnum() and text[index + 1].isalnum()
        ):
            out.append("\\_")
        else:
            out.append(char)
    return "".join(out)
