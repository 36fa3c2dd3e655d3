"""A real loopback relay in front of a local site that records the session each
request carried: what a site received, seen from the site's side of the wire."""

from __future__ import annotations

import threading

from loopback_relay import Exchange, LoopbackRelay


class CookieRelay(LoopbackRelay):
    """Relays every request to the site as it is, and keeps its Cookie header."""

    def __init__(self, site_url: str) -> None:
        super().__init__(site_url)
        self._seen_lock = threading.Lock()
        self._cookies: list[str | None] = []

    def handle(self, exchange: Exchange) -> None:
        cookie = next((v for k, v in exchange.headers.items() if k.lower() == "cookie"), None)
        with self._seen_lock:
            self._cookies.append(cookie)
        super().handle(exchange)

    @property
    def requests(self) -> int:
        with self._seen_lock:
            return len(self._cookies)

    def sessions(self) -> set[str | None]:
        """The sessionid of every request (None for one without a cookie)."""
        with self._seen_lock:
            cookies = list(self._cookies)
        return {_sessionid(cookie) for cookie in cookies}


def _sessionid(cookie: str | None) -> str | None:
    for part in (cookie or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == "sessionid":
            return value
    return None
