"""Editing and deleting one's own comments in a real terminal (tmux), checked on
the site itself. Skipped where tmux is missing."""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_terminal import Terminal, program_env

from pleio_tui.server import LocalSite

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

EDITED = "Er is een handzame samenvatting van vier pagina's"
DELETED = "Precies. Het rapport noemt dat ook"
THREAD = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  comments { guid description comments { guid description } } } } }"""
BLOGS = """{ entities(subtype: "blog", limit: 100) { edges { guid ... on Blog { title } } } }"""


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.kill()


def site_texts(site: LocalSite, session: str) -> list[str]:
    def ask(query: str, **variables: Any) -> Any:
        answer = httpx.post(
            f"{site.url}/graphql",
            json={"query": query, "variables": variables},
            cookies={"sessionid": session},
            timeout=10,
        ).json()
        return answer["data"]

    blogs = ask(BLOGS)["entities"]["edges"]
    guid = next(blog["guid"] for blog in blogs if blog["title"].startswith("Leren door doen"))
    texts = []
    for comment in ask(THREAD, guid=guid)["entity"]["comments"]:
        texts.append(comment["description"])
        texts.extend(reply["description"] for reply in comment["comments"])
    return texts


def eventually(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the site never showed it"
        time.sleep(0.2)


def test_edit_and_delete_my_comments_in_a_terminal(
    site_factory: Callable[..., LocalSite], terminal: Terminal, tmp_path: Path
) -> None:
    site = site_factory(demo=True)
    session = site.login("hadewych")
    env = program_env(tmp_path, PLEIO_TUI_SESSION=session, PLEIO_TUI_SESSION_SITE=site.url)
    terminal.start([sys.executable, "-m", "pleio_tui", "--site", site.url], env)
    terminal.wait_for_text("Werksessie")  # the newest item: the first sync is in
    terminal.keys("/")
    terminal.wait_for_text("Zoeken in de cache")
    terminal.type("Leren door doen")
    terminal.keys("Enter")
    terminal.wait_for_text("NSOB en PBL hebben")

    # Pieter's comment is the newest; Hadewych's reply to it comes right under it.
    terminal.keys("J", "J", "e")
    terminal.wait_for_text("Reactie bewerken")
    terminal.keys("C-End")
    terminal.type(" Bewerkt in de terminal.")
    terminal.keys("C-s")
    terminal.wait_for(lambda shown: "Reactie bewerken" not in shown)
    eventually(lambda: any("Bewerkt in de terminal." in text for text in site_texts(site, session)))
    terminal.wait_for(lambda shown: "Bewerkt in de terminal." in shown and "⏳" not in shown)

    # Marieke's comment, then Hadewych's reply to it, the older of its two replies.
    terminal.keys("J", "J", "D")
    terminal.wait_for_text("Het antwoord van Hadewych verwijderen?")
    terminal.keys("y")
    eventually(lambda: not any(DELETED in text for text in site_texts(site, session)))
    terminal.wait_for(lambda shown: DELETED not in shown and "⏳" not in shown)
    texts = site_texts(site, session)
    assert any(text.startswith(EDITED) for text in texts)
    assert any(text.startswith("Herkenbaar rijtje") for text in texts)  # its comment stays

    terminal.keys("Q")
    assert terminal.wait_for_exit() == "0"
