"""`pleio-tui sync` logged in as another account than the one that wrote what
waits in the outbox: nothing of it is sent under the wrong name, and the user is
told, in their language, that it waits for the account that wrote it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from command_helpers import cli, graphql

from pleio_tui.cli_i18n import cli_language
from pleio_tui.credentials import save_session
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

BLOG = "Innovatie binnen de overheid ... DLG's aanpak"
TEXT = "Geschreven door Hadewych, verstuurd door niemand anders"
THREAD = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  comments { description owner { name } } } } }"""


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    cli_language.cache_clear()
    yield
    cli_language.cache_clear()


def _queue_as_hadewych(site: LocalSite, hadewych: str) -> tuple[str, int]:
    """Hadewych syncs, then writes a comment offline: (blog guid, item id)."""
    save_session(site.url, Secret(hadewych))
    assert cli("sync", "--site", site.url) == 0
    with Store.open(AppDirs.default().site_cache_file(site.url)) as store:
        [blog] = {hit.blog_guid for hit in store.search("DLG") if hit.title == BLOG}
        item = store.enqueue(OutboxKind.COMMENT, blog, body=TEXT)
    return blog, item.id


def _authors_saying(site: LocalSite, session: str, blog: str) -> list[str]:
    comments = graphql(site, session, THREAD, {"guid": blog})["entity"]["comments"]
    return [c["owner"]["name"] for c in comments if c["description"].strip() == TEXT]


def test_another_accounts_sync_leaves_the_comment_and_says_whose_it_is(
    demo_site: LocalSite, hadewych: str, jan_session: str, capsys: pytest.CaptureFixture[str]
) -> None:
    blog, item_id = _queue_as_hadewych(demo_site, hadewych)
    capsys.readouterr()

    save_session(demo_site.url, Secret(jan_session))  # Jan logs in on this machine
    assert cli("sync", "--site", demo_site.url) == 0

    said = capsys.readouterr().err
    assert _authors_saying(demo_site, hadewych, blog) == []
    assert (
        "1 item in the outbox waits for the account that wrote it (Hadewych); it is sent "
        "once that account is logged in again"
    ) in said
    with Store.open(AppDirs.default().site_cache_file(demo_site.url)) as store:
        assert store.outbox_item(item_id).state == OutboxState.PENDING  # type: ignore[union-attr]

    save_session(demo_site.url, Secret(hadewych))
    assert cli("sync", "--site", demo_site.url) == 0
    assert "waits for the account" not in capsys.readouterr().err
    assert _authors_saying(demo_site, hadewych, blog) == ["Hadewych"]


@pytest.mark.usefixtures("dutch")
def test_in_dutch_it_says_so_in_dutch(
    demo_site: LocalSite, hadewych: str, jan_session: str, capsys: pytest.CaptureFixture[str]
) -> None:
    blog, _ = _queue_as_hadewych(demo_site, hadewych)
    capsys.readouterr()

    save_session(demo_site.url, Secret(jan_session))
    assert cli("sync", "--site", demo_site.url) == 0

    assert (
        "1 item in de outbox wacht op het account dat het schreef (Hadewych); het wordt "
        "verstuurd zodra dat account weer is ingelogd"
    ) in capsys.readouterr().err
    assert _authors_saying(demo_site, hadewych, blog) == []


def test_a_comment_written_with_a_newer_login_goes_out_under_that_login(
    demo_site: LocalSite,
    hadewych: str,
    admin_session: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The cache still holds Hadewych as its viewer (`pleio-tui login` does not
    touch it), but `comment` writes with the session it is given: it is that
    account's comment, not one that waits for Hadewych."""
    blog, _ = _queue_as_hadewych(demo_site, hadewych)
    save_session(demo_site.url, Secret(admin_session))
    text_file = tmp_path / "reactie.md"
    text_file.write_text("Geschreven door de beheerder\n", encoding="utf-8")

    assert cli("comment", "--site", demo_site.url, blog, str(text_file)) == 0

    assert "Commented:" in capsys.readouterr().err
    comments = graphql(demo_site, hadewych, THREAD, {"guid": blog})["entity"]["comments"]
    written = [c["owner"]["name"] for c in comments if "door de beheerder" in c["description"]]
    assert written == ["Admin"]
    assert _authors_saying(demo_site, hadewych, blog) == []  # Hadewych's still waits
