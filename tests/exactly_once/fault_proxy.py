"""A loopback HTTP proxy in front of the local site that spoils the answer to one
write the way networks, gateways and login walls do, after the site has acted on
it (or, for CLOSE_BEFORE_FORWARD, before the site saw it).

Every exchange is logged (`requests`) so a test can tell what the client asked.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from enum import Enum
from typing import Any

from loopback_relay import Exchange, LoopbackRelay

LOGIN_PAGE = b"<!DOCTYPE html><html><body><form action='/login'>Inloggen</form></body></html>"
UNKNOWN_ERROR = json.dumps({"errors": [{"message": "Internal server error"}]}).encode()


class Fault(Enum):
    NONE = "none"
    DROP_ANSWER = "drop_answer"
    """The site acts on the write; the connection closes before any answer."""
    DELAY = "delay"
    """The write waits `delay` seconds before it reaches the site (past the
    client's timeout), then the site acts on it."""
    BAD_GATEWAY = "bad_gateway"
    """The site acts; the client gets a gateway's 502 page."""
    RESET_MID_BODY = "reset_mid_body"
    """The site acts; half its answer arrives, then the connection is reset."""
    HTML_200 = "html_200"
    """The site acts; the client gets a login page with 200."""
    HTML_401 = "html_401"
    """The site acts; the client gets a login page with 401."""
    CLOSE_BEFORE_FORWARD = "close_before_forward"
    """The write is taken and the connection closed: the site never sees it."""
    UNKNOWN_READ_ERRORS = "unknown_read_errors"
    """The site acts; the answer is dropped, and from then on every read (the
    lookups) gets an unknown GraphQL error until `heal()`."""
    UNKNOWN_WRITE_ERROR = "unknown_write_error"
    """The site acts; the client gets an unknown GraphQL error (one Pleio does
    not define, as when something fails after the write was saved)."""
    HOLD = "hold"
    """Every write waits `delay` seconds, then goes through as it is."""


def _operation(body: bytes) -> tuple[str, dict[str, Any]]:
    try:
        payload = json.loads(body)
    except ValueError:
        return "", {}
    query = payload.get("query", "") if isinstance(payload, dict) else ""
    variables = payload.get("variables") if isinstance(payload, dict) else None
    return (query if isinstance(query, str) else ""), (
        variables if isinstance(variables, dict) else {}
    )


def is_write(body: bytes) -> bool:
    return _operation(body)[0].lstrip().startswith("mutation")


class FaultProxy(LoopbackRelay):
    """Forwards everything to `site_url`; the first write after `arm(fault)` gets it."""

    answer_headers = ("content-type", "date")

    def __init__(self, site_url: str, delay: float = 1.0) -> None:
        super().__init__(site_url)
        self.delay = delay
        self.fault = Fault.NONE
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.drop_reads = False
        """Reads are taken and the connection closed, with no answer (and no
        `Date`), until `heal()`; writes go on as armed."""
        self.after_read: Callable[[dict[str, Any]], None] | None = None
        """Called with a read's variables once the site has answered it, before
        the answer is passed on: what others do on the site meanwhile."""
        self._reads_fail = False
        self._in_flight = 0
        self._idle = threading.Condition(self._lock)

    def arm(self, fault: Fault) -> None:
        with self._lock:
            self.fault = fault

    def heal(self) -> None:
        """Everything goes through from now on; waits for held writes to land."""
        with self._lock:
            self.fault = Fault.NONE
            self._reads_fail = False
            self.drop_reads = False
            self._idle.wait_for(lambda: self._in_flight == 0, timeout=30)

    def operations(self) -> list[str]:
        return [query for query, _ in self.requests]

    def is_write(self, body: bytes) -> bool:
        return is_write(body)

    def _claim(self, body: bytes) -> Fault:
        with self._lock:
            self.requests.append(_operation(body))
            if not is_write(body):
                return Fault.UNKNOWN_READ_ERRORS if self._reads_fail else Fault.NONE
            fault = self.fault
            if fault != Fault.HOLD:
                self.fault = Fault.NONE  # one write is spoilt, the rest pass
            if fault == Fault.UNKNOWN_READ_ERRORS:
                self._reads_fail = True
            self._in_flight += 1
            return fault

    def _landed(self) -> None:
        with self._lock:
            self._in_flight -= 1
            self._idle.notify_all()

    def handle(self, exchange: Exchange) -> None:
        write = is_write(exchange.body)
        fault = self._claim(exchange.body)
        if self.drop_reads and not write:
            exchange.close_unanswered()
            return
        if fault == Fault.UNKNOWN_READ_ERRORS and not write:
            exchange.send(200, "application/json", UNKNOWN_ERROR)
            return
        try:
            self._spoil(fault, exchange)
        finally:
            if write:
                self._landed()

    def _spoil(self, fault: Fault, exchange: Exchange) -> None:
        if fault == Fault.CLOSE_BEFORE_FORWARD:
            exchange.close_unanswered()
            return
        if fault in (Fault.DELAY, Fault.HOLD):
            time.sleep(self.delay)
        answer = self.forward(exchange)
        if self.after_read is not None and not is_write(exchange.body):
            self.after_read(_operation(exchange.body)[1])
        if fault in (Fault.DROP_ANSWER, Fault.UNKNOWN_READ_ERRORS):
            exchange.close_unanswered()
        elif fault == Fault.BAD_GATEWAY:
            exchange.send(502, "text/html", b"<html><body>502 Bad Gateway</body></html>")
        elif fault == Fault.UNKNOWN_WRITE_ERROR:
            exchange.send(200, "application/json", UNKNOWN_ERROR)
        elif fault == Fault.HTML_200:
            exchange.send(200, "text/html; charset=utf-8", LOGIN_PAGE)
        elif fault == Fault.HTML_401:
            exchange.send(401, "text/html; charset=utf-8", LOGIN_PAGE)
        elif fault == Fault.RESET_MID_BODY:
            exchange.reset_mid_body(answer)
        else:
            exchange.relay(answer, self.answer_headers)
