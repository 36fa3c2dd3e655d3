"""`pleio-tui serve` runs the site in the foreground until Ctrl-C."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

PROGRAM = """
import faulthandler, signal, sys
from pathlib import Path
from pleio_tui.server.runner import serve_forever
faulthandler.register(signal.SIGUSR1)
sys.exit(serve_forever("127.0.0.1", 0, Path(sys.argv[1]), True, 0, False))
"""
STOP_SECONDS = 30
"""Stopping joins the server's thread for up to 10 s: a bound as short as that
could not tell a slow stop on a loaded machine from one that never ends."""


def _stopped(process: subprocess.Popen[str]) -> int:
    """The exit code; if the process has not ended in STOP_SECONDS, every one of
    its threads' stacks goes into the failure, to show where it waited."""
    try:
        return process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGUSR1)
        time.sleep(1)
        process.kill()
        _, stderr = process.communicate()
        raise AssertionError(f"serve did not stop on Ctrl-C; its threads:\n{stderr}") from None


def test_serve_announces_itself_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", PROGRAM, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("Press Ctrl-C"):
                break
        output = "".join(lines)
        url = re.search(r"http://127\.0\.0\.1:\d+", output)
        assert url, output
        assert "loopback" in output
        assert "hadewych" in output and "jan" in output and "admin" in output
        answer = httpx.post(f"{url.group(0)}/graphql", json={"query": "{ site { name } }"})
        assert answer.json() == {"data": {"site": {"name": "Pleio lokaal"}}}
        process.send_signal(signal.SIGINT)
        assert _stopped(process) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
