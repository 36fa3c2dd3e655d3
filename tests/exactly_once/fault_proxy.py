"""A loopback HTTP proxy in front of the local site that spoils the answer to one
write the way networks, gateways and login walls do, after the site has acted on
it (or, for CLOSE_BEFORE_FORWARD, before the site saw it).

Every exchange is logged (`requests`) so a test can tell what the client asked.
"""

from __future__ import annotations

import json
import socket
import struct
import threading
import time
from collections.abc import Callable
from enum import Enum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

import httpx

FORWARDED_REQUEST_HEADERS = ("content-type", "cookie", "accept")
FORWARDED_ANSWER_HEADERS = ("content-type", "date")
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


class FaultProxy:
    """Forwards everything to `site_url`; the first write after `arm(fault)` gets it."""

    def __init__(self, site_url: str, delay: float = 1.0) -> None:
        self.site_url = site_url
        self.delay = delay
        self.fault = Fault.NONE
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.writes_reaching_site = 0
        self.drop_reads = False
        """Reads are taken and the connection closed, with no answer (and no
        `Date`), until `heal()`; writes go on as armed."""
        self.after_read: Callable[[dict[str, Any]], None] | None = None
        """Called with a read's variables once the site has answered it, before
        the answer is passed on: what others do on the site meanwhile."""
        self._reads_fail = False
        self._in_flight = 0
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._http = httpx.Client(timeout=30)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

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

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

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

    def _forward(self, path: str, headers: dict[str, str], body: bytes) -> httpx.Response:
        if is_write(body):
            with self._lock:
                self.writes_reaching_site += 1
        return self._http.post(
            self.site_url + path,
            headers={**headers, "accept-encoding": "identity"},
            content=body,
        )

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                headers = {
                    name: value
                    for name, value in self.headers.items()
                    if name.lower() in FORWARDED_REQUEST_HEADERS
                }
                fault = proxy._claim(body)
                if proxy.drop_reads and not is_write(body):
                    self.close_connection = True
                    return
                if fault == Fault.UNKNOWN_READ_ERRORS and not is_write(body):
                    self._send(200, "application/json", UNKNOWN_ERROR)
                    return
                try:
                    self._exchange(fault, headers, body)
                finally:
                    if is_write(body):
                        proxy._landed()

            def _exchange(self, fault: Fault, headers: dict[str, str], body: bytes) -> None:
                if fault == Fault.CLOSE_BEFORE_FORWARD:
                    self.close_connection = True
                    return
                if fault in (Fault.DELAY, Fault.HOLD):
                    time.sleep(proxy.delay)
                answer = proxy._forward(self.path, headers, body)
                if proxy.after_read is not None and not is_write(body):
                    proxy.after_read(_operation(body)[1])
                if fault in (Fault.DROP_ANSWER, Fault.UNKNOWN_READ_ERRORS):
                    self.close_connection = True
                elif fault == Fault.BAD_GATEWAY:
                    self._send(502, "text/html", b"<html><body>502 Bad Gateway</body></html>")
                elif fault == Fault.UNKNOWN_WRITE_ERROR:
                    self._send(200, "application/json", UNKNOWN_ERROR)
                elif fault == Fault.HTML_200:
                    self._send(200, "text/html; charset=utf-8", LOGIN_PAGE)
                elif fault == Fault.HTML_401:
                    self._send(401, "text/html; charset=utf-8", LOGIN_PAGE)
                elif fault == Fault.RESET_MID_BODY:
                    self._reset_mid_body(answer)
                else:
                    self._relay(answer)

            def _relay(self, answer: httpx.Response) -> None:
                try:
                    self.send_response(answer.status_code)
                    for name, value in answer.headers.multi_items():
                        if name.lower() in FORWARDED_ANSWER_HEADERS:
                            self.send_header(name, value)
                    self.send_header("content-length", str(len(answer.content)))
                    self.end_headers()
                    self.wfile.write(answer.content)
                except OSError:
                    self.close_connection = True  # the client gave up waiting

            def _send(self, status: int, content_type: str, content: bytes) -> None:
                self.send_response(status)
                self.send_header("content-type", content_type)
                self.send_header("content-length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            def _reset_mid_body(self, answer: httpx.Response) -> None:
                self.send_response(answer.status_code)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content[: len(answer.content) // 2])
                self.wfile.flush()
                # SO_LINGER with a zero timeout: close sends RST, not FIN.
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler
