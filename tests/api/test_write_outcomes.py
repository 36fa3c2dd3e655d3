"""Which failures of a write say what happened to it: only Pleio's own answers
(data, or an error code Pleio defines) and a refused connection do."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from api_helpers import ClientFactory
from fault_server import FaultServer

from pleio_tui.api import (
    AlreadyDoneError,
    GraphQLRequestError,
    NotAllowedError,
    NotLoggedInError,
    OfflineError,
    PleioError,
    RemoteError,
    SessionExpiredError,
    UnexpectedResponseError,
)
from pleio_tui.api.errors import is_pleio_answer, never_left, remote_error
from pleio_tui.server import LocalSite

DEFINITE = [
    remote_error("could_not_add"),
    remote_error("already_voted"),
    remote_error("not_logged_in"),
    GraphQLRequestError(["Cannot query field 'x' on type 'Query'."]),
]
UNKNOWN = [
    remote_error("Internal server error"),
    OfflineError("timeout"),
    OfflineError("network", "Server disconnected without sending a response."),
    OfflineError("server_error", "HTTP 502"),
    OfflineError("malformed_response"),
    SessionExpiredError("the site answered with a web page, not data"),
    SessionExpiredError("HTTP 401"),
    UnexpectedResponseError(404),
]


@pytest.mark.parametrize("error", DEFINITE, ids=lambda e: type(e).__name__ + ":" + e.code)
def test_pleio_answers_decide(error: PleioError) -> None:
    assert is_pleio_answer(error) and not never_left(error)


@pytest.mark.parametrize("error", UNKNOWN, ids=lambda e: type(e).__name__ + ":" + str(e))
def test_everything_else_leaves_a_write_unknown(error: PleioError) -> None:
    assert not is_pleio_answer(error) and not never_left(error)


def test_only_a_refused_connection_proves_nothing_left() -> None:
    assert never_left(OfflineError("connect", "Connection refused"))
    assert isinstance(remote_error("already_voted"), AlreadyDoneError)
    assert isinstance(remote_error("not_logged_in"), NotLoggedInError)
    assert isinstance(remote_error("could_not_add"), NotAllowedError)
    assert type(remote_error("Internal server error")) is RemoteError


async def test_an_unknown_error_to_a_write_is_no_answer(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "status_json"
    fault_server.payload = {"errors": [{"message": "Internal server error"}]}
    with pytest.raises(RemoteError) as caught:
        await make_client(fault_server.url, "s").vote("blog-1", 1)
    assert not is_pleio_answer(caught.value)


@pytest.mark.parametrize("mode", ["html_200", "html_401"])
async def test_a_web_page_to_a_write_is_no_answer(
    mode: str, fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = mode
    with pytest.raises(SessionExpiredError) as caught:
        await make_client(fault_server.url, "s").vote("blog-1", 1)
    assert not is_pleio_answer(caught.value) and not never_left(caught.value)


async def test_a_400_page_that_is_not_graphql_is_unexpected(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "status_json"
    fault_server.status = 400
    fault_server.payload = {"detail": "blocked by the gateway"}
    with pytest.raises(UnexpectedResponseError):
        await make_client(fault_server.url, "s").vote("blog-1", 1)


async def test_the_sites_clock_comes_from_its_answers(
    demo_site: LocalSite, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url)
    assert client.site_now() is None
    await client.viewer()
    site_now = client.site_now()
    assert site_now is not None
    # The Date header is whole seconds, rounded down: never ahead of the site.
    assert timedelta(0) <= datetime.now(UTC) - site_now < timedelta(seconds=2)
