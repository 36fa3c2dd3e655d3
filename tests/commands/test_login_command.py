"""`login` checks the pasted session with the site before keeping it; `logout` forgets it."""

from __future__ import annotations

import io
import os
import pty
import select
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from command_helpers import cli

from pleio_tui.credentials import SESSION_ENV, SESSION_SITE_ENV, load_session, save_session
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite


def type_in(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))


def test_login_keeps_a_good_session_and_makes_the_site_the_default(
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    type_in(monkeypatch, f"{hadewych}\n")

    assert cli("login", demo_site.url) == 0

    assert f"Logged in to {demo_site.url} as Hadewych" in capsys.readouterr().err
    assert load_session(demo_site.url) == Secret(hadewych)
    config_file = AppDirs.default().config_file
    name = f"127-0-0-1-{demo_site.port}"
    assert config_file.read_text(encoding="utf-8") == (
        f'default = "{name}"\n[sites.{name}]\nurl = "{demo_site.url}"\n'
    )
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_file.parent.stat().st_mode) == 0o700


def test_login_leaves_a_configured_site_alone(
    demo_site: LocalSite, hadewych: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_file = AppDirs.default().config_file
    config_file.parent.mkdir(parents=True)
    config_file.write_text('site = "https://elders.pleio.nl"\n', encoding="utf-8")
    type_in(monkeypatch, f"sessionid={hadewych}\n")

    assert cli("login", demo_site.url) == 0

    name = f"127-0-0-1-{demo_site.port}"
    assert config_file.read_text(encoding="utf-8") == (
        f'site = "https://elders.pleio.nl"\n\n[sites.{name}]\nurl = "{demo_site.url}"\n'
    )
    assert load_session(demo_site.url) == Secret(hadewych)


def test_login_refuses_a_session_the_site_does_not_know(
    demo_site: LocalSite, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    type_in(monkeypatch, "verzonnen-sessie\n")

    assert cli("login", demo_site.url) == 1

    assert "does not know this session" in capsys.readouterr().err
    assert load_session(demo_site.url) is None
    assert not AppDirs.default().config_file.exists()


def test_login_to_an_unreachable_site_says_so(
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = demo_site.url
    demo_site.stop()
    type_in(monkeypatch, f"{hadewych}\n")

    assert cli("login", url) == 1

    assert f"cannot reach {url}" in capsys.readouterr().err
    assert load_session(url) is None


def test_login_rejects_a_bad_address_before_asking(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("login", "http://pleio.example.nl") == 2

    assert "unencrypted" in capsys.readouterr().err


def test_logout_forgets_the_session_once(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    save_session(demo_site.url, Secret("abc"))

    assert cli("logout", demo_site.url) == 0
    assert cli("logout", demo_site.url) == 0

    err = capsys.readouterr().err
    assert f"Logged out of {demo_site.url}" in err
    assert f"No session was stored for {demo_site.url}" in err
    assert load_session(demo_site.url) is None


def test_without_a_keyring_backend_login_names_the_environment_variable(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """Piped stdin in a real process, on a machine whose keyring cannot store anything."""
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop(SESSION_ENV, None)
    env.pop(SESSION_SITE_ENV, None)
    result = subprocess.run(
        [sys.executable, "-m", "pleio_tui", "login", demo_site.url],
        input=f"{hadewych}\n",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode != 0
    assert SESSION_ENV in result.stderr and SESSION_SITE_ENV in result.stderr
    assert "Traceback" not in result.stderr
    written = [path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()]
    assert not any(hadewych.encode() in content for content in written)


def test_login_on_a_terminal_asks_without_echo_and_says_where_to_look(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """On a terminal the session is read with getpass; the keyring here cannot store,
    which shows the session was read and accepted by the site before that."""
    main_side, terminal_side = pty.openpty()
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    env.pop(SESSION_ENV, None)
    env.pop(SESSION_SITE_ENV, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "pleio_tui", "login", demo_site.url],
        stdin=terminal_side,
        stdout=terminal_side,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    os.close(terminal_side)
    assert process.stderr is not None
    try:
        # getpass flushes what was typed before it asked: wait for the prompt.
        asked = b""
        while not asked.endswith(b"sessionid: "):
            ready, _, _ = select.select([process.stderr], [], [], 30)
            assert ready, f"no prompt, only {asked!r}"
            chunk = os.read(process.stderr.fileno(), 1024)
            assert chunk, f"no prompt, only {asked!r}"
            asked += chunk
        os.write(main_side, f"{hadewych}\n".encode())
        _, rest = process.communicate(timeout=60)
        shown_on_terminal = b""
        while select.select([main_side], [], [], 0.2)[0]:
            try:
                chunk = os.read(main_side, 1024)
            except OSError:  # the terminal's other side is closed: all was read
                break
            if not chunk:
                break
            shown_on_terminal += chunk
    finally:
        os.close(main_side)
        if process.poll() is None:
            process.kill()

    text = (asked + rest).decode()
    assert f"Log in to {demo_site.url} in your browser" in text
    assert "'sessionid'" in text
    assert SESSION_ENV in text and SESSION_SITE_ENV in text  # only storing it failed
    assert hadewych not in text
    assert hadewych.encode() not in shown_on_terminal  # typed without echo
