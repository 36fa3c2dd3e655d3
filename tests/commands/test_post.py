"""`post` sends a Markdown post now, or queues it; nothing written is ever lost."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from command_helpers import SEED_GROUP, cli, count_titled

from pleio_tui.context import site_context
from pleio_tui.credentials import save_session
from pleio_tui.models import OutboxState
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

TITLE = "Vanuit de terminal"
BODY = "Een post met **nadruk** en een [link](https://pleio.nl).\n"


@pytest.fixture
def body_file(tmp_path: Path) -> Path:
    path = tmp_path / "post.md"
    path.write_text(BODY, encoding="utf-8")
    return path


def synced(site: LocalSite, session: str) -> str:
    save_session(site.url, Secret(session))
    assert cli("sync", "--site", site.url) == 0
    return site.url


def cache_of(url: str) -> Store:
    return Store.open(site_context(url, read_keyring=False).cache_path)


def test_post_sends_the_file_and_prints_its_address(
    demo_site: LocalSite, hadewych: str, body_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)

    assert (
        cli(
            "post", "--group", "van buiten", "--title", f"  {TITLE} ", str(body_file), "--site", url
        )
        == 0
    )

    err = capsys.readouterr().err
    assert f"Posted: {url}/groups/view/" in err
    assert count_titled(demo_site, hadewych, TITLE) == 1
    with cache_of(url) as store:
        assert store.drafts() == []
        assert [hit.title for hit in store.search("nadruk")] == [TITLE]


def test_post_reads_stdin_and_queues_when_the_site_is_down(
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)
    demo_site.stop()
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY))

    assert cli("post", "--group", SEED_GROUP.upper(), "--title", TITLE, "-", "--site", url) == 0

    assert "Queued: the site cannot be reached" in capsys.readouterr().err
    with cache_of(url) as store:
        [item] = store.outbox()
        drafts = store.drafts()
    assert (item.state, item.title, item.body) == (OutboxState.PENDING, TITLE, BODY)
    assert [(draft.key, draft.body) for draft in drafts] == [(f"post:{item.target_guid}", BODY)]

    demo_site.start()
    assert cli("sync", "--site", url) == 0
    assert count_titled(demo_site, hadewych, TITLE) == 1


def test_post_offline_queues_without_touching_the_site(
    demo_site: LocalSite, hadewych: str, body_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)

    assert (
        cli(
            "--offline",
            "post",
            "--group",
            SEED_GROUP,
            "--title",
            TITLE,
            str(body_file),
            "--site",
            url,
        )
        == 0
    )

    assert "Queued" in capsys.readouterr().err
    assert count_titled(demo_site, hadewych, TITLE) == 0


def test_a_rejected_post_is_kept_and_fails(
    demo_site: LocalSite, jan_session: str, body_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, jan_session)

    assert cli("post", "--group", SEED_GROUP, "--title", TITLE, str(body_file), "--site", url) == 1

    assert "Rejected: you are not a member of that group" in capsys.readouterr().err
    with cache_of(url) as store:
        [item] = store.outbox()
    assert (item.state, item.error_code) == (OutboxState.FAILED, "user_not_member_of_group")

    assert cli("sync", "--site", url) == 0  # an old refusal does not fail every later sync


def test_a_failed_item_in_this_sync_makes_it_fail(
    demo_site: LocalSite, jan_session: str, body_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, jan_session)
    cli("--offline", "post", "--group", SEED_GROUP, "--title", TITLE, str(body_file), "--site", url)

    assert cli("sync", "--site", url) == 1

    err = capsys.readouterr().err
    assert f'Rejected: outbox item 1 (blog "{TITLE}"): you are not a member of that group' in err
    assert "1 failed" in err


def test_an_ambiguous_group_lists_the_candidates(
    demo_site: LocalSite, hadewych: str, body_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)

    assert cli("post", "--group", "o", "--title", TITLE, str(body_file), "--site", url) == 2

    err = capsys.readouterr().err
    assert "groups match 'o'" in err
    assert "Open overheid in de praktijk" in err and "Omgevingswet" in err
    with cache_of(url) as store:
        assert store.outbox() == []


def test_an_unknown_group_lists_the_groups(
    demo_site: LocalSite, hadewych: str, body_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)

    assert (
        cli("post", "--group", "Bestaat niet", "--title", TITLE, str(body_file), "--site", url) == 2
    )

    err = capsys.readouterr().err
    assert "no cached group matches 'Bestaat niet'" in err and SEED_GROUP in err


@pytest.mark.parametrize("title", ["", "   ", "x" * 257])
def test_a_bad_title_is_refused_before_anything_else(
    demo_site: LocalSite,
    hadewych: str,
    body_file: Path,
    title: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)

    assert cli("post", "--group", SEED_GROUP, "--title", title, str(body_file), "--site", url) == 2

    assert "the title must be 1 to 256 characters" in capsys.readouterr().err
    with cache_of(url) as store:
        assert store.outbox() == [] and store.drafts() == []
