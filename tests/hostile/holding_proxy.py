"""A loopback HTTP proxy in front of a local site that holds one request, or the
site's answer to one write, so that a test can kill the client at the moment
that matters: before the write left, or after the site acted on it but before
the answer came back."""

from __future__ import annotations

import json
import threading
from enum import Enum
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

import httpx

HOLD_LIMIT = 60.0
"""Seconds a held exchange waits at most: a test that forgets to release it ends."""
FORWARDED_REQUEST_HEADERS = ("content-type", "cookie", "accept", "x-csrftoken")
FORWARDED_ANSWER_HEADERS = ("content-type", "set-cookie")


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


class HoldingProxy:
    """Forwards every request to `site_url` as it is, except the one `hold` names.

    `holding` is set once that exchange is held (for WRITE_ANSWER: once the site
    has answered it). `release()` lets everything through from then on; the held
    exchange itself is dropped, as a network that lost it would."""

    def __init__(self, site_url: str, hold: Hold = Hold.NOTHING) -> None:
        self.site_url = site_url
        self.hold = hold
        self.holding = threading.Event()
        self.writes_reaching_site = 0
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._http = httpx.Client(timeout=30)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> HoldingProxy:
        self._thread.start()
        return self

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
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def __enter__(self) -> HoldingProxy:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def _claim_hold(self, body: bytes) -> Hold:
        """The hold this request gets: the configured one, for the first match only."""
        with self._lock:
            hold = self.hold
            matches = hold == Hold.FIRST_REQUEST or (hold != Hold.NOTHING and _is_write(body))
            if not matches:
                return Hold.NOTHING
            self.hold = Hold.NOTHING  # one exchange is held, the rest pass
            return hold

    def _forward(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> httpx.Response:
        if _is_write(body):
            with self._lock:
                self.writes_reaching_site += 1
        return self._http.request(
            method,
            self.site_url + path,
            headers={**headers, "accept-encoding": "identity"},
            content=body,
        )

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._exchange()

            def do_POST(self) -> None:
                self._exchange()

            def _exchange(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                headers = {
                    name: value
                    for name, value in self.headers.items()
                    if name.lower() in FORWARDED_REQUEST_HEADERS
                }
                hold = proxy._claim_hold(body)
                if hold in (Hold.FIRST_REQUEST, Hold.WRITE_REQUEST):
                    proxy.holding.set()
                    proxy._released.wait(HOLD_LIMIT)
                    self.close_connection = True  # lost on the way: never forwarded
                    return
                answer = proxy._forward(self.command, self.path, headers, body)
                if hold == Hold.WRITE_ANSWER:
                    proxy.holding.set()
                    proxy._released.wait(HOLD_LIMIT)
                    self.close_connection = True  # the answer is lost on the way back
                    return
                self._answer(answer)

            def _answer(self, answer: httpx.Response) -> None:
                self.send_response(answer.status_code)
                for name, value in answer.headers.multi_items():
                    if name.lower() in FORWARDED_ANSWER_HEADERS:
                        self.send_header(name, value)
                self.send_header("content-length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            def log_message(self, format: str, *args: object) -> None:
                pass  # quiet: pytest shows failures, not every request

        return Handler
