"""Process start to first frame, for `pleio-tui --offline` and for a bare Textual app.

Both run the same way: a fresh Python process on a pseudo-terminal of 120x40, and
the clock stops when the text that proves the first frame was painted has been
written to the terminal (escape sequences stripped). Each is run once unmeasured
first, so both start with warm bytecode and file caches: bytecode is written to a
cache under the run's home even where the environment says not to write it
(PYTHONDONTWRITEBYTECODE), as an installed package has its bytecode compiled.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import statistics
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Mapping
from pathlib import Path

from pleio_tui import APP_NAME
from pleio_tui.paths import site_slug
from pleio_tui.store import Store

COLUMNS, ROWS = 120, 40
TIMEOUT = 60.0
BARE_TEXT = "bare textual app ready"
BARE_APP = f"""
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label({BARE_TEXT!r})

Bare().run()
"""
_ESCAPES = re.compile(
    rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[P^_][^\x1b]*\x1b\\|.)"
)


def visible_text(output: bytes) -> str:
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


def _pty_pair() -> tuple[int, int]:
    controller, terminal = pty.openpty()
    size = struct.pack("HHHH", ROWS, COLUMNS, 0, 0)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, size)
    return controller, terminal


def seconds_until_shown(argv: list[str], expected: str, env: Mapping[str, str]) -> float:
    """Start `argv` on a fresh terminal; seconds until `expected` is on screen."""
    controller, terminal = _pty_pair()
    started = time.perf_counter()
    process = subprocess.Popen(
        argv, stdin=terminal, stdout=terminal, stderr=terminal, env=dict(env), close_fds=True
    )
    os.close(terminal)
    output = b""
    try:
        while True:
            remaining = started + TIMEOUT - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"{expected!r} never appeared: {visible_text(output)[-500:]!r}")
            readable, _, _ = select.select([controller], [], [], remaining)
            if not readable:
                continue
            try:
                chunk = os.read(controller, 1 << 16)
            except OSError:  # the process ended and the terminal closed
                chunk = b""
            if not chunk:
                raise RuntimeError(f"exited before showing {expected!r}: {visible_text(output)!r}")
            output += chunk
            if expected in visible_text(output):
                return time.perf_counter() - started
    finally:
        process.kill()
        process.wait()
        os.close(controller)


def terminal_env(home: Path) -> dict[str, str]:
    """A clean environment: files under `home`, a colour terminal, no keyring needed,
    bytecode kept between runs."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("XDG_", "TEXTUAL", "PLEIO_TUI", "PYTHONDONTWRITEBYTECODE"))
    }
    env.update(
        TERM="xterm-256color",
        COLORTERM="truecolor",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONPYCACHEPREFIX=str(home / "bytecode"),
    )
    return env


def install_cache(home: Path, site_url: str, cache: Path) -> None:
    """Make `cache` the offline cache of `site_url` for a pleio-tui run under `home`."""
    config = home / "config" / APP_NAME
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text(f'site = "{site_url}"\nallow_insecure_http = true\n')
    target = home / "data" / APP_NAME / "sites" / f"{site_slug(site_url)}.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with Store.open(cache) as source, Store.open(target) as copy:
        source._conn.backup(copy._conn)


def first_feed_title(cache: Path) -> str:
    with Store.open(cache) as store:
        rows = [row for row in store.feed(None).window(0, 10) if row.title]
    if not rows:
        raise ValueError(f"{cache} holds no titled items")
    # The newest titled item: a status update has no title; it is on the first screen.
    return rows[0].title[:20]


def first_screen_seconds(
    home: Path, session: str, expected: str, repeats: int
) -> tuple[float, float]:
    """Medians for a bare Textual app and for `pleio-tui --offline` (until the newest
    cached blog's title shows), runs of the two taking turns so that drift in the
    machine's speed touches both alike."""
    bare_argv = [sys.executable, "-c", BARE_APP]
    app_argv = [sys.executable, "-m", "pleio_tui", "--offline"]
    bare_env = terminal_env(home)
    app_env = {**bare_env, "PLEIO_TUI_SESSION": session}
    seconds_until_shown(bare_argv, BARE_TEXT, bare_env)
    seconds_until_shown(app_argv, expected, app_env)
    bare, app = [], []
    for _ in range(max(1, repeats)):
        bare.append(seconds_until_shown(bare_argv, BARE_TEXT, bare_env))
        app.append(seconds_until_shown(app_argv, expected, app_env))
    return statistics.median(bare), statistics.median(app)
