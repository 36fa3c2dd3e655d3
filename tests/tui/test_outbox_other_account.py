"""The app logged in as another account than the one that wrote what waits in
the outbox: it sends none of it, says that it waits for the account that wrote
it, and the outbox names that account beside each such item."""

from __future__ import annotations

from pathlib import Path

from test_app_support import SIZE, graphql, make_app, notices, screen_text, synced, wait_for

from pleio_tui.api import PleioClient
from pleio_tui.models import OutboxKind, OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.tui.screens.outbox import OutboxScreen

TEXT = "Door Hadewych geschreven voordat Jan inlogde"
BLOGS = """query { entities(subtype: "blog", limit: 1) { edges { guid } } }"""
THREAD = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  comments { description } } } }"""


async def test_the_app_of_another_account_says_whose_items_wait(
    demo_site: LocalSite, hadewych: str, jan_session: str, tmp_path: Path
) -> None:
    [edge] = graphql(demo_site.url, hadewych, BLOGS)["entities"]["edges"]
    blog = edge["guid"]
    async with PleioClient(demo_site.url, hadewych) as client:
        viewer = await client.viewer()
    with Store.open(tmp_path / "cache.sqlite3") as store:
        store.save_viewer(viewer)  # Hadewych was logged in here
        item = store.enqueue(OutboxKind.COMMENT, blog, body=TEXT)

    app = make_app(demo_site.url, jan_session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        s = app.strings
        said = s.plural("notice.for_others", 1, who="Hadewych")
        await wait_for(pilot, lambda: said in notices(pilot))

        await pilot.press("O")
        await wait_for(pilot, lambda: isinstance(app.screen, OutboxScreen))
        await wait_for(pilot, lambda: s("outbox.for_other", name="Hadewych") in screen_text(pilot))

    comments = graphql(demo_site.url, hadewych, THREAD, guid=blog)["entity"]["comments"]
    assert [c for c in comments if TEXT in c["description"]] == []
    with Store.open(tmp_path / "cache.sqlite3") as store:
        assert store.outbox_item(item.id).state == OutboxState.PENDING  # type: ignore[union-attr]
