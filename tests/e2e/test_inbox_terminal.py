"""The inbox in a real terminal (tmux): in the demo, `i` lists the replies to
hadewych's blogs, and `enter` opens one at its comment."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_terminal import Terminal, program_env

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.kill()


def test_i_lists_a_reply_to_hadewychs_blog_and_opens_it(terminal: Terminal, tmp_path: Path) -> None:
    terminal.start([sys.executable, "-m", "pleio_tui", "demo"], program_env(tmp_path))
    terminal.wait_for_text("✉ 3")  # the first sync brought the unread notifications

    terminal.keys("i")
    shown = terminal.wait_for_text("Meldingen")
    assert "Marieke de Vries reageerde op Innovatie binnen de overheid" in shown
    assert "Jan reageerde op Thuiswerken en samenwerken" in shown  # a reply to her comment
    assert "noemde je in Open data zonder gebruikers" in shown

    terminal.keys("Down", "Down", "Enter")  # the reply to her blog, third from the top
    terminal.wait_for_text("Ik heb dit stuk er vandaag weer bij gepakt")  # scrolled to it
    terminal.wait_for_text("✉ 2")

    # The read mark may still be on its way: then quitting asks first.
    terminal.keys("Q")
    shown = terminal.wait_for(lambda shown: "Weet je het zeker?" in shown or "Blog" not in shown)
    if "Weet je het zeker?" in shown:
        terminal.keys("y")
    assert terminal.wait_for_exit() == "0"
