"""Screenshots of the TUI on the demo site, as SVG files next to this script.

Run: python screenshots/make_screenshots.py
It starts a local demo site, runs the app headless and saves what it shows.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from pleio_tui.config import Config
from pleio_tui.context import SiteContext
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.launch import create_app

HERE = Path(__file__).resolve().parent
SEED = "Leren door doen"


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the app did not get there: {condition}")
        await pilot.pause(0.05)


def new_app(site: LocalSite, session: str, tmp: Path) -> PleioApp:
    dirs = AppDirs(data=tmp / "data", config=tmp / "config", cache=tmp / "cache")
    context = SiteContext(
        site_url=site.url,
        session=session,
        cache_path=tmp / "cache.sqlite3",
        config=Config(sync_interval_minutes=0),
    )
    return create_app(context, dirs=dirs)


async def open_seed_blog(pilot: Pilot[Any], app: PleioApp) -> None:
    await wait_for(pilot, lambda: not app.is_syncing and app.main.feed.row_count > 1)
    pane = await app.main.make_groups()  # made at start only in the wide layout
    app.main.activate(pane)
    groups = pane.row_list
    while (row := groups.highlighted_row) is not None and not row.name.startswith("Van buiten"):
        await pilot.press("j")
    await pilot.press("enter")
    feed = app.main.feed.row_list
    while (blog := feed.highlighted_row) is not None and not blog.title.startswith(SEED):
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.open_blog is not None)
    await pilot.pause(0.3)


def save(app: PleioApp, name: str) -> None:
    app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
    print(f"wrote {HERE / name}.svg")


async def wide_screens(site: LocalSite, session: str, tmp: Path) -> None:
    app = new_app(site, session, tmp)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_seed_blog(pilot, app)
        save(app, "reading")

        await pilot.press("c", *"Herkenbaar, ook bij ons.")
        await pilot.pause(0.3)
        save(app, "composer")
        await pilot.press("escape")

        await pilot.press("/", *"Woo openbaar")
        await pilot.pause(0.3)
        save(app, "search")
        await pilot.press("escape")

        await pilot.press("?")
        await pilot.pause(0.2)
        save(app, "help")
        await pilot.press("escape")

        site.stop()  # what the outbox looks like while the site cannot be reached
        await pilot.press("+", "b")
        await pilot.pause(0.5)
        await pilot.press("O")
        await pilot.pause(0.3)
        save(app, "outbox")
        await pilot.press("escape")
    if app.store is not None:
        app.store.close()


async def open_in_feed(pilot: Pilot[Any], app: PleioApp, title: str) -> None:
    """Open the feed row whose title starts with `title` (the feed has the focus)."""
    feed = app.main.feed.row_list
    await pilot.press("g")
    while (row := feed.highlighted_row) is not None and not row.title.startswith(title):
        await pilot.press("j")
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.title == row.title)
    await pilot.pause(0.3)


async def kinds_and_inbox(site: LocalSite, session: str, tmp: Path) -> None:
    """The group's stream of every kind, an event, a question, the inbox, the links."""
    app = new_app(site, session, tmp)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_seed_blog(pilot, app)
        await pilot.press("u")
        await pilot.pause(0.3)
        save(app, "links")
        await pilot.press("escape")
        app.main.activate(app.main.feed)
        await pilot.pause(0.2)
        await open_in_feed(pilot, app, "Werksessie")
        save(app, "event")
        app.main.activate(app.main.feed)
        await open_in_feed(pilot, app, "Wie heeft ervaring")
        save(app, "question")
        await pilot.press("i")
        await pilot.pause(0.5)
        save(app, "inbox")
        await pilot.press("escape")
    if app.store is not None:
        app.store.close()


async def very_wide_screen(site: LocalSite, session: str, tmp: Path) -> None:
    app = new_app(site, session, tmp)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_seed_blog(pilot, app)
        save(app, "reading-200x50")
    if app.store is not None:
        app.store.close()


async def narrow_screen(site: LocalSite, session: str, tmp: Path) -> None:
    app = new_app(site, session, tmp)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_seed_blog(pilot, app)
        save(app, "reading-80x24")
    if app.store is not None:
        app.store.close()


async def main() -> None:
    with tempfile.TemporaryDirectory(prefix="pleio-tui-screens-") as name:
        tmp = Path(name)
        site = LocalSite(tmp / "site", demo=True).start()
        try:
            session = site.login("hadewych")
            await narrow_screen(site, session, tmp / "narrow")
            await wide_screens(site, session, tmp / "wide")
            site.start()  # wide_screens stopped it to show the outbox offline
            await kinds_and_inbox(site, session, tmp / "kinds")
            await very_wide_screen(site, session, tmp / "very-wide")
        finally:
            site.stop()


if __name__ == "__main__":
    asyncio.run(main())
