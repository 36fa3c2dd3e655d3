"""Helpers the app tests share: building the app on a local site, waiting on
conditions, reading what the screen shows, and asking the site over GraphQL."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from textual.pilot import Pilot
from textual.widget import Widget

from pleio_tui.config import Config
from pleio_tui.context import SiteContext
from pleio_tui.paths import AppDirs
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.launch import create_app

SIZE = (160, 48)
SEED_TITLE = "Leren door doen; overheidsparticipatie in een energieke samenleving"


def make_app(
    site_url: str,
    session: str | None,
    tmp_path: Path,
    *,
    offline: bool = False,
    config: Config | None = None,
) -> PleioApp:
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    context = SiteContext(
        site_url=site_url,
        session=session,
        cache_path=tmp_path / "cache.sqlite3",
        config=config or Config(sync_interval_minutes=0),
        offline=offline,
    )
    return create_app(context, dirs=dirs)


async def wait_for(pilot: Pilot[Any], condition: Callable[[], object], timeout: float = 15) -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.05)


async def synced(pilot: Pilot[Any]) -> None:
    """Wait for the startup sync to finish."""
    app = pilot.app
    assert isinstance(app, PleioApp)

    def filled() -> bool:
        groups = app.main.groups  # made at start only in the wide layout
        lists = [app.main.feed] + ([groups.row_list] if groups is not None else [])
        return not app.is_syncing and all(rows.row_count > 1 for rows in lists)

    await wait_for(pilot, filled)


def widget_text(widget: Widget) -> str:
    """The lines a Line-API widget shows now."""
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def notices(pilot: Pilot[Any]) -> list[str]:
    """The notifications shown now (toasts wrap, so they are not read off the screen)."""
    return [notice.message for notice in pilot.app._notifications]


def screen_text(pilot: Pilot[Any]) -> str:
    """Everything on the terminal now, modal screens included."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def graphql(site_url: str, session: str | None, query: str, **variables: Any) -> dict[str, Any]:
    cookies = {"sessionid": session} if session else {}
    response = httpx.post(
        f"{site_url}/graphql",
        json={"query": query, "variables": variables},
        cookies=cookies,
        timeout=10,
    )
    response.raise_for_status()
    body = response.json()
    assert not body.get("errors"), body
    return body["data"]


BLOG_THREAD = """
query Thread($guid: String!) {
  entity(guid: $guid) {
    ... on Blog {
      guid title votes hasVoted isBookmarked
      comments { guid description owner { name } comments { guid description } }
    }
  }
}
"""


async def choose_group(pilot: Pilot[Any], name_start: str) -> None:
    """Go to the group list and move down to the group whose name starts so."""
    app = pilot.app
    assert isinstance(app, PleioApp)
    groups = app.main.groups.row_list
    app.main.activate(app.main.groups)
    await pilot.press("g")
    for _ in range(groups.row_count):
        row = groups.highlighted_row
        if row is not None and row.name.startswith(name_start):
            return
        await pilot.press("j")
    raise AssertionError(f"no group {name_start!r}")


async def open_blog(pilot: Pilot[Any], title_start: str) -> None:
    """In the feed, move to the blog whose title starts so and open it with enter."""
    app = pilot.app
    assert isinstance(app, PleioApp)
    feed = app.main.feed.row_list
    app.main.activate(app.main.feed)
    await pilot.press("g")
    for _ in range(feed.row_count):
        row = feed.highlighted_row
        if row is not None and row.title.startswith(title_start):
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.open_blog is not None)
            return
        await pilot.press("j")
    raise AssertionError(f"no blog {title_start!r} in the feed")
