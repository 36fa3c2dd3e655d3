"""The session given in the environment, and the one site it is for.

`PLEIO_TUI_SESSION` holds one site's session (on machines without a keyring);
`PLEIO_TUI_SESSION_SITE` names that site. The session goes to that site alone:
every other site's session comes from the keyring. A session whose site is not
named is refused, never sent.
"""

from __future__ import annotations

import os

from pleio_tui.paths import normalise_site_url
from pleio_tui.secret import SESSION_ENV, Secret, session_secret
from pleio_tui.site_url import SiteUrlError, parse_site_url

SESSION_SITE_ENV = "PLEIO_TUI_SESSION_SITE"


class UnboundSessionError(ValueError):
    """PLEIO_TUI_SESSION is set, but PLEIO_TUI_SESSION_SITE names no site."""

    def __init__(self) -> None:
        super().__init__(
            f"{SESSION_ENV} is set, but {SESSION_SITE_ENV} does not name the site it is "
            f"for: set {SESSION_SITE_ENV} to that site's address (https://...), or unset "
            f"{SESSION_ENV}; nothing was sent"
        )


def session_env_set() -> bool:
    return bool(os.environ.get(SESSION_ENV, "").strip())


def bound_site() -> str | None:
    """The site the environment's session is for (scheme://host[:port]); None when
    PLEIO_TUI_SESSION is unset. UnboundSessionError when it is set and
    PLEIO_TUI_SESSION_SITE is unset or no site address."""
    if not session_env_set():
        return None
    raw = os.environ.get(SESSION_SITE_ENV, "").strip()
    if not any(mark in raw for mark in ".:") and raw != "localhost":
        raise UnboundSessionError  # unset, or a bare word: no site's address
    try:
        # Its form alone: the site it is compared with was checked, http rule included.
        return normalise_site_url(parse_site_url(raw, allow_insecure_http=True))
    except SiteUrlError:
        raise UnboundSessionError from None


def unbound_session() -> bool:
    """PLEIO_TUI_SESSION is set without a site to send it to."""
    try:
        bound_site()
    except UnboundSessionError:
        return True
    return False


def session_from_env(site_url: str) -> Secret | None:
    """The environment's session when it is for `site_url`; None when unset or for
    another site. UnboundSessionError when no site is named for it;
    MalformedSessionError when it cannot be a cookie value."""
    site = bound_site()
    if site is None or site != normalise_site_url(site_url):
        return None
    return session_secret(os.environ[SESSION_ENV], source=SESSION_ENV)
