"""A loopback HTTP proxy in front of a local site that holds one request, or the
site's answer to one write, so that a test can kill the client at the moment
that matters: before the write left, or after the site acted on it but before
the answer came back."""

from __future__ import annotations

import json
import threading
from enum import Enum

from loopback_relay import Exchange, LoopbackRelay

HOLD_LIMIT = 60.0
"""Seconds a held exchange waits at most: a test that forgets to release it ends."""


class Hold(Enum):
    NOTHING = "nothing"
    FIRST_REQUEST = "first_request"
    """The first request of all waits, never forwarded: nothing was sent yet."""
    WRITE_REQUEST = "write_request"
    """The first `addEntity` waits, never forwarded: the site never sees it."""
    WRITE_ANSWER = "write_answer"
    """The first `addEntity` reaches the site; its answer waits, never delivered."""


def _is_write(body: bytes) -> bool:
    try:
        query = json.loads(body).get("query", "")
    except (ValueError, AttributeError):
        return False
    return isinstance(query, str) and "addEntity" in query


class HoldingProxy(LoopbackRelay):
    """Forwards every request to `site_url` as it is, except the one `hold` names.

    `holding` is set once that exchange is held (for WRITE_ANSWER: once the site
    has answered it). `release()` lets everything through from then on; the held
    exchange itself is dropped, as a network that lost it would."""

    request_headers = ("content-type", "cookie", "accept", "x-csrftoken")
    answer_headers = ("content-type", "set-cookie")

    def __init__(self, site_url: str, hold: Hold = Hold.NOTHING) -> None:
        super().__init__(site_url)
        self.hold = hold
        self.holding = threading.Event()
        self._released = threading.Event()

    def arm(self, hold: Hold) -> None:
        """Hold the next exchange that matches `hold`."""
        with self._lock:
            self.hold = hold
        self.holding.clear()
        self._released.clear()

    def release(self) -> None:
        with self._lock:
            self.hold = Hold.NOTHING
        self._released.set()

    def stop(self) -> None:
        self.release()
        super().stop()

    def is_write(self, body: bytes) -> bool:
        return _is_write(body)

    def _claim_hold(self, body: bytes) -> Hold:
        """The hold this request gets: the configured one, for the first match only."""
        with self._lock:
            hold = self.hold
            matches = hold == Hold.FIRST_REQUEST or (hold != Hold.NOTHING and _is_write(body))
            if not matches:
                return Hold.NOTHING
            self.hold = Hold.NOTHING  # one exchange is held, the rest pass
            return hold

    def handle(self, exchange: Exchange) -> None:
        hold = self._claim_hold(exchange.body)
        if hold in (Hold.FIRST_REQUEST, Hold.WRITE_REQUEST):
            self.holding.set()
            self._released.wait(HOLD_LIMIT)
            exchange.close_unanswered()  # lost on the way: never forwarded
            return
        answer = self.forward(exchange)
        if hold == Hold.WRITE_ANSWER:
            self.holding.set()
            self._released.wait(HOLD_LIMIT)
            exchange.close_unanswered()  # the answer is lost on the way back
            return
        exchange.relay(answer, self.answer_headers)
