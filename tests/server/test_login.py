"""The login form, the sessionid cookie, logout, and the walled garden."""

from __future__ import annotations

import statistics
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
from site_graphql import GraphQL

from fixtures_site import SiteFactory
from pleio_tui.server import LocalSite
from pleio_tui.server.throttle import (
    MAX_FAILURES_PER_ADDRESS,
    MAX_FAILURES_PER_USER,
    WINDOW_SECONDS,
    LoginThrottle,
)

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
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie


def _log_in(site: LocalSite, username: str, password: str, **headers: str) -> httpx.Response:
    return httpx.post(
        f"{site.url}/login",
        data={"username": username, "password": password},
        headers=headers,
        timeout=30,
    )


def test_the_cookie_is_secure_when_a_trusted_proxy_says_https(site_factory: SiteFactory) -> None:
    site = site_factory(demo=True, trusted_proxies=("127.0.0.1",))

    response = _log_in(site, "hadewych", "demo", **{"X-Forwarded-Proto": "https"})

    cookie = response.headers["set-cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie


def test_forwarded_headers_are_ignored_unless_a_proxy_is_trusted(demo_site: LocalSite) -> None:
    spoofed = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
    response = _log_in(demo_site, "hadewych", "demo", **spoofed)
    assert "Secure" not in response.headers["set-cookie"]


def test_wrong_passwords_for_one_user_are_throttled(demo_site: LocalSite) -> None:
    for _ in range(MAX_FAILURES_PER_USER):
        assert _log_in(demo_site, "hadewych", "guess").status_code == 401

    refused = _log_in(demo_site, "hadewych", "guess")
    right = _log_in(demo_site, "Hadewych", "demo")

    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= WINDOW_SECONDS
    assert right.status_code == 429
    assert "set-cookie" not in right.headers
    # Another user from the same address is not held up by hadewych's attacker.
    assert _log_in(demo_site, "jan", "demo").status_code == 302


def test_failures_from_one_address_are_throttled_whatever_the_username(
    demo_site: LocalSite,
) -> None:
    def fail(n: int) -> int:
        # A made-up forwarded address changes nothing: no proxy is trusted.
        spoofed = {"X-Forwarded-For": f"203.0.113.{n}"}
        return _log_in(demo_site, f"nobody{n}", "x", **spoofed).status_code

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(fail, range(MAX_FAILURES_PER_ADDRESS)))
    assert answers == [401] * MAX_FAILURES_PER_ADDRESS
    assert _log_in(demo_site, "jan", "demo").status_code == 429


def test_the_throttle_forgets_failures_after_the_window() -> None:
    now = [1000.0]
    throttle = LoginThrottle(per_user=2, per_address=3, window=60, clock=lambda: now[0])
    throttle.failed("jan", "10.0.0.1")
    now[0] += 30
    throttle.failed("JAN", "10.0.0.2")
    assert throttle.retry_after("jan", "10.0.0.3") == 30
    assert throttle.retry_after("marieke", "10.0.0.3") is None
    now[0] += 30
    assert throttle.retry_after("jan", "10.0.0.3") is None
    throttle.failed("a", "10.0.0.9")
    throttle.failed("b", "10.0.0.9")
    throttle.failed("c", "10.0.0.9")
    assert throttle.retry_after("d", "10.0.0.9") == 60


def test_an_unknown_username_takes_as_long_as_a_known_one(demo_site: LocalSite) -> None:
    def seconds(username: str) -> float:
        started = time.perf_counter()
        assert _log_in(demo_site, username, "wrong").status_code == 401
        return time.perf_counter() - started

    _log_in(demo_site, "nobody", "warm-up")
    known, unknown = [], []
    for n in range(4):
        known.append(seconds(["jan", "marieke"][n % 2]))
        unknown.append(seconds(f"no-such-user-{n}"))
    # Without the same hashing an unknown name answers in about 1 % of the time.
    assert statistics.median(unknown) > 0.5 * statistics.median(known)


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
