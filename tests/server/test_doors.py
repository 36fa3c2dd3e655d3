"""The answers a Pleio site gives at the door, switched on for tests: two-factor
login required, a redirect to the primary domain, the error handler's page."""

from __future__ import annotations

import httpx

from fixtures_site import SiteFactory
from pleio_tui.server.doors import Doors

VIEWER = {"query": "{ viewer { loggedIn } }"}


def _ask(url: str, session: str | None = None, **headers: str) -> httpx.Response:
    if session:
        headers["Cookie"] = f"sessionid={session}"
    return httpx.post(f"{url}/graphql", json=VIEWER, headers=headers, follow_redirects=False)


def test_two_factor_required_answers_403_html_and_logs_the_session_out(
    site_factory: SiteFactory,
) -> None:
    site = site_factory(demo=True, doors=Doors(require_2fa=True))
    session = site.login("hadewych")

    refused = _ask(site.url, session)
    again = _ask(site.url, session)

    assert refused.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
    assert "2FA" in refused.text
    # As on Pleio, the session is gone: the next request is an anonymous one.
    assert again.json() == {"data": {"viewer": {"loggedIn": False}}}


def test_two_factor_required_lets_anonymous_requests_through(site_factory: SiteFactory) -> None:
    site = site_factory(demo=True, doors=Doors(require_2fa=True))
    assert _ask(site.url).json() == {"data": {"viewer": {"loggedIn": False}}}


def test_another_host_name_runs_then_is_sent_to_the_primary_domain(
    site_factory: SiteFactory,
) -> None:
    site = site_factory(demo=True, doors=Doors(primary_domain="localhost"))
    logged_in = httpx.post(
        f"{site.url}/login",
        data={"username": "jan", "password": "demo"},
        headers={"Host": f"localhost:{site.port}"},
    )
    session = logged_in.cookies["sessionid"]
    join = {
        "query": "mutation($g: String) { joinGroup(input: {guid: $g}) { group { membership } } }",
        "variables": {"g": _open_group_guid(site.url, site.port)},
    }

    moved = httpx.post(f"{site.url}/graphql?x=1", json=join, cookies={"sessionid": session})

    assert moved.status_code == 301
    assert moved.headers["location"] == f"http://localhost:{site.port}/graphql?x=1"
    # Pleio runs the request before it redirects: the join happened.
    again = httpx.post(
        f"{site.url}/graphql",
        json=join,
        headers={"Host": f"localhost:{site.port}", "Cookie": f"sessionid={session}"},
    )
    assert again.json()["errors"][0]["message"] == "already_member_of_group"


def _open_group_guid(url: str, port: int) -> str:
    answer = httpx.post(
        f"{url}/graphql",
        json={"query": '{ groups(q: "Open overheid") { edges { guid } } }'},
        headers={"Host": f"localhost:{port}"},
    )
    return str(answer.json()["data"]["groups"]["edges"][0]["guid"])


def test_every_nth_request_gets_the_error_page(site_factory: SiteFactory) -> None:
    site = site_factory(doors=Doors(fail_every=3))

    answers = [_ask(site.url) for _ in range(6)]

    assert [answer.status_code for answer in answers] == [200, 200, 500, 200, 200, 500]
    assert answers[2].headers["content-type"].startswith("text/html")
    assert answers[2].text == "Server error"
