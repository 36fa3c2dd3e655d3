"""The real program in a real terminal (tmux): what a user sees and what reaches
the terminal. Skipped where tmux is missing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from pleio_tui.server import LocalSite

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 120, 40
EXIT_MARK = "program exited with status "
HOSTILE_TITLE = "\x1b]0;PWNED\x07 [@click=app.quit]x[/] Kwaadaardige titel"


class Terminal:
    """One tmux server on a private socket, running one program in a 120x40 pane."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = tmp_path / "tmux.sock"
        self.session = "pleio"

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-S", str(self.socket), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        """Run `command` in a pane that already has its final size; a line with the
        exit status follows once it ends."""
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(WIDTH), "-y", str(HEIGHT))
        self.tmux("set-option", "-t", self.session, "remain-on-exit", "on")
        assignments = [f"{name}={value}" for name, value in env.items()]
        wrapped = ["sh", "-c", f'"$@"; echo "{EXIT_MARK}$?"', "sh"]
        self.tmux("respawn-pane", "-k", "-t", self.session, *wrapped, "env", *assignments, *command)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def pane(self, variable: str) -> str:
        return self.tmux("display", "-p", "-t", self.session, f"#{{{variable}}}").strip()

    def wait_for(self, condition: Callable[[str], bool], timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if condition(shown):
                return shown
            if time.monotonic() > deadline:
                size = self.pane("pane_width") + "x" + self.pane("pane_height")
                raise AssertionError(f"timed out; the {size} screen shows:\n{shown}")
            time.sleep(0.1)

    def wait_for_text(self, text: str, timeout: float = 30) -> str:
        return self.wait_for(lambda shown: text in shown, timeout)

    def wait_for_exit(self, timeout: float = 15) -> str:
        """Wait until the program has ended; its exit status."""
        deadline = time.monotonic() + timeout
        while True:
            # With the history: the terminal may have scrolled since the mark.
            shown = self.tmux("capture-pane", "-p", "-S", "-500", "-t", self.session)
            if EXIT_MARK in shown:
                return shown.split(EXIT_MARK, 1)[1].split()[0]
            if time.monotonic() > deadline:
                raise AssertionError(f"the program did not exit; it shows:\n{shown}")
            time.sleep(0.1)

    def kill(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.kill()


def program_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        name: str(tmp_path / name.lower())
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")
    }
    env["TERM"] = "xterm-256color"
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    env.update(extra)
    return env


def test_demo_search_read_comment_and_quit(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start([sys.executable, "-m", "pleio_tui", "demo"], program_env(tmp_path))
    terminal.wait_for_text("Werksessie: participatie")  # the first sync filled the feed
    assert terminal.pane("window_width") == str(WIDTH), terminal.pane("window_width")

    terminal.keys("/")
    terminal.wait_for_text("Zoeken in de cache")
    terminal.type("Leren door doen")
    terminal.keys("Enter")
    terminal.wait_for_text("NSOB en PBL hebben")

    terminal.keys("c")
    terminal.wait_for_text("Reactie op Leren door doen")
    terminal.type("Gelezen in de terminal")
    terminal.wait_for_text("Gelezen in de terminal")  # as a user sees what they typed
    terminal.keys("C-s")
    terminal.wait_for(lambda shown: "Reactie op Leren" not in shown)  # the composer closed
    terminal.wait_for_text("Verstuurd")
    terminal.keys("J")  # the newest comment comes first in the thread
    terminal.wait_for_text("Gelezen in de terminal")

    terminal.keys("Q")  # quits at once, from any pane
    status = terminal.wait_for_exit()
    assert status == "0", status


def test_hostile_title_reaches_the_terminal_as_plain_text(
    site_factory: Callable[..., LocalSite], terminal: Terminal, tmp_path: Path
) -> None:
    site = site_factory(demo=True)
    session = site.login("hadewych")
    groups = httpx.post(
        f"{site.url}/graphql",
        json={"query": "{ groups(filter: mine) { edges { guid name } } }"},
        cookies={"sessionid": session},
    ).json()["data"]["groups"]["edges"]
    body = json.dumps({"type": "doc", "content": [{"type": "paragraph", "content": [
        {"type": "text", "text": "Gewone tekst."}]}]})  # fmt: skip
    created = httpx.post(
        f"{site.url}/graphql",
        json={
            "query": "mutation A($input: addEntityInput!) { addEntity(input: $input) "
            "{ entity { guid } } }",
            "variables": {
                "input": {
                    "subtype": "blog",
                    "title": HOSTILE_TITLE,
                    "richDescription": body,
                    "containerGuid": groups[0]["guid"],
                    "accessId": 2,
                }
            },
        },
        cookies={"sessionid": session},
    ).json()
    assert created["data"]["addEntity"]["entity"]["guid"]

    env = program_env(tmp_path, PLEIO_TUI_SESSION=session, PLEIO_TUI_SESSION_SITE=site.url)
    terminal.start([sys.executable, "-m", "pleio_tui", "--site", site.url], env)
    title_before = terminal.pane("pane_title")
    shown = terminal.wait_for_text("[@click=app.quit]x[/]")
    assert "PWNED" not in terminal.pane("pane_title")

    terminal.keys("Enter")  # open it: the newest blog is the feed's first row
    shown = terminal.wait_for_text("Gewone tekst.")
    assert "[@click=app.quit]x[/] Kwaadaardige titel" in shown
    assert "PWNED" not in terminal.pane("pane_title")
    assert terminal.pane("pane_title") == title_before
    assert terminal.pane("pane_dead") != "1"

    terminal.keys("Q")
    assert terminal.wait_for_exit() == "0"
