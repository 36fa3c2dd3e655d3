"""The commands print guids as terminal-safe text, wherever they come from.

New answers are checked, but a cache an older pleio-tui filled, and its outbox,
can hold guids with escapes in them; and the way to a site can hand back a new
comment's guid that no Pleio gives. `post` listing the groups to choose from,
`sync` saying which outbox item the site rejected, and `comment` saying what it
sent print every one of them inert.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus import assert_inert
from old_cache import give_cached_guid

from loopback_relay import Exchange, LoopbackRelay
from pleio_tui.cli import main
from pleio_tui.context import site_context
from pleio_tui.models import OutboxKind
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

OLD_GUID = "oud\x1b]0;PWNED\x07\x9b2J\u202e"
SHOWN = "oud]0;PWNED2J"
"""OLD_GUID as a terminal may show it."""


def inert_lines(output: str) -> list[str]:
    assert "Traceback" not in output
    lines = output.strip().splitlines()
    for line in lines:
        assert_inert(line, "output")
    return lines


@pytest.fixture
def synced(demo_site: LocalSite, hadewych: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache of the demo site, filled by `sync`; Hadewych's session set."""
    monkeypatch.setenv("PLEIO_TUI_SESSION", hadewych)
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", demo_site.url)
    assert main(["sync", "--site", demo_site.url]) == 0
    return site_context(demo_site.url, read_keyring=False).cache_path


def test_post_lists_the_groups_with_their_guids_inert(
    synced: Path, demo_site: LocalSite, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with Store.open(synced) as store:
        every = store.groups()
        group = every.window(0, every.count())[0]
    give_cached_guid(synced, group.guid, OLD_GUID)
    body = tmp_path / "post.md"
    body.write_text("Tekst", encoding="utf-8")
    capsys.readouterr()

    argv = ["post", "--group", "bestaat niet", "--title", "T", str(body)]
    assert main([*argv, "--site", demo_site.url]) == 2

    lines = inert_lines(capsys.readouterr().err)
    assert any(line.endswith(f"({SHOWN})") for line in lines), lines


class CommentRefuser(LoopbackRelay):
    """The way to the site refuses every new comment with a code Pleio uses. (Pleio
    itself fails a container guid that is no uuid with Django's message, which
    quotes the guid: an unknown error, which leaves the item unconfirmed.)"""

    def handle(self, exchange: Exchange) -> None:
        if b"addEntity" in exchange.body:
            refusal = {"data": {"addEntity": None}, "errors": [{"message": "could_not_add"}]}
            exchange.send(200, "application/json", json.dumps(refusal).encode())
            return
        exchange.relay(self.forward(exchange), self.answer_headers)


def test_sync_names_a_rejected_outbox_item_by_its_guid_inert(
    demo_site: LocalSite,
    hadewych: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with CommentRefuser(demo_site.url) as refuser:
        monkeypatch.setenv("PLEIO_TUI_SESSION", hadewych)
        monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", refuser.url)
        assert main(["sync", "--site", refuser.url]) == 0
        cache = site_context(refuser.url, read_keyring=False).cache_path
        with Store.open(cache) as store:
            store.enqueue(OutboxKind.COMMENT, OLD_GUID, "", "Een reactie", thread_guid=OLD_GUID)
        capsys.readouterr()

        main(["sync", "--site", refuser.url])

    lines = inert_lines(capsys.readouterr().err)
    rejected = [line for line in lines if line.startswith("Rejected: ")]
    assert rejected and f"(comment {SHOWN})" in rejected[0], lines


class GuidRewriter(LoopbackRelay):
    """The way to the site answers a new comment with a guid no Pleio gives."""

    def handle(self, exchange: Exchange) -> None:
        answer = self.forward(exchange)
        try:
            body = json.loads(answer.content)
            entity = body["data"]["addEntity"]["entity"]
        except (ValueError, KeyError, TypeError):
            exchange.relay(answer, self.answer_headers)
            return
        entity["guid"] = OLD_GUID
        exchange.send(200, "application/json", json.dumps(body).encode())


@pytest.fixture
def rewriter(demo_site: LocalSite) -> Iterator[GuidRewriter]:
    with GuidRewriter(demo_site.url) as relay:
        yield relay


def test_comment_says_what_it_sent_inert(
    rewriter: GuidRewriter,
    hadewych: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("PLEIO_TUI_SESSION", hadewych)
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", rewriter.url)
    assert main(["sync", "--site", rewriter.url]) == 0
    with Store.open(site_context(rewriter.url, read_keyring=False).cache_path) as store:
        blog = store.feed(None, "blog").window(0, 1)[0]
    body = tmp_path / "reactie.md"
    body.write_text("Een reactie.", encoding="utf-8")
    capsys.readouterr()

    main(["comment", blog.guid, str(body), "--site", rewriter.url])

    output = capsys.readouterr()
    inert_lines(output.out + output.err)
    assert "PWNED" not in output.out + output.err
