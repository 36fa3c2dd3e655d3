"""The client names what a Pleio site answers at the door, from the local site
with its door switches on: two-factor login, a moved site, a server error, and
a variable the site could not take (200 with errors, as ariadne 0.15 answers)."""

from __future__ import annotations

import pytest
from api_helpers import ClientFactory

from fixtures_site import SiteFactory
from pleio_tui.api import GraphQLRequestError, OfflineError, is_retryable
from pleio_tui.api.errors import MovedError, TwoFactorRequiredError
from pleio_tui.api.transport import GraphQLTransport
from pleio_tui.server.doors import Doors
from pleio_tui.server.limits import MAX_GRAPHQL_BODY


async def test_two_factor_required_is_its_own_error_and_not_retried(
    site_factory: SiteFactory, make_client: ClientFactory
) -> None:
    site = site_factory(demo=True, doors=Doors(require_2fa=True))
    client = make_client(site.url, site.login("jan"))

    with pytest.raises(TwoFactorRequiredError) as caught:
        await client.viewer()

    assert caught.value.code == "two_factor_required"
    assert not is_retryable(caught.value)


async def test_a_moved_site_names_where_it_went(
    site_factory: SiteFactory, make_client: ClientFactory
) -> None:
    site = site_factory(demo=True, doors=Doors(primary_domain="pleio.example.nl"))

    with pytest.raises(MovedError) as caught:
        await make_client(site.url).viewer()

    assert caught.value.code == "moved"
    assert caught.value.location == f"http://pleio.example.nl:{site.port}/graphql"


async def test_the_error_page_is_a_server_error(
    site_factory: SiteFactory, make_client: ClientFactory
) -> None:
    site = site_factory(doors=Doors(fail_every=1))

    with pytest.raises(OfflineError) as caught:
        await make_client(site.url).viewer()

    assert caught.value.reason == "server_error"


async def test_a_variable_the_site_cannot_take_is_a_bad_request(
    site_factory: SiteFactory,
) -> None:
    site = site_factory(demo=True)
    transport = GraphQLTransport(site.url)
    try:
        with pytest.raises(GraphQLRequestError) as caught:
            await transport.query(
                "query Q($n: Int) { entities(limit: $n) { total } }", {"n": "many"}, "Q"
            )
    finally:
        await transport.aclose()

    assert "$n" in str(caught.value)


async def test_a_request_too_large_for_the_site_is_a_bad_request_not_retried(
    site_factory: SiteFactory,
) -> None:
    site = site_factory()
    transport = GraphQLTransport(site.url)
    huge = "x" * (MAX_GRAPHQL_BODY + 1)
    try:
        with pytest.raises(GraphQLRequestError) as caught:
            await transport.query("query Q($q: String) { site { name } }", {"q": huge}, "Q")
    finally:
        await transport.aclose()

    assert "413" in str(caught.value)
    assert not is_retryable(caught.value)
