"""A tiny real HTTP server on 127.0.0.1 that misbehaves on request.

It answers every request according to `mode`, with the faults a Pleio site or
the network between can produce and the local site cannot: 5xx, an HTML page
with 200, truncated or broken JSON, a connection closed before or during the
answer, a slow answer, an answer trickling in, a huge body. Raw asyncio streams
keep it free of any HTTP library's good manners. It runs its own event loop in a
thread so the client under test talks to it over real sockets.
"""

from __future__ import annotations

import asyncio
import json
import threading
from dataclasses import dataclass, field
from typing import Any

LOGIN_PAGE = b"<!DOCTYPE html><html><body><form action='/login'>Log in</form></body></html>"
ANONYMOUS_VIEWER = {
    "data": {"viewer": {"guid": "viewer:0", "loggedIn": False, "isAdmin": False, "user": None}}
}


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class FaultServer:
    """Modes: "ok", "server_error", "flaky" (`failures` 503s, then ok), "html_200",
    "html_401", "html_403", "malformed", "truncated", "close_early" (closes without
    answering), "slow" (waits `delay` seconds first), "drip" (a byte every `delay`
    seconds), "huge_declared", "huge_streamed", "not_found", "redirect_login",
    "status_json" (`status` with `payload`)."""

    mode: str = "ok"
    payload: dict[str, Any] = field(default_factory=lambda: dict(ANONYMOUS_VIEWER))
    status: int = 200
    failures: int = 0
    delay: float = 0.0
    set_cookie: str = ""
    """A Set-Cookie value sent with every "ok" answer."""
    requests: list[RecordedRequest] = field(default_factory=list)
    port: int = 0
    _loop: asyncio.AbstractEventLoop | None = None
    _server: asyncio.Server | None = None
    _thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FaultServer:
        ready = threading.Event()
        self._loop = asyncio.new_event_loop()

        def run() -> None:
            assert self._loop is not None
            asyncio.set_event_loop(self._loop)
            server = self._loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", 0)
            )
            self.port = server.sockets[0].getsockname()[1]
            self._server = server
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="fault-server", daemon=True)
        self._thread.start()
        ready.wait(5)
        return self

    def stop(self) -> None:
        assert self._loop is not None and self._thread is not None
        asyncio.run_coroutine_threadsafe(self._shutdown(), self._loop).result(5)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    async def _shutdown(self) -> None:
        if self._server is not None:
            self._server.close()
        others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request = await self._read_request(reader)
            self.requests.append(request)
            await self._answer(writer)
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def _read_request(self, reader: asyncio.StreamReader) -> RecordedRequest:
        head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        request_line, *header_lines = head.strip("\r\n").split("\r\n")
        method, path, _ = request_line.split(" ", 2)
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        return RecordedRequest(method, path, headers, body)

    async def _answer(self, writer: asyncio.StreamWriter) -> None:
        mode = self.mode
        if mode == "flaky":
            mode = "ok" if len(self.requests) > self.failures else "unavailable"
        body = json.dumps(self.payload).encode()
        if mode == "ok":
            cookie = f"Set-Cookie: {self.set_cookie}\r\n" if self.set_cookie else ""
            await self._send(writer, 200, "application/json", body, extra=cookie)
        elif mode == "status_json":
            await self._send(writer, self.status, "application/json", body)
        elif mode == "server_error":
            await self._send(writer, 500, "text/html", b"<h1>Server Error (500)</h1>")
        elif mode == "unavailable":
            await self._send(writer, 503, "text/html", b"<h1>Service Unavailable</h1>")
        elif mode == "html_200":
            await self._send(writer, 200, "text/html; charset=utf-8", LOGIN_PAGE)
        elif mode in ("html_401", "html_403"):
            await self._send(writer, int(mode[-3:]), "text/html; charset=utf-8", LOGIN_PAGE)
        elif mode == "malformed":
            await self._send(writer, 200, "application/json", b'{"data": {"viewer": nul')
        elif mode == "truncated":
            await self._send(writer, 200, "application/json", body, declared=len(body) + 100)
        elif mode == "close_early":
            return
        elif mode == "slow":
            await asyncio.sleep(self.delay)
            await self._send(writer, 200, "application/json", body)
        elif mode == "drip":
            await self._drip(writer, body)
        elif mode == "huge_declared":
            await self._send(writer, 200, "application/json", body, declared=64 * 1024 * 1024)
        elif mode == "huge_streamed":
            await self._stream_forever(writer)
        elif mode == "not_found":
            await self._send(writer, 404, "text/html", b"<h1>Not Found</h1>")
        elif mode == "redirect_login":
            await self._send(writer, 302, "text/html", b"", extra="Location: /login?next=/\r\n")
        else:
            raise ValueError(f"unknown mode {mode!r}")

    async def _send(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        content_type: str,
        body: bytes,
        *,
        declared: int | None = None,
        extra: str = "",
    ) -> None:
        length = len(body) if declared is None else declared
        head = (
            f"HTTP/1.1 {status} Fault\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {length}\r\nConnection: close\r\n{extra}\r\n"
        )
        writer.write(head.encode() + body)
        await writer.drain()

    async def _drip(self, writer: asyncio.StreamWriter, body: bytes) -> None:
        await self._send(writer, 200, "application/json", b"", declared=len(body))
        for byte in body:
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(self.delay)

    async def _stream_forever(self, writer: asyncio.StreamWriter) -> None:
        head = (
            "HTTP/1.1 200 Fault\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        )
        writer.write(head.encode())
        chunk = b" " * 65536
        while True:
            writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            await writer.drain()
