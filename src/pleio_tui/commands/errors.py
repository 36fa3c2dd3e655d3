"""Errors a command explains in one line instead of a traceback, in the
language of the command line (cli_i18n)."""

from __future__ import annotations

import errno
from urllib.parse import urlsplit

from pleio_tui.api import (
    GraphQLRequestError,
    OfflineError,
    RemoteError,
    SessionExpiredError,
    UnexpectedResponseError,
)
from pleio_tui.api.errors import MovedError, TwoFactorRequiredError
from pleio_tui.cli_i18n import tr
from pleio_tui.commands.text_input import BadInputError
from pleio_tui.config import ConfigError
from pleio_tui.context import NoSiteError
from pleio_tui.credentials import KeyringUnavailableError, MalformedSessionError
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.secret import SESSION_ENV
from pleio_tui.session_env import SESSION_SITE_ENV, UnboundSessionError
from pleio_tui.site_url import SiteUrlError
from pleio_tui.store import StoreError

EXPLAINED: tuple[type[Exception], ...] = (
    BadInputError,
    MalformedSessionError,
    ConfigError,
    NoSiteError,
    KeyringUnavailableError,
    SiteUrlError,
    StoreError,
)

_OFFLINE_REASONS = {
    "timeout": "it took too long to answer",
    "connect": "no connection could be made",
    "network": "the connection broke off",
    "server_error": "it had an internal error",
    "malformed_response": "its answer was garbled",
    "response_too_large": "its answer was too large",
}

_CODE_TEXT = {
    "not_logged_in": "you are not logged in",
    "could_not_find": "it no longer exists on the site",
    "could_not_find_group": "the group no longer exists on the site",
    "NO_CONTAINER_GUID": "the post or group it belongs to no longer exists",
    "could_not_add": "you may not add this there (if it is in a group, join the group first)",
    "could_not_save": "you may not change this",
    "could_not_delete": "you may not delete this",
    "invalid_value": "the site did not accept a value (an empty or too long title?)",
    "invalid_subtype": "the site does not know this kind of item",
    "text_too_long": "a text is too long for the site",
    "already_voted": "you already voted this way",
    "already_member_of_group": "you are already a member of the group",
    "user_not_member_of_group": "you are not a member of that group",
    "not_authorized": "you are not allowed to do this",
    "two_factor_required": "the site requires two-factor login",
    "moved": "the site has moved to another address",
}


def describe_code(code: str) -> str:
    """A Pleio error code (or a client one such as "offline") in words."""
    if code in _CODE_TEXT:
        return tr(_CODE_TEXT[code])
    return tr("the site said {code}", code=repr(terminal_safe_line(code)))


def describe_offline(exc: OfflineError | str) -> str:
    """Why the site could not be reached, from the error or its `reason`."""
    reason = exc.reason if isinstance(exc, OfflineError) else exc
    if reason in _OFFLINE_REASONS:
        return tr(_OFFLINE_REASONS[reason])
    return terminal_safe_line(reason)


def describe_moved(location: str) -> str:
    """The site address a redirect points at (scheme and host), safe to print."""
    parts = urlsplit(location)
    if parts.scheme in ("http", "https") and parts.netloc:
        return terminal_safe_line(f"{parts.scheme}://{parts.netloc}")
    return repr(terminal_safe_line(location))


def describe_file_error(exc: OSError) -> str:
    """A file or folder pleio-tui could not write (config, cache), named, with
    what to do."""
    where = terminal_safe_line(str(exc.filename))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return tr("the disk holding {where} is full: free some space and try again", where=where)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr(
            "{where} cannot be written (the file, its folder or its disk is read-only): "
            "make it writable for your user and try again",
            where=where,
        )
    return f"{where}: {terminal_safe_line(exc.strerror or str(exc))}"


def describe_unbound_session() -> str:
    """PLEIO_TUI_SESSION without the site it is for: refused, and how to mend it."""
    text = (
        "{variable} is set, but {site_variable} does not name the site it is for: set "
        "{site_variable} to that site's address (https://...), or unset {variable}; "
        "nothing was sent"
    )
    return tr(text, variable=SESSION_ENV, site_variable=SESSION_SITE_ENV)


def describe_no_keyring(detail: str) -> str:
    """No keyring keeps the session: the variables that give it instead."""
    text = (
        "no usable keyring on this machine to keep the session in ({detail}); set "
        "{variable} to the sessionid value and {site_variable} to the site's address instead"
    )
    return tr(
        text,
        detail=terminal_safe_line(detail),
        variable=SESSION_ENV,
        site_variable=SESSION_SITE_ENV,
    )


def explain(exc: Exception) -> str | None:
    """The message for an error a user can act on; None for a bug."""
    if isinstance(exc, UnboundSessionError):
        return describe_unbound_session()
    if isinstance(exc, KeyringUnavailableError):
        return describe_no_keyring(exc.detail)
    if isinstance(exc, EXPLAINED):
        return terminal_safe_line(str(exc))
    # A file error with no file named is not about the user's files: a bug.
    if isinstance(exc, OSError) and exc.filename is not None:
        return describe_file_error(exc)
    # NotLoggedInError is both a refusal and an expired session: the session wins.
    if isinstance(exc, SessionExpiredError):
        return tr(
            "the site no longer accepts the stored session (expired or logged out): "
            "run `pleio-tui login SITE_URL` again"
        )
    if isinstance(exc, OfflineError):
        return tr("the site cannot be reached: {why}", why=describe_offline(exc))
    if isinstance(exc, RemoteError):
        return tr("the site refused: {why}", why=describe_code(exc.code))
    if isinstance(exc, TwoFactorRequiredError):
        return tr(
            "the site requires two-factor login and has logged the session out: turn it on "
            "for your account in the browser, then run `pleio-tui login SITE_URL` again"
        )
    if isinstance(exc, MovedError):
        return tr(
            "the site has moved to {where}: use that address (`pleio-tui login ADDRESS`)",
            where=describe_moved(exc.location),
        )
    if isinstance(exc, UnexpectedResponseError):
        return tr(
            "the site answered HTTP {status}: is this the address of a Pleio site?",
            status=exc.status,
        )
    if isinstance(exc, GraphQLRequestError):
        return tr(
            "the site did not understand the request: "
            "it may run a Pleio version this pleio-tui does not know"
        )
    return None
