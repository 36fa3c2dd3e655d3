"""The real `pleio-tui` in a real terminal (tmux), for what only a whole process
can prove: a SIGKILL, what reaches the terminal, two instances on one cache."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path


def xdg_env(base: Path) -> dict[str, str]:
    return {
        name: str(base / name.lower())
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
    }


class TerminalSession:
    """`python -m pleio_tui ARGS` running in a detached tmux window of 160x48."""

    def __init__(self, args: Sequence[str], env: dict[str, str]) -> None:
        self.name = f"pleio-hostile-{uuid.uuid4().hex[:8]}"
        command = " ".join(shlex.quote(part) for part in [sys.executable, "-m", "pleio_tui", *args])
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        shell_line = f"exec env {exports} TERM=xterm-256color {command}"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "160", "-y", "48", shell_line],
            check=True,
        )
        self.pid = int(self._tmux("list-panes", "-t", self.name, "-F", "#{pane_pid}").strip())

    def _tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never showed; the screen:\n{shown}")
            time.sleep(0.1)

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self._tmux("send-keys", "-t", self.name, "-l", text)

    def kill_hard(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while _alive(self.pid) and time.monotonic() < deadline:
            time.sleep(0.05)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
