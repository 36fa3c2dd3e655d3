"""What the client makes of a broken site or network, over real HTTP to a fault server."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from api_helpers import ClientFactory
from fault_server import FaultServer

from pleio_tui import __version__
from pleio_tui.api import (
    GraphQLRequestError,
    NotLoggedInError,
    OfflineError,
    PleioClient,
    RemoteError,
    RetryPolicy,
    SessionExpiredError,
    UnexpectedResponseError,
    is_retryable,
)
from pleio_tui.api.transport import USER_AGENT


async def test_request_carries_session_cookie_user_agent_and_graphql_body(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    client = make_client(fault_server.url + "/", "abc123")
    await client.viewer()
    [request] = fault_server.requests
    assert (request.method, request.path) == ("POST", "/graphql")
    assert request.headers["cookie"] == "sessionid=abc123"
    assert request.headers["user-agent"] == f"pleio-tui/{__version__}" == USER_AGENT
    assert request.headers["content-type"] == "application/json"
    body = request.json()
    assert set(body) == {"query", "variables", "operationName"}
    assert body["operationName"] == "Viewer"
    assert body["variables"] == {}


async def test_anonymous_request_sends_no_cookie_even_after_the_site_set_one(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.set_cookie = "sessionid=planted; Path=/"
    client = make_client(fault_server.url)
    await client.viewer()
    await client.viewer()
    assert all("cookie" not in r.headers for r in fault_server.requests)


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("server_error", "server_error"),
        ("malformed", "malformed_response"),
        ("truncated", "network"),
        ("close_early", "network"),
    ],
)
async def test_broken_answers_are_offline(
    fault_server: FaultServer, make_client: ClientFactory, mode: str, reason: str
) -> None:
    fault_server.mode = mode
    with pytest.raises(OfflineError) as caught:
        await make_client(fault_server.url).viewer()
    assert caught.value.code == "offline"
    assert caught.value.reason == reason
    assert is_retryable(caught.value)


@pytest.mark.parametrize("mode", ["html_200", "html_401", "html_403", "redirect_login"])
async def test_login_pages_mean_the_session_is_gone(
    fault_server: FaultServer, make_client: ClientFactory, mode: str
) -> None:
    fault_server.mode = mode
    with pytest.raises(SessionExpiredError) as caught:
        await make_client(fault_server.url, "stale").viewer()
    assert caught.value.code == "session_expired"
    assert not is_retryable(caught.value)
    assert len(fault_server.requests) == 1


async def test_a_slow_site_times_out(fault_server: FaultServer, make_client: ClientFactory) -> None:
    fault_server.mode = "slow"
    fault_server.delay = 2.0
    client = make_client(
        fault_server.url,
        timeout=httpx.Timeout(1.0, read=0.2),
        retry=RetryPolicy(attempts=1),
    )
    with pytest.raises(OfflineError) as caught:
        await client.viewer()
    assert caught.value.reason == "timeout"


async def test_an_answer_trickling_in_hits_the_total_deadline(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "drip"
    fault_server.delay = 0.05
    client = make_client(fault_server.url, total_timeout=0.3, retry=RetryPolicy(attempts=1))
    loop = asyncio.get_running_loop()
    started = loop.time()
    with pytest.raises(OfflineError) as caught:
        await client.viewer()
    assert caught.value.reason == "timeout"
    assert loop.time() - started < 1.5


@pytest.mark.parametrize("mode", ["huge_declared", "huge_streamed"])
async def test_a_huge_answer_is_refused(
    fault_server: FaultServer, make_client: ClientFactory, mode: str
) -> None:
    fault_server.mode = mode
    client = make_client(fault_server.url, max_response_bytes=1024 * 1024)
    with pytest.raises(OfflineError) as caught:
        await client.viewer()
    assert caught.value.reason == "response_too_large"
    assert not is_retryable(caught.value)
    assert len(fault_server.requests) == 1


async def test_reads_are_retried_until_the_site_answers(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "flaky"
    fault_server.failures = 2
    viewer = await make_client(fault_server.url).viewer()
    assert viewer.logged_in is False
    assert len(fault_server.requests) == 3


async def test_reads_give_up_after_the_last_attempt(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "flaky"
    fault_server.failures = 5
    with pytest.raises(OfflineError):
        await make_client(fault_server.url).viewer()
    assert len(fault_server.requests) == 3


async def test_writes_are_never_retried(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "flaky"
    fault_server.failures = 1
    with pytest.raises(OfflineError):
        await make_client(fault_server.url, "s").vote("blog-1", 1)
    assert len(fault_server.requests) == 1


async def test_a_bad_request_is_our_fault_not_the_network(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "status_json"
    fault_server.status = 400
    fault_server.payload = {"errors": [{"message": "Cannot query field 'x' on type 'Query'."}]}
    with pytest.raises(GraphQLRequestError) as caught:
        await make_client(fault_server.url).viewer()
    assert caught.value.code == "bad_request"
    assert "Cannot query field" in str(caught.value)
    assert len(fault_server.requests) == 1


async def test_an_unknown_host_is_an_unexpected_response(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.mode = "not_found"
    with pytest.raises(UnexpectedResponseError) as caught:
        await make_client(fault_server.url).viewer()
    assert (caught.value.code, caught.value.status) == ("unexpected_response", 404)


async def test_an_unknown_resolver_code_stays_raw(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.payload = {
        "data": {"viewer": None},
        "errors": [{"message": "something_new", "path": ["viewer"]}],
    }
    with pytest.raises(RemoteError) as caught:
        await make_client(fault_server.url).viewer()
    assert type(caught.value) is RemoteError
    assert caught.value.code == "something_new"
    assert caught.value.path == ("viewer",)
    assert len(fault_server.requests) == 1, "what the site decided is not asked again"


async def test_my_groups_without_a_session_is_refused_before_asking(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    with pytest.raises(NotLoggedInError):
        await make_client(fault_server.url).groups(filter="mine")
    assert fault_server.requests == []


async def test_arguments_pleio_would_reject_are_refused_before_asking(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    client = make_client(fault_server.url)
    with pytest.raises(ValueError):
        await client.blogs(order_by="votes")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        await client.groups(filter="featured")  # type: ignore[arg-type]
    assert fault_server.requests == []


async def test_an_answer_of_the_wrong_shape_is_malformed(
    fault_server: FaultServer, make_client: ClientFactory
) -> None:
    fault_server.payload = {"data": {"groups": {"total": 1, "edges": [{"name": "no guid"}]}}}
    with pytest.raises(OfflineError) as caught:
        await make_client(fault_server.url).groups()
    assert caught.value.reason == "malformed_response"


async def test_a_stopped_server_is_offline(make_client: ClientFactory) -> None:
    server = FaultServer().start()
    url = server.url
    server.stop()
    with pytest.raises(OfflineError) as caught:
        await make_client(url).viewer()
    assert caught.value.reason == "connect"


async def test_an_injected_http_client_is_used_and_left_open(fault_server: FaultServer) -> None:
    async with httpx.AsyncClient() as http:
        async with PleioClient(
            fault_server.url, http=http, retry=RetryPolicy(attempts=1)
        ) as client:
            await client.viewer()
        assert not http.is_closed
    assert len(fault_server.requests) == 1


def test_a_session_that_could_smuggle_headers_is_refused() -> None:
    with pytest.raises(ValueError):
        PleioClient("https://example.org", "abc\r\nX-Evil: 1")
    with pytest.raises(ValueError):
        PleioClient("https://example.org", "abc; other=1")


def test_a_site_address_needs_http_or_https() -> None:
    with pytest.raises(ValueError):
        PleioClient("ftp://example.org")
