"""A guid from the site is remote text like any other: the cache keeps it and it
becomes part of file paths and addresses. Pleio's guids are `str(uuid)` of a
model's id or a small number as text; anything else is a malformed answer.

On the real local site, records are given guids no Pleio would send (a path
upwards, escapes, a one-byte CSI, one too long): a sync ends with one inert
line and the cache holds nothing of them. Answers the local site never gives
(a new comment's guid, a vote, notifications, guid listings) come from the fault
server: each is refused as malformed, and the message does not repeat the guid.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from corpus import assert_inert
from fault_server import FaultServer
from hostile_site import SEED_GROUP, SiteWriter, doc, give_id, paragraph, text

from pleio_tui.api import OfflineError, PleioClient, RetryPolicy
from pleio_tui.cli import main
from pleio_tui.context import site_context
from pleio_tui.server import LocalSite

BAD_GUIDS = {
    "blog": "../../../.bashrc",
    "comment": "\x1b]0;PWNED\x07",
    "reply": "x\x9b2J",
    "owner": "..",
    "group": "g" * 65,
}
"""What carries it, and the guid it gets."""


def own_guid(site: LocalSite, session: str) -> str:
    response = httpx.post(
        f"{site.url}/graphql",
        json={"query": "{ viewer { user { guid } } }"},
        headers={"Cookie": f"sessionid={session}"},
        timeout=10,
    )
    return str(response.json()["data"]["viewer"]["user"]["guid"])


def cache_bytes(site_url: str) -> bytes:
    """The cache and every file beside it (its WAL, its journal)."""
    cache = site_context(site_url, read_keyring=False).cache_path
    return b"".join(path.read_bytes() for path in cache.parent.glob(cache.name + "*"))


@pytest.mark.parametrize("carrier", sorted(BAD_GUIDS))
def test_a_guid_no_pleio_sends_stops_the_sync_and_never_reaches_the_cache(
    carrier: str,
    demo_site: LocalSite,
    hadewych: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    writer = SiteWriter(demo_site, hadewych)
    group = writer.group_guid(SEED_GROUP)
    blog = writer.blog(group, "Een gewoon blog", doc(paragraph(text("tekst"))))
    comment = writer.comment(blog, doc(paragraph(text("een reactie"))))
    reply = writer.comment(comment, doc(paragraph(text("een antwoord"))))
    records = {
        "blog": blog,
        "comment": comment,
        "reply": reply,
        "owner": own_guid(demo_site, hadewych),
        "group": group,
    }
    bad = BAD_GUIDS[carrier]
    give_id(demo_site, records[carrier], bad)
    monkeypatch.setenv("PLEIO_TUI_SESSION", hadewych)
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", demo_site.url)

    code = main(["sync", "--site", demo_site.url])

    out, err = capsys.readouterr()
    assert code != 0 and out == "" and "Traceback" not in err
    assert "its answer was garbled" in err, err
    assert_inert(err.replace("\n", " "), carrier)
    assert bad not in err
    assert bad.encode() not in cache_bytes(demo_site.url)


BAD = "../\x1b]0;PWNED\x07"
USER = {"guid": "u1", "name": "Iemand", "username": "iemand", "icon": None, "url": "/u"}


def entity(**fields: Any) -> dict[str, Any]:
    return {"__typename": "Blog", "guid": "b1", "title": "T", "url": "/b", **fields}


def notification(**fields: Any) -> dict[str, Any]:
    edge = {
        "id": 1,
        "action": "commented",
        "timeCreated": "2024-01-01T10:00:00+00:00",
        "isUnread": True,
        "performer": USER,
        "entity": {"__typename": "Blog", "guid": "b1", "title": "T", "url": "/blog/view/b1/t"},
        "container": {"__typename": "Group", "guid": "g1", "name": "G"},
        **fields,
    }
    return {"notifications": {"total": 1, "totalUnread": 1, "edges": [edge]}}


Call = Callable[[PleioClient], Awaitable[object]]
ANSWERS: dict[str, tuple[dict[str, Any], Call]] = {
    "new comment": (
        {"addEntity": {"entity": {"guid": BAD, "richDescription": None}}},
        lambda client: client.add_comment("b1", "{}"),
    ),
    "new blog": (
        {"addEntity": {"entity": entity(guid=BAD)}},
        lambda client: client.add_blog("g1", "T", "{}", access_id=1),
    ),
    "new discussion": (
        {"addEntity": {"entity": entity(__typename="Discussion", guid=BAD)}},
        lambda client: client.add_content({"subtype": "discussion"}),
    ),
    "vote": (
        {"vote": {"object": {"guid": BAD, "votes": 1, "hasVoted": True}}},
        lambda client: client.vote("b1", 1),
    ),
    "reaction state": (
        {"entity": entity(guid=BAD, votes=0)},
        lambda client: client.reaction_state("b1"),
    ),
    "blog owner": (
        {"entity": entity(owner={**USER, "guid": BAD})},
        lambda client: client.blog("b1"),
    ),
    "blog group": (
        {"entity": entity(group={"guid": BAD, "name": "G"})},
        lambda client: client.blog("b1"),
    ),
    "comment of a thread": (
        {"entity": entity(comments=[{"guid": BAD, "richDescription": None}])},
        lambda client: client.comments_under("b1"),
    ),
    "blog guids": (
        {"entities": {"total": 1, "edges": [{"guid": BAD}]}},
        lambda client: client.blog_guids(),
    ),
    "content guids": (
        {"entities": {"total": 1, "edges": [{"guid": BAD}]}},
        lambda client: client.content_guids(),
    ),
    "group": (
        {"groups": {"total": 1, "edges": [{"guid": BAD, "name": "G"}]}},
        lambda client: client.groups(),
    ),
    "wiki parent": (
        {"entity": entity(__typename="Wiki", parent={"guid": BAD, "title": "P"})},
        lambda client: client.content_item("w1"),
    ),
    "best answer": (
        {"entity": {"__typename": "Question", "comments": [{"guid": BAD, "isBestAnswer": True}]}},
        lambda client: client.best_answer("q1"),
    ),
    "notification entity": (
        notification(entity={"__typename": "Blog", "guid": BAD, "title": "T", "url": "/b"}),
        lambda client: client.notifications(),
    ),
    "notification container": (
        notification(container={"__typename": "Group", "guid": BAD, "name": "G"}),
        lambda client: client.notifications(),
    ),
    "notification performer": (
        notification(performer={**USER, "guid": BAD}),
        lambda client: client.notifications(),
    ),
    "viewer": (
        {"viewer": {"guid": "viewer:1", "loggedIn": True, "user": {**USER, "guid": BAD}}},
        lambda client: client.viewer(),
    ),
    "site": (
        {"site": {"guid": BAD, "name": "S", "language": "nl"}},
        lambda client: client.site(),
    ),
}


@pytest.mark.parametrize("answer", sorted(ANSWERS))
async def test_every_guid_in_an_answer_is_checked(answer: str, fault_server: FaultServer) -> None:
    data, call = ANSWERS[answer]
    fault_server.payload = {"data": data}
    async with PleioClient(fault_server.url, "a-session", retry=RetryPolicy(1)) as client:
        with pytest.raises(OfflineError) as caught:
            await call(client)
    assert caught.value.reason == "malformed_response"
    message = str(caught.value)
    assert_inert(message, answer)
    assert "PWNED" not in message and "../" not in message


@pytest.mark.parametrize("named", ["..", "\x1b]0;PWNED\x07", "x" * 65])
async def test_a_notification_whose_address_names_no_guid_opens_nothing(
    named: str, fault_server: FaultServer
) -> None:
    """A comment's notification opens the blog its address names: a name there
    that is no guid leaves it with nothing to open."""
    comment = {"__typename": "Comment", "guid": "c1", "url": f"/blog/view/{named}/slug"}
    fault_server.payload = {"data": notification(entity=comment)}
    async with PleioClient(fault_server.url, "a-session", retry=RetryPolicy(1)) as client:
        page = await client.notifications()
    (only,) = page.items
    assert only.entity_guid == "c1" and only.item_guid is None


@pytest.mark.parametrize(
    ("guid", "valid"),
    [
        ("0b6a3c1e-4f55-4c1a-9c43-0f8e5b2f6d11", True),
        ("1", True),
        ("a" * 64, True),
        ("a_b-C9", True),
        ("a" * 65, False),
        ("", False),
        ("-a", False),
        ("_a", False),
        ("a/b", False),
        ("a\\b", False),
        ("..", False),
        ("a b", False),
        ("a\n", False),
        ("a\x00", False),
        ("\u0661", False),  # an Arabic-Indic digit: a digit to Python, not to Pleio
        (1, False),
        (None, False),
    ],
)
def test_what_a_guid_is(guid: object, valid: bool) -> None:
    from pleio_tui.api.parse import is_guid

    assert is_guid(guid) is valid
