"""The inbox, driven with Pilot against the local site: a colleague's reply
arrives with a sync (a notice, the count in the status bar), `i` lists it first
and unread, `enter` opens the blog at that comment and marks it read on the
site; offline the mark waits in the outbox; `A` marks all read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    graphql,
    make_app,
    notices,
    screen_text,
    synced,
    wait_for,
    widget_text,
)
from textual.timer import Timer

from pleio_tui.config import Config
from pleio_tui.models import OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.screens.inbox import InboxScreen

DLG = "Innovatie binnen de overheid ... DLG's aanpak"
UNREAD = "query { notifications(limit: 100) { totalUnread edges { id isUnread } } }"
ADD_COMMENT = (
    """mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }"""
)
BLOGS = '{ entities(subtype: "blog", limit: 100) { edges { guid ... on Blog { title } } } }'


def blog_guid(site: LocalSite, session: str, title: str) -> str:
    edges = graphql(site.url, session, BLOGS)["entities"]["edges"]
    return next(edge["guid"] for edge in edges if edge.get("title") == title)


def comment(site: LocalSite, session: str, container: str, text: str) -> str:
    doc = '{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"%s"}]}]}'
    answer = graphql(
        site.url,
        session,
        ADD_COMMENT,
        input={"subtype": "comment", "containerGuid": container, "richDescription": doc % text},
    )
    return str(answer["addEntity"]["entity"]["guid"])


def status(app: object) -> str:
    return " | ".join(part.plain for part in app.main.status.parts())  # type: ignore[attr-defined]


async def test_a_reply_arrives_opens_at_its_comment_and_is_read_on_the_site(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert "✉ 3" in status(app)

        admin = demo_site.login("admin")
        dlg = blog_guid(demo_site, hadewych, DLG)
        reply = comment(demo_site, admin, dlg, "Wat een mooie aanpak")
        await pilot.press("r")
        await wait_for(pilot, lambda: "1 nieuwe melding (i)" in notices(pilot))
        await wait_for(pilot, lambda: "✉ 4" in status(app))

        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, InboxScreen))
        shown = screen_text(pilot)
        assert "Meldingen" in shown
        first = shown.index("Admin reageerde op Innovatie binnen de overheid")
        assert shown.index("Marieke de Vries reageerde op Innovatie") > first  # newest first
        assert "● Admin reageerde op" in shown

        await pilot.press("enter")
        await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.guid == dlg)
        await wait_for(pilot, lambda: app.main.post.view.selected_comment_guid == reply)
        assert "✉ 3" in status(app)

        def read_on_site() -> bool:
            edges = graphql(demo_site.url, hadewych, UNREAD)["notifications"]["edges"]
            return edges[0]["isUnread"] is False

        await wait_for(pilot, read_on_site)
        assert graphql(demo_site.url, hadewych, UNREAD)["notifications"]["totalUnread"] == 3


async def test_read_offline_waits_in_the_outbox_and_all_read_with_a(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    online = make_app(demo_site.url, hadewych, tmp_path)
    async with online.run_test(size=SIZE) as pilot:
        await synced(pilot)

    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "✉ 3" in status(app))
        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, InboxScreen))
        assert "noemde je in Open data zonder gebruikers" in screen_text(pilot)
        await pilot.press("enter")  # the newest: the mention
        await wait_for(pilot, lambda: "✉ 2" in status(app))
        assert app.store is not None
        waiting = app.store.outbox((OutboxState.PENDING,))
        assert [item.kind.value for item in waiting] == ["notification_read"]
        assert graphql(demo_site.url, hadewych, UNREAD)["notifications"]["totalUnread"] == 3

        await pilot.press("i")
        await wait_for(pilot, lambda: isinstance(app.screen, InboxScreen))
        await pilot.press("A")
        await wait_for(pilot, lambda: "✉" not in status(app))
        assert "●" not in widget_text(app.screen.items)  # type: ignore[attr-defined]
        assert "Alle meldingen gelezen." in notices(pilot)
        assert len(app.store.outbox((OutboxState.PENDING,))) == 2

    again = make_app(demo_site.url, hadewych, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await synced(pilot)

        def all_read() -> bool:
            return graphql(demo_site.url, hadewych, UNREAD)["notifications"]["totalUnread"] == 0

        await wait_for(pilot, all_read)
        assert "✉" not in status(again)


async def test_the_periodic_sync_tells_of_new_notifications(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two replies arrive between two of the app's own syncs, in English."""
    intervals: list[tuple[float, Callable[[], None]]] = []
    real_set_interval = PleioApp.set_interval

    def recorded(app: PleioApp, seconds: float, callback: Callable[[], None]) -> Timer:
        intervals.append((seconds, callback))
        return real_set_interval(app, seconds, callback)

    monkeypatch.setattr(PleioApp, "set_interval", recorded)
    config = Config(sync_interval_minutes=5, language="en")
    app = make_app(demo_site.url, hadewych, tmp_path, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        [periodic] = [callback for seconds, callback in intervals if seconds == 5 * 60]
        dlg = blog_guid(demo_site, hadewych, DLG)
        comment(demo_site, demo_site.login("admin"), dlg, "Wat een mooie aanpak")
        comment(demo_site, demo_site.login("marieke"), dlg, "Mee eens")

        periodic()  # what the app's timer calls every five minutes
        await wait_for(pilot, lambda: "2 new notifications (i)" in notices(pilot))
        await wait_for(pilot, lambda: "✉ 5" in status(app))
