"""Reading a site's `sessionid` from a browser's cookie store, the way Pleio users
log in: in the browser, where the site's own login (account.pleio.nl) runs.

The stores and their encryption are read by `rookiepy` (the optional extra
`pleio-tui[browser]`): it reads a headless Chromium's store on Linux without a
D-Bus session (the "peanuts" v10 key), where browser-cookie3 stops with a
KeyError, and needs no other package. Its filter on the domain is a substring
match, so the cookie is chosen here again by the rules a browser sends it by
(RFC 6265 domain matching): the site's own host first, then a cookie set for a
parent domain. The value is a `Secret` from the moment it is read.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pleio_tui.secret import COOKIE_NAME, MalformedSessionError, Secret, session_secret

BROWSERS = ("firefox", "chromium", "chrome", "edge", "brave")
EXTRA = "pleio-tui[browser]"

Cookie = dict[str, Any]
"""A cookie as rookiepy gives it: domain, path, name, value, expires (seconds)."""


class BrowserLoginError(Exception):
    """The session could not be read from the browser; the message says why in one
    line and never holds a cookie's value."""


class BrowserSupportMissingError(BrowserLoginError):
    def __init__(self) -> None:
        super().__init__(
            f"reading the browser's cookies needs the extra {EXTRA}: "
            f"pip install '{EXTRA}' (or give the sessionid by hand)"
        )


def cookie_file(browser: str, profile: Path) -> Path:
    """The cookie store in a profile folder (a Firefox profile, or a Chromium
    profile such as ~/.config/chromium/Default); the folder itself when it names
    a file."""
    if profile.is_file():
        return profile
    if browser == "firefox":
        return profile / "cookies.sqlite"
    for candidate in (profile / "Network" / "Cookies", profile / "Cookies"):
        if candidate.exists():
            return candidate
    return profile / "Cookies"


def session_from_browser(browser: str, site_url: str, profile: Path | None = None) -> Secret:
    """The site's `sessionid` from the browser's store (its default profile, or
    the folder `profile`); BrowserLoginError when there is none to use."""
    if browser not in BROWSERS:
        raise BrowserLoginError(f"unknown browser {browser!r} (known: {', '.join(BROWSERS)})")
    try:
        import rookiepy  # an optional extra: it may be missing
    except ImportError:
        raise BrowserSupportMissingError from None
    host = (urlsplit(site_url).hostname or "").lower()
    path = cookie_file(browser, profile.expanduser()) if profile is not None else None
    if path is not None and not path.exists():
        raise BrowserLoginError(f"no {browser} cookie store in {profile}: {path.name} is missing")
    try:
        if path is None:
            cookies = getattr(rookiepy, browser)([host])
        elif browser == "firefox":
            cookies = rookiepy.firefox_based(str(path), [host])
        else:
            cookies = rookiepy.chromium_based(str(path), [host])
    except Exception as exc:  # rookiepy raises RuntimeError with the Rust error's text
        raise BrowserLoginError(
            f"cannot read {browser}'s cookies: {_plain(exc)}"
            + ("" if profile is not None else " (give the profile folder with --profile)")
        ) from None
    cookie = best_cookie(list(cookies), host)
    if cookie is None:
        where = f"the profile {profile}" if profile is not None else "its default profile"
        raise BrowserLoginError(
            f"{browser} has no {COOKIE_NAME} cookie for {host} in {where}: "
            f"log in to {site_url} in {browser} first"
        )
    try:
        return session_secret(cookie["value"], source=f"the {COOKIE_NAME} cookie in {browser}")
    except MalformedSessionError as exc:
        raise BrowserLoginError(str(exc)) from None


def domain_matches(cookie_domain: str, host: str) -> bool:
    """Whether a browser sends a cookie of `cookie_domain` to `host` (RFC 6265
    5.1.3): the same host, or a parent domain of a host name (never of an IP
    address)."""
    domain = cookie_domain.lower().lstrip(".")
    if not domain:
        return False
    if domain == host:
        return True
    is_ip = host.replace(".", "").isdigit() or ":" in host
    return not is_ip and host.endswith("." + domain)


def best_cookie(cookies: list[Cookie], host: str) -> Cookie | None:
    """The `sessionid` the browser would send to `host`: the most specific domain,
    then the one that lasts longest; expired ones left out."""
    now = time.time()
    usable = [
        cookie
        for cookie in cookies
        if cookie.get("name") == COOKIE_NAME
        and domain_matches(str(cookie.get("domain") or ""), host)
        and (not cookie.get("expires") or cookie["expires"] > now)
        and isinstance(cookie.get("value"), str)
        and cookie["value"]
    ]
    if not usable:
        return None
    return max(
        usable,
        key=lambda c: (len(str(c["domain"]).lstrip(".")), c.get("expires") or 0),
    )


def _plain(exc: BaseException) -> str:
    """The first line of a library's error (rookiepy adds the Rust source's place)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:200]
