"""The login form, the sessionid cookie, logout, and the walled garden."""

from __future__ import annotations

import httpx
from site_graphql import GraphQL

from fixtures_site import SiteFactory
from pleio_tui.server import LocalSite

VIEWER = "{ viewer { loggedIn isAdmin user { name } } }"


def test_the_login_page_is_a_form(demo_site: LocalSite) -> None:
    response = httpx.get(f"{demo_site.url}/login")
    assert response.status_code == 200
    assert 'name="username"' in response.text
    assert 'name="password"' in response.text


def test_a_good_login_redirects_with_an_http_only_session_cookie(demo_site: LocalSite) -> None:
    response = httpx.post(
        f"{demo_site.url}/login", data={"username": "hadewych", "password": "demo"}
    )
    assert response.status_code == 302
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("sessionid=")
    assert "HttpOnly" in cookie
    assert "Secure" not in cookie


def test_a_wrong_password_shows_the_form_again_without_a_cookie(demo_site: LocalSite) -> None:
    response = httpx.post(
        f"{demo_site.url}/login", data={"username": "hadewych", "password": "nope"}
    )
    assert response.status_code == 401
    assert "set-cookie" not in response.headers
    assert 'name="password"' in response.text


def test_the_session_cookie_is_the_credential(
    api: GraphQL, hadewych: str, admin_session: str
) -> None:
    assert api.data(VIEWER) == {"viewer": {"loggedIn": False, "isAdmin": False, "user": None}}
    assert api.data(VIEWER, session=hadewych)["viewer"] == {
        "loggedIn": True,
        "isAdmin": False,
        "user": {"name": "Hadewych"},
    }
    assert api.data(VIEWER, session=admin_session)["viewer"]["isAdmin"] is True
    assert api.data(VIEWER, session="forged")["viewer"]["loggedIn"] is False


def test_logout_ends_the_session(api: GraphQL, demo_site: LocalSite, hadewych: str) -> None:
    response = httpx.post(f"{demo_site.url}/logout", headers={"cookie": f"sessionid={hadewych}"})
    assert response.status_code == 302
    assert api.data(VIEWER, session=hadewych)["viewer"]["loggedIn"] is False


def test_a_walled_garden_turns_anonymous_graphql_away_with_html(site_factory: SiteFactory) -> None:
    site = site_factory(demo=True, closed=True)
    anonymous = httpx.post(f"{site.url}/graphql", json={"query": "{ site { name } }"})
    assert anonymous.status_code == 401
    assert anonymous.headers["content-type"].startswith("text/html")
    expired = httpx.post(
        f"{site.url}/graphql",
        json={"query": "{ site { name } }"},
        headers={"cookie": "sessionid=old"},
    )
    assert expired.status_code == 401
    session = site.login("jan")
    inside = httpx.post(
        f"{site.url}/graphql",
        json={"query": "{ site { accessIds { id } } }"},
        headers={"cookie": f"sessionid={session}"},
    )
    assert inside.status_code == 200
    # A walled garden offers no public access.
    assert [a["id"] for a in inside.json()["data"]["site"]["accessIds"]] == [0, 1]
