"""`sync` against `pleio-tui serve` with Pleio's door-level answers switched on:
one clear line, a non-zero exit, never a traceback."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from command_helpers import cli

from pleio_tui.credentials import save_session
from pleio_tui.secret import Secret

Serve = Callable[..., str]


@pytest.fixture
def serve(tmp_path: Path, demo_site_template: Path) -> Iterator[Serve]:
    """Start `pleio-tui serve --demo` with extra flags; returns its address."""
    processes: list[subprocess.Popen[str]] = []

    def start(*flags: str) -> str:
        data = tmp_path / f"serve-{len(processes)}"
        shutil.copytree(demo_site_template, data)
        command = [sys.executable, "-m", "pleio_tui.cli", "serve", "--port", "0"]
        process = subprocess.Popen(
            [*command, "--data", str(data), "--demo", *flags],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        processes.append(process)
        assert process.stdout is not None
        output = ""
        for line in process.stdout:
            output += line
            if line.startswith("Press Ctrl-C"):
                break
        found = re.search(r"http://127\.0\.0\.1:\d+", output)
        assert found, output + (process.stderr.read() if process.stderr else "")
        return found.group(0)

    yield start
    for process in processes:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _log_in(url: str, host: str | None = None) -> Secret:
    headers = {"Host": host} if host else {}
    answer = httpx.post(
        f"{url}/login", data={"username": "hadewych", "password": "demo"}, headers=headers
    )
    assert answer.status_code == 302, answer.text
    return Secret(answer.cookies["sessionid"])


def test_sync_on_a_site_that_requires_two_factor_login_says_so(
    serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve("--require-2fa")
    save_session(url, _log_in(url))

    code = cli("--site", url, "sync")

    err = capsys.readouterr().err
    assert code != 0
    assert "requires two-factor login" in err
    assert "pleio-tui login" in err
    assert "Traceback" not in err


def test_sync_on_a_site_that_moved_names_the_new_address(
    serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve("--primary-domain", "localhost")
    port = url.rsplit(":", 1)[1]
    save_session(url, _log_in(url, host=f"localhost:{port}"))

    code = cli("--site", url, "sync")

    err = capsys.readouterr().err
    assert code != 0
    assert f"the site has moved to http://localhost:{port}" in err
    assert "Traceback" not in err


def test_sync_on_a_site_with_an_error_page_says_it_had_an_internal_error(
    serve: Serve, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve("--fail-every", "1")
    save_session(url, _log_in(url))

    code = cli("--site", url, "sync")

    err = capsys.readouterr().err
    assert code != 0
    assert "it had an internal error" in err
    assert "Traceback" not in err
