"""A login is only reported when the session was stored: a keyring that refuses,
or one that takes the session and keeps nothing, is named, with the way out
(PLEIO_TUI_SESSION with PLEIO_TUI_SESSION_SITE), on the command line and in the app."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.errors
import pytest
from command_helpers import cli
from keyring.backend import KeyringBackend

from pleio_tui.paths import AppDirs
from pleio_tui.secret import SESSION_ENV
from pleio_tui.server import LocalSite
from pleio_tui.session_env import SESSION_SITE_ENV

_TUI_TESTS = Path(__file__).resolve().parent.parent / "tui"
if str(_TUI_TESTS) not in sys.path:
    sys.path.append(str(_TUI_TESTS))

from test_app_support import SIZE, make_app, notices, wait_for  # noqa: E402


class DroppingKeyring(KeyringBackend):
    """Takes every password and keeps none, as keyring's null backend does."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        return None

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError(username)


class RefusingKeyring(DroppingKeyring):
    """A locked wallet: storing fails with the backend's own error."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("the wallet is locked")


@pytest.fixture(params=[DroppingKeyring, RefusingKeyring])
def unusable_keyring(request: pytest.FixtureRequest) -> Iterator[KeyringBackend]:
    backend = request.param()
    keyring.set_keyring(backend)
    yield backend  # the autouse in-memory keyring fixture restores the previous one


def test_login_says_the_session_was_not_stored(
    unusable_keyring: KeyringBackend,
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{hadewych}\n"))

    assert cli("login", demo_site.url) == 2

    err = capsys.readouterr().err
    assert "Logged in" not in err and "not stored" in err
    assert SESSION_ENV in err and SESSION_SITE_ENV in err
    assert hadewych not in err
    assert not AppDirs.default().config_file.exists()
    assert cli("sync", "--site", demo_site.url) == 0  # what login said holds: read as a visitor
    assert "not logged in" in capsys.readouterr().err


@pytest.mark.parametrize(
    "backend", ["keyring.backends.null.Keyring", "keyring.backends.fail.Keyring"]
)
def test_login_in_a_real_process_without_a_keeping_keyring(
    backend: str, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": backend,
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

    assert result.returncode == 2, result.stderr
    assert SESSION_ENV in result.stderr and "Logged in" not in result.stderr
    assert SESSION_SITE_ENV in result.stderr
    assert "Traceback" not in result.stderr and hadewych not in result.stderr


async def test_the_login_screen_says_the_session_was_not_stored(
    unusable_keyring: KeyringBackend, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    from pleio_tui.tui.screens.login import LoginScreen

    app = make_app(demo_site.url, None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and app.focused)
        app.screen.query_one("#login-session").value = hadewych  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_for(pilot, lambda: any(SESSION_ENV in str(text) for text in notices(pilot)))
        shown = " ".join(str(text) for text in notices(pilot))
        assert "niet bewaard" in shown and hadewych not in shown
        assert f"{SESSION_SITE_ENV} op {demo_site.url}" in shown
    if app.store is not None:
        app.store.close()
