"""What can go wrong talking to a Pleio site, as exceptions a UI can explain.

Every exception carries a stable machine `code`: "offline", "session_expired",
"bad_request", "unexpected_response", or the code a Pleio resolver sent. The UI
maps codes to Dutch and English text; nothing here is meant for display.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class PleioCode(StrEnum):
    """The resolver error codes Pleio sends as the `message` of a GraphQL error."""

    NOT_LOGGED_IN = "not_logged_in"
    COULD_NOT_FIND = "could_not_find"
    COULD_NOT_FIND_GROUP = "could_not_find_group"
    COULD_NOT_ADD = "could_not_add"
    COULD_NOT_SAVE = "could_not_save"
    COULD_NOT_DELETE = "could_not_delete"
    INVALID_VALUE = "invalid_value"
    INVALID_SUBTYPE = "invalid_subtype"
    TEXT_TOO_LONG = "text_too_long"
    ALREADY_VOTED = "already_voted"
    ALREADY_MEMBER_OF_GROUP = "already_member_of_group"
    USER_NOT_MEMBER_OF_GROUP = "user_not_member_of_group"
    NOT_AUTHORIZED = "not_authorized"
    NO_CONTAINER_GUID = "NO_CONTAINER_GUID"


class PleioError(Exception):
    """Base of everything the API client raises."""

    code: str = "error"


class OfflineError(PleioError):
    """The site could not be reached or answered with something unusable: try later.

    `reason` says which: "timeout", "connect", "network", "server_error",
    "malformed_response", "response_too_large".
    """

    code = "offline"

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class SessionExpiredError(PleioError):
    """The site wants a browser login: the session cookie is missing, invalid or expired."""

    code = "session_expired"


class LoggedOutError(SessionExpiredError):
    """The session was taken out of the keyring (`pleio-tui logout`) while the app ran."""

    code = "logged_out"


class GraphQLRequestError(PleioError):
    """The site rejected the request itself (HTTP 400): the query is wrong, not the data."""

    code = "bad_request"

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("; ".join(messages) or "bad request")
        self.messages = tuple(messages)


class UnexpectedResponseError(PleioError):
    """An HTTP status a Pleio GraphQL endpoint does not use (404 for an unknown host, 405...)."""

    code = "unexpected_response"

    def __init__(self, status: int, detail: str = "") -> None:
        super().__init__(f"HTTP {status}" + (f": {detail}" if detail else ""))
        self.status = status


class TwoFactorRequiredError(UnexpectedResponseError):
    """The site demands two-factor login (403 with its "security obligation" page)
    and has logged the session out: turn it on in the browser, then log in again.

    Nothing was done; like any answer at the door it is not retried."""

    code = "two_factor_required"

    def __init__(self, detail: str = "two-factor login required") -> None:
        super().__init__(403, detail)


class MovedError(UnexpectedResponseError):
    """A permanent redirect: the site answers on another address (Pleio sends a
    site's other domains to its primary one). `location` is where, as sent."""

    code = "moved"

    def __init__(self, location: str, status: int = 301) -> None:
        super().__init__(status, location)
        self.location = location


class RemoteError(PleioError):
    """A resolver refused: `code` is Pleio's error code, raw when it is not a known one."""

    def __init__(self, code: str, message: str = "", path: Sequence[str | int] = ()) -> None:
        super().__init__(code if not path else f"{code} at {'.'.join(map(str, path))}")
        self.code = code
        self.message = message or code
        self.path = tuple(path)


class NotLoggedInError(RemoteError, SessionExpiredError):
    """The site treats the request as anonymous: with a session sent, it has expired."""


class NotFoundError(RemoteError):
    """The item, group or container does not exist (any more)."""


class NotAllowedError(RemoteError):
    """The user may not do this here: not a member, not the owner, not permitted."""


class InvalidInputError(RemoteError):
    """A value was rejected: an empty title, a vote of 0, an unknown subtype."""


class AlreadyDoneError(RemoteError):
    """The action had already been done: the same vote twice, joining a group twice."""


_ERROR_CLASS_BY_CODE: dict[str, type[RemoteError]] = {
    PleioCode.NOT_LOGGED_IN: NotLoggedInError,
    PleioCode.COULD_NOT_FIND: NotFoundError,
    PleioCode.COULD_NOT_FIND_GROUP: NotFoundError,
    PleioCode.NO_CONTAINER_GUID: NotFoundError,
    PleioCode.COULD_NOT_ADD: NotAllowedError,
    PleioCode.COULD_NOT_SAVE: NotAllowedError,
    PleioCode.COULD_NOT_DELETE: NotAllowedError,
    PleioCode.USER_NOT_MEMBER_OF_GROUP: NotAllowedError,
    PleioCode.NOT_AUTHORIZED: NotAllowedError,
    PleioCode.INVALID_VALUE: InvalidInputError,
    PleioCode.INVALID_SUBTYPE: InvalidInputError,
    PleioCode.TEXT_TOO_LONG: InvalidInputError,
    PleioCode.ALREADY_VOTED: AlreadyDoneError,
    PleioCode.ALREADY_MEMBER_OF_GROUP: AlreadyDoneError,
}


def remote_error(code: str, message: str = "", path: Sequence[str | int] = ()) -> RemoteError:
    """The exception for a resolver error, by its Pleio code."""
    error_class = _ERROR_CLASS_BY_CODE.get(code, RemoteError)
    return error_class(code, message, path)


def is_retryable(exc: BaseException) -> bool:
    """Whether sending the same request again later may succeed.

    Only trouble on the way there or back is; a body too large will stay too large,
    and whatever the site decided (a resolver error, a login wall) stands until the
    user acts.
    """
    return isinstance(exc, OfflineError) and exc.reason != "response_too_large"


def is_pleio_answer(exc: BaseException) -> bool:
    """Pleio itself answered, with an error code it defines: what it says stands
    (a write so answered was not done, unless it says it was done already).

    An unknown message ("Internal server error"), a 5xx, a web page of any
    status, a timeout or a dropped connection is not an answer: a write may or
    may not have been done."""
    if isinstance(exc, GraphQLRequestError):
        return True
    return isinstance(exc, RemoteError) and exc.code in _ERROR_CLASS_BY_CODE


def never_left(exc: BaseException) -> bool:
    """The request certainly did not leave this machine: the connection was refused."""
    return isinstance(exc, OfflineError) and exc.reason == "connect"
