"""Pleio's resolver codes map to exceptions with a stable code the UI can explain."""

from __future__ import annotations

import pytest

from pleio_tui.api import (
    AlreadyDoneError,
    GraphQLRequestError,
    InvalidInputError,
    NotAllowedError,
    NotFoundError,
    NotLoggedInError,
    OfflineError,
    PleioCode,
    PleioError,
    RemoteError,
    SessionExpiredError,
    UnexpectedResponseError,
    is_retryable,
)
from pleio_tui.api.errors import remote_error

EXPECTED_CLASS = {
    "not_logged_in": NotLoggedInError,
    "could_not_find": NotFoundError,
    "could_not_find_group": NotFoundError,
    "NO_CONTAINER_GUID": NotFoundError,
    "could_not_add": NotAllowedError,
    "could_not_save": NotAllowedError,
    "could_not_delete": NotAllowedError,
    "user_not_member_of_group": NotAllowedError,
    "not_authorized": NotAllowedError,
    "invalid_value": InvalidInputError,
    "invalid_subtype": InvalidInputError,
    "text_too_long": InvalidInputError,
    "already_voted": AlreadyDoneError,
    "already_member_of_group": AlreadyDoneError,
}


def test_every_pleio_code_has_a_class() -> None:
    assert set(EXPECTED_CLASS) == {code.value for code in PleioCode}


@pytest.mark.parametrize(("code", "error_class"), sorted(EXPECTED_CLASS.items()))
def test_code_maps_to_its_class(code: str, error_class: type[RemoteError]) -> None:
    error = remote_error(code, code, ["addEntity"])
    assert type(error) is error_class
    assert error.code == code
    assert error.path == ("addEntity",)
    assert not is_retryable(error)


def test_unknown_code_stays_a_plain_remote_error() -> None:
    error = remote_error("NOT_GROUP_MEMBER")
    assert type(error) is RemoteError
    assert error.code == "NOT_GROUP_MEMBER"


def test_not_logged_in_is_also_a_session_problem() -> None:
    assert isinstance(remote_error("not_logged_in"), SessionExpiredError)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (OfflineError("timeout"), "offline"),
        (SessionExpiredError(), "session_expired"),
        (GraphQLRequestError(["Syntax Error"]), "bad_request"),
        (UnexpectedResponseError(404), "unexpected_response"),
    ],
)
def test_transport_errors_have_stable_codes(error: PleioError, code: str) -> None:
    assert error.code == code


def test_only_network_trouble_is_retryable() -> None:
    assert is_retryable(OfflineError("server_error"))
    assert not is_retryable(OfflineError("response_too_large"))
    assert not is_retryable(SessionExpiredError())
    assert not is_retryable(ValueError("x"))
