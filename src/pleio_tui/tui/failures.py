"""Which message a failure gets: every api and store error has a code the strings know."""

from __future__ import annotations

from pleio_tui.store import CacheBusyError, CacheCorruptError


def error_code(exc: BaseException) -> str:
    """Pleio's or the client's code for `exc` ("offline", "could_not_add", ...)."""
    from pleio_tui.api import PleioError  # not needed before something fails

    if isinstance(exc, PleioError):
        return exc.code
    if isinstance(exc, CacheBusyError):
        return "cache_busy"
    if isinstance(exc, CacheCorruptError):
        return "cache_corrupt"
    return "unknown"
