"""Running the site: in a background thread for the demo and the tests
(`LocalSite`), or in the foreground for `pleio-tui serve` (`serve_forever`)."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import tempfile
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

import httpx
import uvicorn

from pleio_tui.server import auth, db
from pleio_tui.server.app import build_app
from pleio_tui.server.demo import DEMO_PASSWORD, DEMO_USERS, ensure_demo_content
from pleio_tui.server.doors import Doors
from pleio_tui.server.site_setup import ensure_site_settings, set_best_answers

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "::1", "localhost"})
START_TIMEOUT = 10.0


class _ThreadedServer(uvicorn.Server):
    """A uvicorn server that leaves signal handling to the main program."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP spelled out: asyncio turns Nagle off only on sockets that say
    # so, and with Nagle on every answer after a connection's first waits 40 ms
    # for a delayed ACK (headers and body are two writes).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class LocalSite:
    """A local Pleio-compatible site on a loopback port, served from a thread."""

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        demo: bool = False,
        demo_blogs: int = 0,
        demo_items: int = 0,
        closed: bool = False,
        doors: Doors | None = None,
        trusted_proxies: tuple[str, ...] = (),
        best_answers: bool | None = None,
    ) -> None:
        if data_dir is None:
            temporary = tempfile.TemporaryDirectory(prefix="pleio-site-")
            # Keep the directory across stop() and start(); drop it with the object.
            weakref.finalize(self, temporary.cleanup)
            data_dir = Path(temporary.name)
        self.data_dir = Path(data_dir)
        self.host = host
        self.port = port
        self.demo = demo
        self.demo_blogs = demo_blogs
        self.demo_items = demo_items
        self.closed = closed
        self.doors = doors or Doors()
        self.trusted_proxies = trusted_proxies
        """Addresses whose X-Forwarded-For and -Proto headers are believed."""
        self.best_answers = best_answers
        """Whether a questioner may choose a best answer (off on a new site, on in the
        demo); None leaves the data directory's setting alone."""
        self._server: _ThreadedServer | None = None
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._sock: socket.socket | None = None

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the site is not running: call start() first")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def prepare(self) -> None:
        """Create, migrate and seed the data directory without serving it."""
        conn = db.connect(self.data_dir)
        try:
            ensure_site_settings(conn)
            if self.demo or self.demo_blogs or self.demo_items:
                ensure_demo_content(
                    conn,
                    demo=self.demo,
                    generated_blogs=self.demo_blogs,
                    generated_items=self.demo_items,
                )
            if self.best_answers is not None:
                set_best_answers(conn, self.best_answers)
        finally:
            conn.close()

    def start(self) -> LocalSite:
        if self._server is not None:
            return self
        self.prepare()
        sock = self._sock = _bind(self.host, self.port)
        self.port = sock.getsockname()[1]
        self._conn = db.connect(self.data_dir)
        config = uvicorn.Config(
            build_app(self._conn, closed=self.closed, doors=self.doors),
            log_level="warning",
            # Forwarded headers say who asked and whether over https: believed only
            # from a proxy named on the command line, never by default.
            proxy_headers=bool(self.trusted_proxies),
            forwarded_allow_ips=",".join(self.trusted_proxies) or None,
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )
        server = _ThreadedServer(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="pleio-local-site", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + START_TIMEOUT
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the local site did not start on {self.host}:{self.port}")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout=10)
        self._server = self._thread = None
        if self._sock is not None:
            self._sock.close()  # uvicorn closed it on shutdown; this covers a failed start
            self._sock = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> LocalSite:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def login(self, username: str, password: str = DEMO_PASSWORD) -> str:
        """Log in through the form, as a browser would; returns the sessionid value."""
        response = httpx.post(
            f"{self.url}/login",
            data={"username": username, "password": password},
            follow_redirects=False,
        )
        session = response.cookies.get(auth.SESSION_COOKIE)
        if response.status_code != 302 or not session:
            raise PermissionError(f"could not log in as {username!r} ({response.status_code})")
        return session


def serve_forever(
    host: str,
    port: int,
    data_dir: Path | None,
    demo: bool,
    demo_blogs: int,
    closed: bool,
    doors: Doors | None = None,
    trusted_proxies: tuple[str, ...] = (),
    demo_items: int = 0,
) -> int:
    """`pleio-tui serve`: run the site in the foreground until Ctrl-C."""
    site = LocalSite(
        data_dir,
        host=host,
        port=port,
        demo=demo,
        demo_blogs=demo_blogs,
        demo_items=demo_items,
        closed=closed,
        doors=doors,
        trusted_proxies=trusted_proxies,
    )
    try:
        site.start()
    except OSError as error:
        print(f"Cannot listen on {host}:{port}: {error.strerror or error}")
        return 1
    print(f"Local Pleio site at {site.url} (GraphQL: {site.url}/graphql)")
    if host in LOOPBACK_HOSTS:
        print("Bound to loopback only: other machines cannot reach it (use --host to change).")
    else:
        print(f"Bound to {host}: reachable from other machines on that address, over plain http.")
    for line in _door_notes(site.doors, trusted_proxies):
        print(line)
    print(f"Data in {site.data_dir}{' (a walled garden: log in first)' if closed else ''}")
    if demo:
        names = ", ".join(username for username, _name, _admin in DEMO_USERS)
        print(f"Demo logins at {site.url}/login: {names}; password {DEMO_PASSWORD!r}")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        print("Stopping.")
    finally:
        site.stop()
    return 0


def _door_notes(doors: Doors, trusted_proxies: tuple[str, ...]) -> list[str]:
    notes = []
    if trusted_proxies:
        notes.append(f"Trusting X-Forwarded-For/-Proto from {', '.join(trusted_proxies)}.")
    if doors.require_2fa:
        notes.append("Two-factor login required: a request with a session gets 403, logged out.")
    if doors.primary_domain:
        notes.append(f"Primary domain {doors.primary_domain}: other host names get 301 there.")
    if doors.fail_every:
        notes.append(f"One /graphql request in {doors.fail_every} gets Pleio's 500 error page.")
    return notes
