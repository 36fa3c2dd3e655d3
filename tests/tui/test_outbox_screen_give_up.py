"""The outbox screen gives up an item whose fate no lookup can tell: it asks
first, says the item may have reached the site, keeps the text (shown as given
up, and back in its draft) and never sends it again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from test_app_support import SIZE, graphql, make_app, notices, screen_text, synced, wait_for

from pleio_tui.api import PleioClient
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import OutboxReplayer
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.outbox import OutboxScreen

TEXT = "Een antwoord dat misschien al op de site staat"
COMMENTED = """query { entities(subtype: "blog", limit: 50) {
  edges { guid ... on Blog { comments { guid description } } } } }"""
REPLIES = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  comments { guid comments { guid description } } } } }"""


def _a_comment(site: LocalSite, session: str) -> tuple[str, str]:
    """(blog, comment) of a comment on the demo site."""
    for edge in graphql(site.url, session, COMMENTED)["entities"]["edges"]:
        for comment in edge.get("comments") or ():
            return edge["guid"], comment["guid"]
    raise AssertionError("the demo site has no comment")


def _replies_saying(site: LocalSite, session: str, blog: str, text: str) -> list[str]:
    comments = graphql(site.url, session, REPLIES, guid=blog)["entity"]["comments"]
    return [
        reply["guid"]
        for comment in comments
        for reply in comment.get("comments") or ()
        if text in reply["description"]
    ]


def _stuck_reply(cache_path: Path, parent: str) -> int:
    """A reply queued with no blog known (`comment --reply-to` on an empty cache)
    whose answer was lost: no lookup can ever tell whether the site has it."""
    with Store.open(cache_path) as store:
        item = store.enqueue(OutboxKind.COMMENT, parent, body=TEXT, draft_key=f"reply:{parent}")
        assert item.thread_guid is None
        assert store.take_outbox_lease()
        store.mark_sending(item.id)
        store.mark_unconfirmed(item.id, "timeout", "no answer")
        store.release_outbox_lease()
    return item.id


async def test_giving_up_keeps_the_text_and_never_sends_it(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    blog, parent = _a_comment(demo_site, hadewych)
    item_id = _stuck_reply(tmp_path / "cache.sqlite3", parent)
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        s = app.strings
        await pilot.press("O")
        await wait_for(pilot, lambda: isinstance(app.screen, OutboxScreen))
        assert s("outbox.state.sending") in screen_text(pilot)
        hint = s("outbox.hint.give_up", give_up="X")
        assert hint in screen_text(pilot)

        await pilot.press("x")  # discarding what may be on the site is refused, with why
        await wait_for(pilot, lambda: s("notice.discard_sending") in notices(pilot))
        assert not isinstance(app.screen, ConfirmScreen)

        await pilot.press("X")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")  # asked first: no changes nothing
        await wait_for(pilot, lambda: isinstance(app.screen, OutboxScreen))
        assert app.store is not None
        assert app.store.outbox_item(item_id).state == OutboxState.SENDING  # type: ignore[union-attr]

        await pilot.press("X")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: s("notice.given_up") in notices(pilot))
        item = app.store.outbox_item(item_id)
        assert item is not None and (item.state, item.body) == (OutboxState.GIVEN_UP, TEXT)
        await wait_for(pilot, lambda: s("outbox.state.given_up") in screen_text(pilot))
        assert s("outbox.given_up_detail") in screen_text(pilot)
        draft = app.store.load_draft(f"reply:{parent}")
        assert draft is not None and draft.body == TEXT

    # The outbox sent again, with no wait for a lookup: nothing of it goes out.
    async with PleioClient(demo_site.url, hadewych) as client:
        with Store.open(tmp_path / "cache.sqlite3") as store:
            assert await OutboxReplayer(client, store, lookup_delay=timedelta(0)).replay() == []
            item = store.outbox_item(item_id)
    assert item is not None and (item.state, item.attempts) == (OutboxState.GIVEN_UP, 1)
    assert _replies_saying(demo_site, hadewych, blog, TEXT) == []
