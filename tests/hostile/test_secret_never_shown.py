"""The session never shows: not in a repr, a crash report of the running app, an
editor's environment, or a message about a site address that held a password."""

from __future__ import annotations

import fcntl
import os
import pickle
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from rich.pretty import pretty_repr

from pleio_tui.cli import main
from pleio_tui.context import site_context
from pleio_tui.secret import SESSION_ENV, Secret
from pleio_tui.server import LocalSite
from pleio_tui.session_env import SESSION_SITE_ENV
from pleio_tui.site_url import SiteUrlError, parse_site_url
from pleio_tui.tui.editor import edit_externally
from pleio_tui.tui.services.background import SiteAccess

_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|.)")


def test_a_secret_shows_as_asterisks_everywhere(tmp_path: Path) -> None:
    secret = Secret("abc123geheim")
    access = SiteAccess("https://a.pleio.nl", secret, tmp_path / "cache.sqlite3")
    shown = [
        repr(secret),
        str(secret),
        f"{secret}",
        f"{secret!r}",
        repr(access),
        pretty_repr(access),
    ]
    assert not any("abc123geheim" in text for text in shown), shown
    assert secret.reveal() == "abc123geheim"
    assert secret == Secret("abc123geheim") and secret != Secret("other")
    assert secret != "abc123geheim"  # never compared with plain text by accident
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_the_site_context_holds_the_session_as_a_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(SESSION_ENV, "uit-de-omgeving")
    monkeypatch.setenv(SESSION_SITE_ENV, "https://a.pleio.nl")
    context = site_context("https://a.pleio.nl")
    assert isinstance(context.session, Secret)
    assert "uit-de-omgeving" not in repr(context)


def _read_until_exit(main_side: int, process: subprocess.Popen[bytes], timeout: float) -> bytes:
    output = b""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main_side], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(main_side, 65536)
            except OSError:  # the other side closed: all was read
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    return output


CRASHING_START = """
import sys
import httpx

async def broken_send(self, request, **options):
    raise RuntimeError("a fault inside the HTTP library")

httpx.AsyncClient.send = broken_send
from pleio_tui.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def test_a_crash_in_the_app_never_prints_the_session(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """The real app in a real terminal; the HTTP library fails while the first sync
    sends the session. Textual's crash report used to list every frame's local
    variables, the request headers with the cookie among them."""
    script = tmp_path / "crashing_start.py"
    script.write_text(CRASHING_START, encoding="utf-8")
    env = {
        **os.environ,
        SESSION_ENV: hadewych,
        SESSION_SITE_ENV: demo_site.url,
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("TEXTUAL", None)
    main_side, terminal_side = pty.openpty()
    # Wide enough that no value is wrapped over two lines.
    fcntl.ioctl(terminal_side, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 250, 0, 0))
    process = subprocess.Popen(
        [sys.executable, str(script), "--site", demo_site.url],
        stdin=terminal_side,
        stdout=terminal_side,
        stderr=terminal_side,
        env=env,
        start_new_session=True,
    )
    os.close(terminal_side)
    try:
        printed = _read_until_exit(main_side, process, timeout=60)
        process.wait(timeout=10)
    finally:
        os.close(main_side)
        if process.poll() is None:
            process.kill()
    text = _ANSI.sub("", printed.decode("utf-8", "replace"))
    assert "a fault inside the HTTP library" in text, text[-3000:]  # it did crash
    assert process.returncode != 0
    assert hadewych[:12] not in text
    assert hadewych[:12].encode() not in printed


EDITOR_SCRIPT = """#!/bin/sh
env > "$(dirname "$0")/editor-env.txt"
printf ' bewerkt' >> "$1"
"""


def test_the_editor_never_gets_the_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    editor = tmp_path / "editor.sh"
    editor.write_text(EDITOR_SCRIPT, encoding="utf-8")
    editor.chmod(0o700)
    monkeypatch.setenv(SESSION_ENV, "geheime-sessie-123")
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setenv("PLEIO_TEST_MARKER", "zichtbaar")
    monkeypatch.delenv("VISUAL", raising=False)

    outcome = edit_externally("concept")

    assert outcome == type(outcome)("concept bewerkt")
    seen = (tmp_path / "editor-env.txt").read_text(encoding="utf-8")
    assert "PLEIO_TEST_MARKER=zichtbaar" in seen  # the rest of the environment is there
    assert SESSION_ENV not in seen and "geheime-sessie-123" not in seen


@pytest.mark.parametrize(
    "address",
    [
        "https://jan:wachtwoord123@gemeente.pleio.nl",
        "http://jan:wachtwoord123@127.0.0.1:8000",
        "jan:wachtwoord123@gemeente.pleio.nl/groups",
        "https://wachtwoord123@gemeente.pleio.nl",
        "https://jan:wachtwoord123@gemeente.pleio.nl:notaport",
    ],
)
def test_a_site_address_with_a_password_is_refused_without_echo(
    address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SiteUrlError) as caught:
        parse_site_url(address)
    assert "wachtwoord123" not in str(caught.value)
    assert "user name or password" in str(caught.value)

    assert main(["search", "iets", "--site", address]) == 2
    assert main(["login", address]) == 2
    err = capsys.readouterr().err
    assert "wachtwoord123" not in err and "Traceback" not in err
    assert err.count("user name or password") == 2


def test_a_configured_site_with_a_password_is_refused_without_echo(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from pleio_tui.paths import AppDirs

    config_file = AppDirs.default().config_file
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text('site = "https://jan:wachtwoord123@a.pleio.nl"\n', encoding="utf-8")

    assert main(["search", "iets"]) == 2

    err = capsys.readouterr().err
    assert "wachtwoord123" not in err
    assert str(config_file) in err and "user name or password" in err


DUMPING_SCRIPT = """#!/bin/sh
env > "{target}.tmp" && mv "{target}.tmp" "{target}"
[ -f "$1" ] && printf ' bewerkt' >> "$1"
exit 0
"""


def _wait_for_file(path: Path, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} was never written"
        time.sleep(0.1)
    return path.read_text(encoding="utf-8")


def test_the_browser_and_the_editor_the_app_starts_never_get_the_session(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """The real app in tmux, with PLEIO_TUI_SESSION: `o` opens the post in $BROWSER,
    ctrl+e the composer's text in $EDITOR; both dump the environment they got."""
    from terminal_session import TerminalSession, xdg_env

    scripts = {}
    for name in ("browser", "editor"):
        script = tmp_path / f"{name}.sh"
        script.write_text(DUMPING_SCRIPT.format(target=tmp_path / f"{name}-env.txt"))
        script.chmod(0o700)
        scripts[name] = str(script)
    env = {
        **xdg_env(tmp_path),
        SESSION_ENV: hadewych,
        SESSION_SITE_ENV: demo_site.url,
        "BROWSER": scripts["browser"],
        "EDITOR": scripts["editor"],
        "VISUAL": scripts["editor"],
        "PLEIO_TEST_MARKER": "zichtbaar",
    }
    session = TerminalSession(["--site", demo_site.url], env)
    try:
        session.wait_for("Werksessie: participatie")  # the demo's newest item
        session.keys("/")
        session.wait_for("Zoek")
        session.type("energieke samenleving")
        session.keys("Down")
        time.sleep(0.3)
        session.keys("Enter")
        session.wait_for("Door Hadewych in de groep")
        session.keys("o")
        browser_env = _wait_for_file(tmp_path / "browser-env.txt")
        session.keys("c")
        session.wait_for("Reactie op")
        session.keys("C-e")
        editor_env = _wait_for_file(tmp_path / "editor-env.txt")
        session.wait_for("bewerkt")  # the app took the editor's text back
    finally:
        session.close()

    for seen in (browser_env, editor_env):
        assert "PLEIO_TEST_MARKER=zichtbaar" in seen  # the rest of the environment is there
        assert f"{SESSION_ENV}=" not in seen and hadewych not in seen


def test_the_login_screen_refuses_an_address_with_a_password() -> None:
    from pleio_tui.tui.i18n import Strings
    from pleio_tui.tui.screens.login import check_site_url

    check = check_site_url("https://jan:wachtwoord123@gemeente.pleio.nl")
    assert (check.site_url, check.error) == (None, "login.url_credentials")
    for language in ("nl", "en"):
        assert "wachtwoord123" not in Strings(language)("login.url_credentials")


@pytest.mark.parametrize("raw", ["abc def", "abc\n1", "abc;x=1", 'a"b', "caf\u00e9", "\x1b[2J"])
def test_a_session_no_cookie_can_carry_is_refused_without_echo(raw: str) -> None:
    from pleio_tui.secret import MalformedSessionError, session_secret

    with pytest.raises(MalformedSessionError) as caught:
        session_secret(raw)
    assert raw not in str(caught.value)


def test_a_pasted_cookie_header_gives_its_value() -> None:
    from pleio_tui.secret import session_secret

    assert session_secret("  sessionid=abc123 \n").reveal() == "abc123"
    assert session_secret("abc123").reveal() == "abc123"
