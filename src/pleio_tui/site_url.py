"""Checking the site address a user gives before anything talks to it."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from pleio_tui.paths import normalise_site_url


class SiteUrlError(ValueError):
    """The site address cannot be used; the message says why, in plain words."""


def is_loopback_host(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refuses_plain_http(scheme: str, host: str, *, allow_insecure_http: bool) -> bool:
    """The rule for plain http, the same wherever a site address is given: the
    session would travel readable to anyone on the path, so http is for this
    machine alone (the local site) unless the config allows it."""
    return scheme.lower() == "http" and not is_loopback_host(host) and not allow_insecure_http


def parse_site_url(raw: str, *, allow_insecure_http: bool = False) -> str:
    """Return the site's base URL (scheme://host[:port]) or raise SiteUrlError.

    Plain http sends the session cookie readable to anyone on the path, so it is
    only accepted for loopback sites unless the user allows it explicitly.
    """
    text = raw.strip()
    if not text:
        raise SiteUrlError("no site address given (for example https://gemeente.pleio.nl)")
    if "://" not in text:
        text = "https://" + text
    # Checked before anything can quote the address back: it holds a password.
    if "@" in re.split(r"[/?#]", text.partition("://")[2], maxsplit=1)[0]:
        raise SiteUrlError(
            "a site address must not hold a user name or password (user:password@...): "
            "give the address alone; `pleio-tui login` asks for the session"
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise SiteUrlError(f"not a valid site address: {raw!r} ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise SiteUrlError(f"a site address starts with https:// (got {parts.scheme}://)")
    host = parts.hostname
    if not host or any(ch.isspace() for ch in host):
        raise SiteUrlError(f"no host name in the site address {raw!r}")
    if port == 0:
        raise SiteUrlError(f"port 0 in the site address {raw!r}")
    if refuses_plain_http(parts.scheme, host, allow_insecure_http=allow_insecure_http):
        raise SiteUrlError(
            f"{host} over plain http would send your session unencrypted; "
            "use https://, or set allow_insecure_http = true in the config if you must"
        )
    return normalise_site_url(text)


def sends_session_in_clear(site_url: str) -> bool:
    """True for plain http to anything but this machine: allowed only by the
    config's explicit setting, and then warned about at every start."""
    parts = urlsplit(site_url)
    return parts.scheme == "http" and not is_loopback_host(parts.hostname or "")
