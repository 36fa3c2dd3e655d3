"""A value that must never be shown: the session cookie.

A `Secret` prints as asterisks wherever it ends up (a repr, an f-string, a
crash report's local variables, a log line); its value is read with `reveal()`,
at the one place that sends it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import NoReturn

SESSION_ENV = "PLEIO_TUI_SESSION"
SECRET_ENVIRONMENT = (SESSION_ENV,)
"""Environment variables that hold secrets: never handed to a child process."""

COOKIE_NAME = "sessionid"
MASK = "********"

# RFC 6265 cookie-octet: anything else could smuggle another cookie or header.
_COOKIE_OCTETS = frozenset(chr(code) for code in range(0x21, 0x7F)) - frozenset('",;\\')


class MalformedSessionError(ValueError):
    """A session value that no cookie can carry; the message never quotes it."""


class Secret:
    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"Secret({MASK!r})"

    def __str__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Secret):
            return NotImplemented
        import hmac  # hashlib with it: not worth its import time at every start

        return hmac.compare_digest(self._value.encode(), other._value.encode())

    def __hash__(self) -> int:
        return hash((Secret, self._value))

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret is not pickled: it would be written out in full")


def scrub_secret_environment() -> None:
    """Take the secrets out of this process's environment once they are read: no
    child process (the browser the app opens, the editor, their helpers) inherits
    them."""
    for name in SECRET_ENVIRONMENT:
        os.environ.pop(name, None)


def is_cookie_value(value: str) -> bool:
    return bool(value) and all(char in _COOKIE_OCTETS for char in value)


def session_secret(raw: str, *, source: str = "the sessionid") -> Secret:
    """The session from what a user pasted or set: spaces around it and a leading
    "sessionid=" (as in a Cookie header) are dropped. MalformedSessionError when
    what is left is empty or cannot be a cookie value; `source` names where it
    came from in the message."""
    value = raw.strip()
    prefix = f"{COOKIE_NAME}="
    if value.startswith(prefix):
        value = value[len(prefix) :].strip()
    if not value:
        raise MalformedSessionError(f"{source} is empty")
    if not is_cookie_value(value):
        raise MalformedSessionError(
            f"{source} is not a sessionid value: it holds spaces, quotes, ';' or "
            "characters a cookie cannot carry (copy the cookie's value again)"
        )
    return Secret(value)
