"""Every kind of content in the real program in a real terminal (tmux): the seed
group's feed shows a discussion, a question and an event; opening each shows its
own parts; a comment typed on the discussion reaches the site. Skipped where
tmux is missing."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from test_terminal import Terminal, program_env

from pleio_tui.server import LocalSite

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

THREAD = """{ entities(subtype: "discussion", limit: 100) { edges {
  ... on Discussion { title comments { description } } } } }"""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.kill()


def discussion_comments(site: LocalSite, session: str) -> list[str]:
    edges = httpx.post(
        f"{site.url}/graphql", json={"query": THREAD}, cookies={"sessionid": session}
    ).json()["data"]["entities"]["edges"]
    [discussion] = [e for e in edges if e["title"].startswith("Hoe betrekken we jongeren")]
    return [comment["description"].strip() for comment in discussion["comments"]]


def to_feed(terminal: Terminal) -> None:
    """From the post to the feed, which then takes the room."""
    terminal.keys("BTab")
    terminal.wait_for_text("[wiki] Stap 2: het ontwerp")


def test_the_seed_group_shows_each_kind_and_a_comment_reaches_the_site(
    site_factory: Callable[..., LocalSite], terminal: Terminal, tmp_path: Path
) -> None:
    site = site_factory(demo=True)
    session = site.login("hadewych")
    env = program_env(tmp_path, PLEIO_TUI_SESSION=session, PLEIO_TUI_SESSION_SITE=site.url)
    terminal.start([sys.executable, "-m", "pleio_tui", "--site", site.url], env)
    terminal.wait_for_text("Werksessie: participatie")  # the first sync filled the feed

    terminal.keys("BTab")  # to the group list: all groups, then mine, featured first
    terminal.wait_for_text("Alle groepen")
    terminal.keys("g", "j", "j", "Enter")  # all groups, then mine by name
    shown = terminal.wait_for(
        lambda shown: "Blogs: Van buiten naar binnen" in shown and "[vraag]" in shown
    )
    for mark in ("[discussie]", "[vraag]", "[agenda]"):
        assert mark in shown, shown

    terminal.keys("Enter")  # the newest: the event, a day old
    shown = terminal.wait_for_text("Waar: Ministerie van Justitie")
    assert "Wanneer: " in shown and "Jouw antwoord: nog niet gegeven" in shown

    to_feed(terminal)
    terminal.keys("j", "j", "j")  # the question, four days old
    time.sleep(0.3)  # the cursor's move is not in the text a capture shows
    terminal.keys("Enter")
    terminal.wait_for_text("Vraag · open")
    terminal.wait_for_text("beste antwoord")

    to_feed(terminal)
    terminal.keys("k", "k")  # the discussion, two days old
    time.sleep(0.3)
    terminal.keys("Enter")
    terminal.wait_for_text("Soort: discussie")
    terminal.keys("c")
    terminal.wait_for_text("Reactie op Hoe betrekken")
    terminal.type("Jongeren zelf laten kiezen waarover ze meepraten")
    terminal.wait_for_text("Jongeren zelf laten kiezen")
    terminal.keys("C-s")
    terminal.wait_for_text("Verstuurd")
    assert "Jongeren zelf laten kiezen waarover ze meepraten" in discussion_comments(site, session)

    terminal.keys("Q")
    assert terminal.wait_for_exit() == "0"
