"""Which message a failure gets: every api and store error has a code the strings know."""

from __future__ import annotations

from pleio_tui.store import (
    CacheBusyError,
    CacheCorruptError,
    CacheFileError,
    CacheFullError,
    CacheIOError,
    CacheOpenError,
    CacheReadOnlyError,
    CacheReplacedError,
)

_STORE_CODES: tuple[tuple[type[CacheFileError], str], ...] = (
    (CacheBusyError, "cache_busy"),
    (CacheCorruptError, "cache_corrupt"),
    (CacheFullError, "cache_full"),
    (CacheReadOnlyError, "cache_read_only"),
    (CacheOpenError, "cache_open"),
    (CacheIOError, "cache_io"),
    (CacheReplacedError, "cache_replaced"),
)


def error_code(exc: BaseException) -> str:
    """Pleio's or the client's code for `exc` ("offline", "could_not_add", ...)."""
    from pleio_tui.api import PleioError  # not needed before something fails

    if isinstance(exc, PleioError):
        return exc.code
    for kind, code in _STORE_CODES:
        if isinstance(exc, kind):
            return code
    return "unknown"
