"""`post --type discussion|question|status` and `comment` on any commentable item:
sent now and seen on the site, or refused with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from command_helpers import cli, graphql

from pleio_tui.context import site_context
from pleio_tui.credentials import save_session
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

KIND_QUERY = """query($subtype: String) { entities(subtype: $subtype, limit: 100) { edges {
  guid ... on Discussion { title } ... on Question { title }
  ... on StatusUpdate { description owner { name } } } } }"""


def synced(site: LocalSite, session: str) -> str:
    save_session(site.url, Secret(session))
    assert cli("sync", "--site", site.url) == 0
    return site.url


def on_site(site: LocalSite, session: str, subtype: str) -> list[dict[str, object]]:
    return list(graphql(site, session, KIND_QUERY, {"subtype": subtype})["entities"]["edges"])


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "tekst.md"
    path.write_text("Wie denkt er mee over de **werksessie**?\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["discussion", "question"])
def test_a_discussion_or_question_reaches_the_site(
    demo_site: LocalSite,
    hadewych: str,
    text_file: Path,
    kind: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)
    title = f"Een {kind} uit de terminal"
    argv = ["post", "--type", kind, "--group", "van buiten", "--title", title, str(text_file)]
    assert cli(*argv, "--site", url) == 0
    assert "/groups/view/" in capsys.readouterr().err
    assert [e["title"] for e in on_site(demo_site, hadewych, kind)].count(title) == 1


def test_a_status_update_needs_no_title(
    demo_site: LocalSite, hadewych: str, text_file: Path
) -> None:
    url = synced(demo_site, hadewych)
    assert (
        cli("post", "--type", "status", "--group", "van buiten", str(text_file), "--site", url) == 0
    )
    mine = [
        e for e in on_site(demo_site, hadewych, "statusupdate")
        if str(e["description"]).startswith("Wie denkt er mee")
    ]  # fmt: skip
    assert len(mine) == 1


def test_a_discussion_still_needs_a_title(
    demo_site: LocalSite, hadewych: str, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)
    argv = ["post", "--type", "discussion", "--group", "van buiten", str(text_file)]
    assert cli(*argv, "--site", url) == 2
    assert "title" in capsys.readouterr().err


def test_a_comment_on_a_discussion_by_its_address(
    demo_site: LocalSite, hadewych: str, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)
    with Store.open(site_context(url, read_keyring=False).cache_path) as store:
        rows = store.feed(None, "discussion").window(0, 50)
        discussion = next(r for r in rows if r.title.startswith("Hoe betrekken we jongeren"))
        cached = store.blog(discussion.guid)
    assert cached is not None and "/discussion/view/" in cached.url
    assert cli("comment", url + cached.url, str(text_file), "--site", url) == 0
    assert "Commented:" in capsys.readouterr().err
    thread = graphql(
        demo_site,
        hadewych,
        "query($g: String) { entity(guid: $g) { ... on Discussion { commentCount } } }",
        {"g": discussion.guid},
    )
    assert thread["entity"]["commentCount"] == 5
