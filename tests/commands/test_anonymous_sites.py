"""A public site read without an account: synced as a visitor, searchable
offline, and closed to writing in one clear line, with nothing queued."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import httpx
import pytest
from command_helpers import SEED_GROUP, cli

from pleio_tui.config import load_config
from pleio_tui.context import site_context
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

SEED_TITLE = "Leren door doen; overheidsparticipatie in een energieke samenleving"
LOGGED_IN_ONLY = "Een jaar Woo: wat we leerden van actieve openbaarmaking"


def cache_of(url: str) -> Store:
    return Store.open(site_context(url, read_keyring=False).cache_path)


def test_a_public_site_syncs_without_a_session_and_reads_offline(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("sync", "--site", demo_site.url) == 0

    err = capsys.readouterr().err
    assert err.startswith(f"Synced {demo_site.url} in ")
    assert "read as a visitor, not logged in" in err
    assert cli("--offline", "search", "energieke", "--site", demo_site.url) == 0
    assert SEED_TITLE in capsys.readouterr().out
    with cache_of(demo_site.url) as store:
        titles = {hit.title for hit in store.search("overheid")} | {
            hit.title for hit in store.search("Woo")
        }
        assert SEED_TITLE in titles
        # Only what visitors may read: a blog for logged-in users stays out.
        assert LOGGED_IN_ONLY not in titles
        viewer = store.load_viewer()
        assert viewer is not None and not viewer.logged_in


def test_login_anonymous_adds_the_site_and_sync_all_reads_it(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("login", demo_site.url, "--anonymous", "--name", "demo") == 0

    config = load_config(AppDirs.default().config_file)
    [entry] = config.sites
    assert (entry.name, entry.url, entry.anonymous) == ("demo", demo_site.url, True)
    assert config.site == demo_site.url
    assert cli("sync", "--all") == 0
    err = capsys.readouterr().err
    assert f"demo: Synced {demo_site.url}" in err and "visitor" in err


def blog_guid(url: str) -> str:
    with cache_of(url) as store:
        [hit] = [hit for hit in store.search("energieke") if hit.title == SEED_TITLE]
        return hit.blog_guid


def comments_on_site(site: LocalSite, guid: str) -> int:
    query = "query($g: String!) { entity(guid: $g) { ... on Blog { commentCount } } }"
    answer = httpx.post(f"{site.url}/graphql", json={"query": query, "variables": {"g": guid}})
    return int(answer.json()["data"]["entity"]["commentCount"])


@pytest.mark.parametrize("offline", [False, True])
def test_comment_and_post_without_an_account_say_so_in_one_line(
    demo_site: LocalSite,
    offline: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli("login", demo_site.url, "--anonymous") == 0
    assert cli("sync") == 0
    guid = blog_guid(demo_site.url)
    before = comments_on_site(demo_site, guid)
    capsys.readouterr()
    flags = ["--offline"] if offline else []

    monkeypatch.setattr(sys, "stdin", io.StringIO("Mooi stuk!\n"))
    assert cli(*flags, "comment", guid, "-") == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO("Mijn eerste post\n"))
    assert cli(*flags, "post", "--group", SEED_GROUP, "--title", "Hallo") == 1

    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    for line in lines:
        assert line.startswith(f"pleio-tui: only logged-in users can write on {demo_site.url}")
        assert "pleio-tui login" in line and "nothing was sent or queued" in line
    with cache_of(demo_site.url) as store:
        assert store.outbox() == []
        assert {draft.body.strip() for draft in store.drafts()} == {
            "Mooi stuk!",
            "Mijn eerste post",
        }
    assert comments_on_site(demo_site, guid) == before


def test_without_an_account_a_draft_the_app_keeps_stays_and_the_text_goes_to_a_file(
    demo_site: LocalSite,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli("login", demo_site.url, "--anonymous") == 0
    assert cli("sync") == 0
    guid = blog_guid(demo_site.url)
    with cache_of(demo_site.url) as store:  # written in the app, for the same blog
        store.save_draft(f"comment:{guid}", "", "Een concept uit de app")
    capsys.readouterr()

    monkeypatch.setattr(sys, "stdin", io.StringIO("Mooi stuk!\n"))
    assert cli("comment", guid, "-") == 1

    err = capsys.readouterr().err
    assert "a draft written earlier for the same place stays" in err
    rescued = Path(err.split("your text is in ", 1)[1].split()[0])
    assert rescued.read_text(encoding="utf-8").strip() == "Mooi stuk!"
    with cache_of(demo_site.url) as store:
        assert store.outbox() == []
        assert [(d.key, d.body) for d in store.drafts()] == [
            (f"comment:{guid}", "Een concept uit de app")
        ]


def test_a_closed_site_says_it_shows_nothing_to_visitors(
    site_factory, capsys: pytest.CaptureFixture[str]
) -> None:
    closed = site_factory(demo=True, closed=True)

    assert cli("sync", "--site", closed.url) == 1

    err = capsys.readouterr().err.strip()
    assert "shows nothing to visitors" in err and "pleio-tui login" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert cli("login", closed.url, "--anonymous") == 1
    assert "cannot be read without an account" in capsys.readouterr().err
    assert not AppDirs.default().config_file.exists()
