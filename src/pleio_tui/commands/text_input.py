"""What the user hands a command: arguments, a file or standard input, as UTF-8 text.

Bytes that are not UTF-8 reach Python as lone surrogates (in `sys.argv`) or as a
decoding error (in a file): either is refused with a message that names where
they were, never by a traceback or by sending text that is not what was meant.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from pleio_tui.cli_i18n import tr
from pleio_tui.richtext import terminal_safe_line


class BadInputError(ValueError):
    """Input that cannot be used as it is; the message says where and why."""


_UTF8_ADVICE = "save it as UTF-8 (for example with `iconv -f latin1 -t utf-8`)"
_NOT_UTF8 = "{where} is not UTF-8 text (byte 0x{byte} at offset {offset}): {advice}"


def has_surrogates(text: str) -> bool:
    return any("\ud800" <= char <= "\udfff" for char in text)


def check_arguments(argv: Sequence[str]) -> None:
    """BadInputError for the first argument holding bytes that are not UTF-8."""
    for position, argument in enumerate(argv, start=1):
        if has_surrogates(argument):
            said = (
                "argument {position} holds bytes that are not UTF-8 text: "
                "give it in UTF-8 (is the terminal set to UTF-8?)"
            )
            raise BadInputError(tr(said, position=position))


def _decoded(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = f"{data[exc.start]:02x}"
        advice = tr(_UTF8_ADVICE)
        said = tr(_NOT_UTF8, where=where, byte=byte, offset=exc.start, advice=advice)
        raise BadInputError(said) from None


def read_text(source: str) -> str:
    """The whole of a file, or of standard input for "-", as UTF-8 text."""
    if source == "-":
        return read_stdin()
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        said = tr("cannot read {file}: {why}", file=terminal_safe_line(source), why=reason)
        raise BadInputError(said) from None
    return _decoded(data, terminal_safe_line(source))


def read_stdin() -> str:
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream put in place of stdin
        text = sys.stdin.read()
        if has_surrogates(text):
            raise BadInputError(f"standard input is not UTF-8 text: {_UTF8_ADVICE}")
        return text
    return _decoded(buffer.read(), tr("standard input"))


def read_stdin_line() -> str:
    """One line of standard input; "" at its end."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        line = sys.stdin.readline()
        if has_surrogates(line):
            raise BadInputError(f"standard input is not UTF-8 text: {_UTF8_ADVICE}")
        return line
    return _decoded(buffer.readline(), tr("standard input"))
