"""Handing an address to the rest of the desktop: a browser, the clipboard.

Each says what really happened, so the app never claims "opened" or "copied"
when nothing was: the name of the program that took the address, or None. The
programs never inherit the session (`PLEIO_TUI_SESSION`), and never get the
terminal: their input and output go nowhere.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence

from pleio_tui.secret import SECRET_ENVIRONMENT

WAIT_SECONDS = 3.0
"""A program still running after this long has taken the address (a browser in
the foreground, a clipboard tool serving the selection)."""

BROWSER_OPENERS = ("xdg-open", "sensible-browser", "x-www-browser", "gio")

CLIPBOARD_TOOLS: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    ("wl-copy", ("wl-copy",), "WAYLAND_DISPLAY"),
    ("xclip", ("xclip", "-selection", "clipboard"), "DISPLAY"),
    ("xsel", ("xsel", "--clipboard", "--input"), "DISPLAY"),
    ("pbcopy", ("pbcopy",), None),
)
"""The tool, its command, and the display it needs (None: the platform's own)."""


def child_environment(environ: Mapping[str, str]) -> dict[str, str]:
    return {name: value for name, value in environ.items() if name not in SECRET_ENVIRONMENT}


def browser_command(
    url: str, environ: Mapping[str, str], platform: str = sys.platform
) -> list[str] | None:
    """The command that opens `url`: $BROWSER's first entry, the platform's
    opener, or None where none can be found (on Linux without a display an
    opener would start a text browser in our own terminal)."""
    chosen = environ.get("BROWSER", "").split(os.pathsep)[0].strip()
    if chosen:
        parts = shlex.split(chosen)
        if any("%s" in part for part in parts):
            return [part.replace("%s", url) for part in parts]
        return [*parts, url]
    if platform == "darwin":
        return ["open", url]
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return None
    path = environ.get("PATH", os.defpath)
    for name in BROWSER_OPENERS:
        found = shutil.which(name, path=path)
        if found:
            return [found, "open", url] if name == "gio" else [found, url]
    return None


def clipboard_command(
    environ: Mapping[str, str], platform: str = sys.platform
) -> tuple[str, list[str]] | None:
    path = environ.get("PATH", os.defpath)
    for name, command, display in CLIPBOARD_TOOLS:
        if display is None and platform != "darwin":
            continue
        if display is not None and not environ.get(display):
            continue
        found = shutil.which(command[0], path=path)
        if found:
            return name, [found, *command[1:]]
    return None


async def open_in_browser(url: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Open `url` in a browser; the opener's name, or None when nothing opened it."""
    env = os.environ if environ is None else environ
    command = browser_command(url, env)
    if command is None:
        return None
    return await _run(command, None, child_environment(env))


async def copy_with_tool(text: str, environ: Mapping[str, str] | None = None) -> str | None:
    """Put `text` on the system clipboard; the tool's name, or None without one."""
    env = os.environ if environ is None else environ
    chosen = clipboard_command(env)
    if chosen is None:
        return None
    name, command = chosen
    return name if await _run(command, text.encode("utf-8"), child_environment(env)) else None


async def _run(command: Sequence[str], data: bytes | None, env: dict[str, str]) -> str | None:
    name = os.path.basename(command[0])
    try:
        process = await asyncio.create_subprocess_exec(
            *command,
            stdin=subprocess.PIPE if data is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
    except OSError:
        return None
    try:
        if data is not None and process.stdin is not None:
            process.stdin.write(data)
            await process.stdin.drain()
            process.stdin.close()
        code = await asyncio.wait_for(process.wait(), WAIT_SECONDS)
    except TimeoutError:
        return name
    except (OSError, ConnectionError):
        return None
    return name if code == 0 else None
