"""The app's login screen refuses plain http to another machine as the command
line does (`parse_site_url`): nothing is sent, nothing stored, unless the
config's allow_insecure_http says so; http to this machine (the local site)
is allowed."""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from test_app_support import SIZE, notices, wait_for
from textual.widgets import Input, Static

from fixtures_keyring import MemoryKeyring
from pleio_tui.config import load_config
from pleio_tui.paths import AppDirs
from pleio_tui.site_url import SiteUrlError, parse_site_url
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.login import LoginScreen, check_site_url

SESSION = "geheime-sessie-123"


class Listener:
    """A real HTTP listener that counts the connections made to it and keeps the
    Cookie header of every request."""

    def __init__(self, host: str) -> None:
        listener = self
        self.connections = 0
        self.cookies: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                listener.cookies.append(self.headers.get("cookie", ""))
                self.send_response(404)
                self.send_header("content-length", "0")
                self.end_headers()

            do_GET = do_POST

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request: Any, client_address: Any) -> bool:
                listener.connections += 1
                return True

        self._server = Server((host, 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.port = self._server.server_address[1]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def non_loopback_address() -> str | None:
    """This machine's own address on its network (not 127.x): a host the rule
    treats as another machine, yet one a test can listen on."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a route is looked up; nothing is sent
        except OSError:
            return None
        address = str(probe.getsockname()[0])
    return None if ipaddress.ip_address(address).is_loopback else address


@pytest.fixture
def listener() -> Iterator[Listener]:
    host = non_loopback_address()
    if host is None:
        pytest.skip("this machine has no address but loopback to listen on")
    try:
        started = Listener(host)
    except OSError as exc:
        pytest.skip(f"cannot listen on {host}: {exc}")
    yield started
    started.close()


def app_without_a_site(tmp_path: Path, config_text: str) -> PleioApp:
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True, exist_ok=True)
    dirs.config_file.write_text(config_text + "[sync]\ninterval_minutes = 0\n", encoding="utf-8")
    assert load_config(dirs.config_file).site is None
    return create_app(None, dirs=dirs)


async def log_in(pilot: Any, address: str) -> None:
    """Type the address and the session into the login screen, as a user does."""
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and app.focused)
    assert app.focused is not None and app.focused.id == "login-site"
    await pilot.press(*address, "enter")
    await pilot.press(*SESSION, "enter")


def shown_error(app: PleioApp) -> str:
    return str(app.screen.query_one("#login-error", Static).visual)


@pytest.mark.parametrize("allowed", [False, True])
@pytest.mark.parametrize(
    "address",
    ["http://gemeente.pleio.example", "http://10.1.2.3:8000", "http://[fd00::5]", "http://pleio"],
)
def test_the_login_screen_and_the_command_line_follow_one_rule(address: str, allowed: bool) -> None:
    check = check_site_url(address, allow_insecure_http=allowed)
    try:
        command_line = parse_site_url(address, allow_insecure_http=allowed)
    except SiteUrlError:
        command_line = None
    assert check.site_url == command_line
    assert (check.error is None) == allowed
    if allowed:
        assert check.warning == "login.url_insecure"  # allowed, and still said at every start


@pytest.mark.parametrize("address", ["http://127.0.0.1:8000", "http://localhost:8000"])
def test_plain_http_to_this_machine_is_allowed(address: str) -> None:
    check = check_site_url(address)
    assert check.site_url == address and check.error is None and check.warning is None


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_app_refuses_plain_http_to_another_machine_and_sends_nothing(
    lang: str, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    app = app_without_a_site(tmp_path, f'language = "{lang}"\n')
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, "http://gemeente.pleio.example")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LoginScreen)  # still asking
        said = Strings(lang)("login.url_insecure_refused", host="gemeente.pleio.example")
        assert shown_error(app) == said
        assert app.screen.query_one("#login-site", Input).has_focus
        assert app.site is None
        assert Strings(lang)("login.checking") not in notices(pilot)  # never asked the site
        await pilot.click("#login-anonymous")  # nor as a visitor
        await pilot.pause(0.3)
        assert isinstance(app.screen, LoginScreen) and app.site is None
    assert memory_keyring.passwords == {}


async def test_no_connection_reaches_a_plain_http_address_on_another_machine(
    listener: Listener, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    host = non_loopback_address()
    address = f"http://{host}:{listener.port}"
    app = app_without_a_site(tmp_path, 'language = "en"\n')
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, address)
        await pilot.pause(1.0)
        assert isinstance(app.screen, LoginScreen)
        assert shown_error(app) == Strings("en")("login.url_insecure_refused", host=host)
    assert listener.connections == 0 and listener.cookies == []
    assert memory_keyring.passwords == {}


async def test_allow_insecure_http_lets_the_same_address_through(
    listener: Listener, tmp_path: Path
) -> None:
    """The listener would have seen a session sent there: the config allows it here."""
    address = f"http://{non_loopback_address()}:{listener.port}"
    app = app_without_a_site(tmp_path, 'language = "en"\nallow_insecure_http = true\n')
    async with app.run_test(size=SIZE) as pilot:
        await log_in(pilot, address)
        await wait_for(pilot, lambda: listener.cookies)
    assert set(listener.cookies) == {f"sessionid={SESSION}"}
