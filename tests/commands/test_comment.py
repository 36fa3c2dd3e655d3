"""`comment` sends a Markdown comment or reply now, or queues it, exactly like `post`."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest
from command_helpers import SEED_GROUP, cli, graphql

from pleio_tui.context import site_context
from pleio_tui.credentials import save_session
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.store import Store

SEED_TITLE = "Leren door doen; overheidsparticipatie in een energieke samenleving"
TEXT = "Een reactie uit de **terminal**.\n"

THREAD = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  url comments { guid description comments { guid description } } } } }"""


def synced(site: LocalSite, session: str) -> str:
    save_session(site.url, Secret(session))
    assert cli("sync", "--site", site.url) == 0
    return site.url


def cache_of(url: str) -> Store:
    return Store.open(site_context(url, read_keyring=False).cache_path)


def seed_blog(url: str) -> tuple[str, str]:
    """The guid and (relative) address of the seed blog, from the cache."""
    with cache_of(url) as store:
        [hit] = [hit for hit in store.search("energieke") if hit.title == SEED_TITLE]
        blog = store.blog(hit.blog_guid)
    assert blog is not None and blog.group_guid and "/groups/view/" in blog.url
    return blog.guid, blog.url


def thread(site: LocalSite, session: str, blog_guid: str) -> dict[str, Any]:
    return graphql(site, session, THREAD, {"guid": blog_guid})["entity"]


def texts(comments: list[dict[str, Any]]) -> list[str]:
    return [comment["description"].strip() for comment in comments]


@pytest.fixture
def text_file(tmp_path: Path) -> Path:
    path = tmp_path / "reactie.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_comment_on_a_blog_by_its_address(
    demo_site: LocalSite, hadewych: str, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)
    guid, address = seed_blog(url)
    capsys.readouterr()

    assert cli("comment", f"{url}{address}", str(text_file)) == 0

    err = capsys.readouterr().err
    comments = thread(demo_site, hadewych, guid)["comments"]
    assert texts(comments).count("Een reactie uit de terminal.") == 1
    mine = next(c for c in comments if c["description"].startswith("Een reactie uit"))
    assert err.strip() == f"Commented: {url}{address} (comment {mine['guid']})"
    with cache_of(url) as store:
        assert store.drafts() == [] and store.outbox((OutboxState.PENDING,)) == []


def test_a_draft_the_app_keeps_for_the_same_blog_outlives_a_comment_sent_from_here(
    demo_site: LocalSite, hadewych: str, text_file: Path
) -> None:
    url = synced(demo_site, hadewych)
    guid, _ = seed_blog(url)
    half = "Een half antwoord, nog lang niet af"
    with cache_of(url) as store:  # what the app keeps while the user types there
        store.save_draft(f"comment:{guid}", "", half)

    assert cli("comment", "--site", url, guid, str(text_file)) == 0

    assert (
        texts(thread(demo_site, hadewych, guid)["comments"]).count(TEXT.strip().replace("**", ""))
        == 1
    )
    with cache_of(url) as store:
        assert [(d.key, d.body) for d in store.drafts()] == [(f"comment:{guid}", half)]
        assert store.outbox((OutboxState.PENDING, OutboxState.SENDING)) == []


def test_a_reply_reads_stdin_and_queues_when_the_site_is_down(
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)
    guid, _ = seed_blog(url)
    parent = thread(demo_site, hadewych, guid)["comments"][0]["guid"]
    demo_site.stop()
    monkeypatch.setattr(sys, "stdin", io.StringIO(TEXT))

    assert cli("comment", guid, "-", "--reply-to", parent, "--site", url) == 0

    assert "Queued: the site cannot be reached" in capsys.readouterr().err
    with cache_of(url) as store:
        [item] = store.outbox()
        drafts = store.drafts()
    assert (item.kind, item.target_guid, item.body) == (OutboxKind.COMMENT, parent, TEXT)
    assert [(draft.key, draft.body) for draft in drafts] == [(f"reply:{parent}", TEXT)]

    demo_site.start()
    assert cli("sync", "--site", url) == 0
    [replied_to] = [c for c in thread(demo_site, hadewych, guid)["comments"] if c["guid"] == parent]
    assert texts(replied_to["comments"]).count("Een reactie uit de terminal.") == 1


def test_comment_offline_queues_without_touching_the_site(
    demo_site: LocalSite, hadewych: str, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)
    guid, address = seed_blog(url)

    assert cli("--offline", "comment", address, str(text_file), "--site", url) == 0

    assert f'Queued for "{SEED_TITLE}" (offline)' in capsys.readouterr().err
    assert "Een reactie uit de terminal." not in texts(
        thread(demo_site, hadewych, guid)["comments"]
    )
    with cache_of(url) as store:
        [item] = store.outbox()
    assert (item.target_guid, item.draft_key) == (guid, f"comment:{guid}")


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        ("https://elders.pleio.nl/blog/view/{guid}/titel", "is on https://elders.pleio.nl, not on"),
        ("{url}/groups/view/{guid}/groep", "is not a blog"),
        ("{url}/blog/view/", "is not a blog"),
        ("https://jan:wachtwoord123@elders.pleio.nl/blog/view/{guid}", "user name or password"),
    ],
)
def test_an_item_that_is_no_blog_of_this_site_is_refused(
    item: str,
    expected: str,
    demo_site: LocalSite,
    hadewych: str,
    text_file: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)
    guid, _ = seed_blog(url)
    capsys.readouterr()

    assert cli("comment", item.format(url=url, guid=guid), str(text_file), "--site", url) == 2

    err = capsys.readouterr().err
    assert expected in err and "wachtwoord123" not in err and len(err.strip().splitlines()) == 1
    with cache_of(url) as store:
        assert store.outbox() == [] and store.drafts() == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [("", False), (" \n\t\n", False), ("**  **\n", True), ("[](https://pleio.nl)", True)],
)
def test_an_empty_comment_is_refused_and_what_there_is_kept(
    text: str,
    kept: bool,
    demo_site: LocalSite,
    hadewych: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)
    guid, _ = seed_blog(url)
    before = thread(demo_site, hadewych, guid)["comments"]
    empty = tmp_path / "leeg.md"
    empty.write_text(text, encoding="utf-8")

    assert cli("comment", guid, str(empty), "--site", url) == 2

    err = capsys.readouterr().err
    assert "the comment has no text to show: nothing was sent or queued" in err
    assert thread(demo_site, hadewych, guid)["comments"] == before
    with cache_of(url) as store:
        assert store.outbox() == []
        assert [draft.body for draft in store.drafts()] == ([text] if kept else [])


@pytest.mark.parametrize("text", ["", "   \n", "# \n\n---\n"])
def test_an_empty_post_is_refused(
    text: str,
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = synced(demo_site, hadewych)
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))

    assert cli("post", "--group", SEED_GROUP, "--title", "Leeg", "-", "--site", url) == 2

    assert "the post has no text to show" in capsys.readouterr().err
    with cache_of(url) as store:
        assert store.outbox() == []
        assert [draft.body for draft in store.drafts()] == ([text] if text.strip() else [])


def test_a_comment_on_an_address_needs_no_configured_site(
    demo_site: LocalSite, hadewych: str, text_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = synced(demo_site, hadewych)  # --site given: the config names no site
    _, address = seed_blog(url)

    assert cli("comment", f"{url}{address}", str(text_file)) == 0

    assert "Commented:" in capsys.readouterr().err


GUID = "6a1f0c52-7d1e-4b4e-9d53-2f3c7a9e8b10"


@pytest.mark.parametrize(
    ("item", "origin"),
    [
        (GUID, None),
        (f"  {GUID}\n", None),
        (f"/blog/view/{GUID}/een-titel", None),
        (f"/blog/view/{GUID}", None),
        (f"https://gemeente.pleio.nl/blog/view/{GUID}/een-titel", "https://gemeente.pleio.nl"),
        (
            f"https://Gemeente.pleio.nl/groups/view/{GUID[::-1]}/de-groep/blog/view/{GUID}/titel",
            "https://gemeente.pleio.nl",
        ),
        (f"http://127.0.0.1:8000/blog/view/{GUID}/titel?x=1#reacties", "http://127.0.0.1:8000"),
    ],
)
def test_the_item_is_a_guid_or_a_blog_address(item: str, origin: str | None) -> None:
    from pleio_tui.commands.comment import BlogRef, parse_blog_ref

    assert parse_blog_ref(item) == BlogRef(GUID, origin)


@pytest.mark.parametrize(
    "item",
    [
        "",
        "https://gemeente.pleio.nl/",
        f"https://gemeente.pleio.nl/groups/view/{GUID}/de-groep",
        f"https://gemeente.pleio.nl/wiki/view/{GUID}/pagina",  # takes no comments
        f"https://gemeente.pleio.nl/blog/view/{GUID}/titel/extra",
        "een blog over participatie",
        f"//[gemeente/blog/view/{GUID}",
    ],
)
def test_anything_else_is_not_a_blog(item: str) -> None:
    from pleio_tui.commands.comment import parse_blog_ref
    from pleio_tui.commands.text_input import BadInputError

    with pytest.raises(BadInputError, match="is not a blog"):
        parse_blog_ref(item)


@pytest.mark.parametrize("kind", ["discussion", "questions", "news", "events", "update", "files"])
def test_every_commentable_kind_is_an_item(kind: str) -> None:
    from pleio_tui.commands.comment import BlogRef, parse_blog_ref

    address = f"https://gemeente.pleio.nl/groups/view/g/groep/{kind}/view/{GUID}/titel"
    assert parse_blog_ref(address) == BlogRef(GUID, "https://gemeente.pleio.nl")
