"""The relay the test proxies share: a loopback HTTP server in front of a local
site that reads each request, forwards it as it is, and writes the site's answer
back. A proxy decides what becomes of each exchange (`handle`): relayed, held,
spoilt, or dropped on the way."""

from __future__ import annotations

import socket
import struct
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

import httpx


@dataclass
class Exchange:
    """One request as the client sent it, and the ways to answer it."""

    handler: BaseHTTPRequestHandler
    method: str
    path: str
    headers: dict[str, str]
    """The request headers the relay passes on."""
    body: bytes

    def relay(self, answer: httpx.Response, headers: tuple[str, ...]) -> None:
        """The site's answer as it is, with the named headers."""
        try:
            self.handler.send_response(answer.status_code)
            for name, value in answer.headers.multi_items():
                if name.lower() in headers:
                    self.handler.send_header(name, value)
            self.handler.send_header("content-length", str(len(answer.content)))
            self.handler.end_headers()
            self.handler.wfile.write(answer.content)
        except OSError:
            self.handler.close_connection = True  # the client gave up waiting

    def send(self, status: int, content_type: str, content: bytes) -> None:
        """An answer of the proxy's own in place of the site's."""
        self.handler.send_response(status)
        self.handler.send_header("content-type", content_type)
        self.handler.send_header("content-length", str(len(content)))
        self.handler.end_headers()
        self.handler.wfile.write(content)

    def close_unanswered(self) -> None:
        """The connection closes with no answer: lost on the way."""
        self.handler.close_connection = True

    def reset_mid_body(self, answer: httpx.Response) -> None:
        """Half the site's answer, then a reset."""
        self.handler.send_response(answer.status_code)
        self.handler.send_header("content-type", "application/json")
        self.handler.send_header("content-length", str(len(answer.content)))
        self.handler.end_headers()
        self.handler.wfile.write(answer.content[: len(answer.content) // 2])
        self.handler.wfile.flush()
        # SO_LINGER with a zero timeout: close sends RST, not FIN.
        self.handler.connection.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
        )
        self.handler.close_connection = True


class LoopbackRelay:
    """Forwards every request to `site_url` and relays the answer; a proxy
    overrides `handle` (and `is_write`, which `writes_reaching_site` counts)."""

    request_headers: tuple[str, ...] = ("content-type", "cookie", "accept")
    answer_headers: tuple[str, ...] = ("content-type",)

    def __init__(self, site_url: str) -> None:
        self.site_url = site_url
        self.writes_reaching_site = 0
        self._lock = threading.Lock()
        self._http = httpx.Client(timeout=30)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._http.close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def is_write(self, body: bytes) -> bool:
        return False

    def forward(self, exchange: Exchange) -> httpx.Response:
        """The site's answer to the request; the site acts on it now."""
        if self.is_write(exchange.body):
            with self._lock:
                self.writes_reaching_site += 1
        return self._http.request(
            exchange.method,
            self.site_url + exchange.path,
            headers={**exchange.headers, "accept-encoding": "identity"},
            content=exchange.body,
        )

    def handle(self, exchange: Exchange) -> None:
        exchange.relay(self.forward(exchange), self.answer_headers)


def _handler_for(relay: LoopbackRelay) -> type[BaseHTTPRequestHandler]:
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
                if name.lower() in relay.request_headers
            }
            relay.handle(Exchange(self, self.command, self.path, headers, body))

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: pytest shows failures, not every request

    return Handler
