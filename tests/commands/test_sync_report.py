"""What `pleio-tui sync` says it brought: items of every kind, counted by kind,
and the notifications that arrived, in English and in Dutch."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from command_helpers import cli, graphql

from pleio_tui.cli_i18n import cli_language
from pleio_tui.credentials import save_session
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

KIND_WORDS = (
    "blogs",
    "discussions",
    "questions",
    "news",
    "events",
    "wiki pages",
    "status updates",
    "files",
    "folders",
)
BLOG = "Innovatie binnen de overheid ... DLG's aanpak"
COMMENT = """
mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }
"""


@pytest.fixture
def logged_in(demo_site: LocalSite, hadewych: str) -> str:
    save_session(demo_site.url, Secret(hadewych))
    return demo_site.url


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    cli_language.cache_clear()
    yield
    cli_language.cache_clear()


def new_items(said: str, word: str = "new") -> tuple[int, dict[str, int]]:
    found = re.search(rf"items (\d+) {word}(?: \(([^)]*)\))?", said)
    assert found is not None, said
    kinds = {}
    for part in (found.group(2) or "").split(", "):
        if part:
            name, count = part.rsplit(" ", 1)
            kinds[name] = int(count)
    return int(found.group(1)), kinds


def cached_items(site_url: str) -> int:
    with Store.open(AppDirs.default().site_cache_file(site_url)) as store:
        return int(store._conn.execute("SELECT count(*) FROM blogs").fetchone()[0])


def comment_on(site: LocalSite, title: str, text: str) -> None:
    marieke = site.login("marieke")
    query = '{ entities(subtype: "blog", limit: 100) { edges { ... on Blog { guid title } } } }'
    edges = graphql(site, marieke, query)["entities"]["edges"]
    guid = next(edge["guid"] for edge in edges if edge["title"] == title)
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    rich = json.dumps({"type": "doc", "content": [paragraph]})
    fields = {"subtype": "comment", "containerGuid": guid, "richDescription": rich}
    graphql(site, marieke, COMMENT, {"input": fields})


def test_the_first_sync_counts_every_kind_and_the_new_notifications(
    logged_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("sync", "--site", logged_in) == 0

    said = capsys.readouterr().err
    total, kinds = new_items(said)
    assert set(kinds) == set(KIND_WORDS)
    assert kinds["blogs"] == 10
    assert total == sum(kinds.values()) == cached_items(logged_in)
    assert said.rstrip().endswith("; 3 new notifications")  # the demo's replies and mention


def test_a_later_sync_says_what_changed_and_that_a_reply_arrived(
    logged_in: str, demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("sync", "--site", logged_in) == 0
    capsys.readouterr()
    comment_on(demo_site, BLOG, "Sterk verhaal")

    assert cli("sync", "--site", logged_in) == 0

    said = capsys.readouterr().err
    assert new_items(said) == (0, {})
    assert "1 updated" in said
    assert said.rstrip().endswith("; 1 new notification")


@pytest.mark.usefixtures("dutch")
def test_in_dutch_the_kinds_and_the_notifications_are_dutch(
    logged_in: str, demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("sync", "--site", logged_in) == 0
    said = capsys.readouterr().err
    _, kinds = new_items(said, "nieuw")
    assert {"blogs", "discussies", "vragen", "evenementen", "wikipagina's", "mappen"} <= set(kinds)
    assert said.rstrip().endswith("; 3 nieuwe meldingen")

    comment_on(demo_site, BLOG, "Mooi")
    assert cli("sync", "--site", logged_in) == 0
    assert capsys.readouterr().err.rstrip().endswith("; 1 nieuwe melding")
