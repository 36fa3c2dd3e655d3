"""A bookmark, an event's answer and a best answer are queued and shown in the
cache in one transaction: a cache that fails between the two keeps neither, so
the outbox never sends what the screen does not show, nor does the screen show
what will never be sent."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from test_app_support import SIZE, choose_group, make_app, notices, open_blog, synced, wait_for
from textual.pilot import Pilot

from pleio_tui.models import OutboxItem, OutboxKind
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp

GROUP = "Van buiten naar binnen"
EVENT = "Werksessie: participatie"
QUESTION = "Wie heeft ervaring met een burgerberaad"


def refuse_showing(tmp_path: Path, column: str) -> None:
    """The cache refuses the second write only: the item is queued, then showing
    it fails, as a disk filling up (or the process dying) at that moment would."""
    _cache(
        tmp_path,
        f"CREATE TRIGGER test_refuse BEFORE UPDATE OF {column} ON blogs"
        " BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END",
    )


def _cache(tmp_path: Path, statement: str) -> None:
    conn = sqlite3.connect(tmp_path / "cache.sqlite3")
    try:
        conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


async def refused_and_nothing_queued(pilot: Pilot[Any], tmp_path: Path, *keys: str) -> None:
    app = pilot.app
    assert isinstance(app, PleioApp) and app.store is not None
    await pilot.press(*keys)
    cache_named = str(tmp_path / "cache.sqlite3")  # the notice of a cache that refused
    await wait_for(pilot, lambda: any(cache_named in notice for notice in notices(pilot)))
    assert app.store.outbox() == []  # nothing the screen does not show goes out
    _cache(tmp_path, "DROP TRIGGER test_refuse")


async def queued_by(pilot: Pilot[Any], *keys: str) -> OutboxItem:
    """Press `keys` on a cache that takes the writes: the one item they queue."""
    app = pilot.app
    assert isinstance(app, PleioApp) and app.store is not None
    store = app.store
    await pilot.press(*keys)
    await wait_for(pilot, lambda: len(store.outbox()) == 1)
    (item,) = store.outbox()
    return item


async def test_a_bookmark_that_cannot_be_shown_is_not_queued(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Welkom op dit Pleio-platform")
        assert app.open_blog is not None and not app.open_blog.is_bookmarked
        guid = app.open_blog.guid
        refuse_showing(tmp_path, "is_bookmarked")

        await refused_and_nothing_queued(pilot, tmp_path, "b")
        assert app.open_blog is not None and not app.open_blog.is_bookmarked

        item = await queued_by(pilot, "b")
        assert app.store is not None
        assert (item.kind, item.target_guid, item.score) == (OutboxKind.BOOKMARK, guid, 1)
        blog = app.store.blog(guid)
        assert blog is not None and blog.is_bookmarked


async def test_an_answer_to_an_event_that_cannot_be_shown_is_not_queued(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, GROUP)
        await open_blog(pilot, EVENT)
        assert app.open_blog is not None
        guid = app.open_blog.guid
        refuse_showing(tmp_path, "details")

        await refused_and_nothing_queued(pilot, tmp_path, "a")

        item = await queued_by(pilot, "a")
        assert app.store is not None
        assert (item.kind, item.target_guid, item.title) == (OutboxKind.ATTEND, guid, "accept")
        event = app.store.blog(guid)
        assert event is not None and event.details.is_attending == "accept"


async def test_a_best_answer_that_cannot_be_shown_is_not_queued(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, GROUP)
        await open_blog(pilot, QUESTION)
        assert app.open_blog is not None
        guid = app.open_blog.guid
        app.main.activate(app.main.post)
        await pilot.press("J", "J")  # the second answer
        await pilot.pause()
        refuse_showing(tmp_path, "details")

        await refused_and_nothing_queued(pilot, tmp_path, "asterisk")

        item = await queued_by(pilot, "asterisk")
        assert app.store is not None
        assert (item.kind, item.thread_guid, item.score) == (OutboxKind.BEST_ANSWER, guid, 1)
        question = app.store.blog(guid)
        assert question is not None and question.details.best_answer_guid == item.target_guid
