"""Two sites in a real terminal (tmux): `S` lists both, enter switches, the
status line names the site, and a site read as a visitor answers `c` with the
offer to log in."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from test_terminal import Terminal, program_env, pytestmark, terminal

from pleio_tui.server import LocalSite

__all__ = ["pytestmark", "terminal"]


def test_switch_between_two_sites_in_a_terminal(
    site_factory: Callable[..., LocalSite], terminal: Terminal, tmp_path: Path
) -> None:
    een, twee = site_factory(demo=True), site_factory(demo=True)
    env = program_env(tmp_path)
    config = Path(env["XDG_CONFIG_HOME"]) / "pleio-tui" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(
        f'language = "en"\ndefault = "een"\n'
        f'[sites.een]\nurl = "{een.url}"\nanonymous = true\n'
        f'[sites.twee]\nurl = "{twee.url}"\nanonymous = true\n',
        encoding="utf-8",
    )
    terminal.start([sys.executable, "-m", "pleio_tui"], env)
    terminal.wait_for_text("Werksessie")  # een synced as a visitor: its newest item
    assert terminal.screen().rstrip().splitlines()[-1].lstrip().startswith("een")

    terminal.keys("S")
    shown = terminal.wait_for_text("Sites")
    assert "twee" in shown and "not synced yet" in shown and "unread" in shown
    terminal.keys("Down", "Enter")
    terminal.wait_for(lambda s: s.rstrip().splitlines()[-1].lstrip().startswith("twee"))
    terminal.wait_for_text("Werksessie")  # twee synced in its turn

    terminal.keys("S")
    shown = terminal.wait_for_text("Sites")
    assert "not synced yet" not in shown  # both caches hold blogs now
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "enter switches to the chosen site" not in s)

    terminal.keys("Enter")  # open the blog under the cursor
    terminal.wait_for(lambda s: "Choose a blog to read" not in s)
    terminal.keys("c")
    terminal.wait_for_text("Only logged-in users can write on")
    terminal.keys("n")
    # The question closes before the next key: typed into it, `Q` is not a choice.
    terminal.wait_for(lambda s: "No (n/esc)" not in s)
    terminal.keys("Q")
    assert terminal.wait_for_exit() == "0"
