"""The app itself over a real cache: opening a group, keys in its feed, opening a
big post. Each is timed from the call the UI makes to a repainted screen.

The app runs headless (`App.run_test`). A measurement covers what the key or
selection does synchronously (the store's queries, formatting the rows or the
post, refreshing the panes) and painting every strip of the screen, as
`bench_views` does; the messages it posts are handled after the clock stops.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from pleio_tui.config import Config
from pleio_tui.context import SiteContext
from pleio_tui.models import GroupRow
from pleio_tui.paths import AppDirs
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.render import clear_render_cache
from pleio_tui.tui.widgets.row_list import RowList

SCREEN = (120, 40)
SITE_URL = "http://127.0.0.1:9"


def offline_app(cache: Path, home: Path) -> PleioApp:
    dirs = AppDirs(data=home / "data", config=home / "config", cache=home / "cache")
    context = SiteContext(
        site_url=SITE_URL,
        session="benchmark",
        cache_path=cache,
        config=Config(sync_interval_minutes=0, language="en"),
        offline=True,
    )
    return create_app(context, dirs=dirs)


def run_in_app(cache: Path, home: Path, body: Callable[[PleioApp], Awaitable[float]]) -> float:
    async def main() -> float:
        app = offline_app(cache, home)
        try:
            async with app.run_test(size=SCREEN) as pilot:
                await pilot.pause()
                measured = await body(app)
                await pilot.pause()  # what the measurements posted, handled before leaving
                return measured
        finally:
            if app.store is not None:
                app.store.close()

    return asyncio.run(main())


def _paint(app: PleioApp) -> None:
    app.screen._compositor.render_strips()


async def _group_list(app: PleioApp) -> RowList[GroupRow]:
    """The group list, made as when the user moves to it (below the wide layout it
    is not made at start)."""
    return (await app.main.make_groups()).row_list


def _biggest_group(rows: RowList[GroupRow]) -> tuple[int, GroupRow]:
    found = [
        (index, row)
        for index in range(rows.row_count)
        if isinstance(row := rows.row_at(index), GroupRow)
    ]
    return max(found, key=lambda item: item[1].blog_count)


@dataclass(frozen=True, slots=True)
class AppTimes:
    open_group: float
    group_blogs: int
    keys: dict[str, float]
    open_post: dict[int, float]


def app_times(
    cache: Path, home: Path, post_guids: dict[int, str], repeats: int, presses: int
) -> AppTimes:
    result: dict[str, object] = {}

    async def body(app: PleioApp) -> float:
        groups = await _group_list(app)
        index, group = _biggest_group(groups)
        other = 0 if index != 0 else 1
        opens = []
        for _ in range(repeats):
            groups.cursor_index = other
            app.reading.show_feed()
            await asyncio.sleep(0.02)
            started = time.perf_counter()
            groups.cursor_index = index
            app.reading.show_feed()
            _paint(app)
            opens.append(time.perf_counter() - started)
            await asyncio.sleep(0.02)
        feed = app.main.feed.row_list
        if feed.row_count != group.blog_count:
            raise AssertionError(f"the feed shows {feed.row_count} blogs, not {group.blog_count}")
        result["open_group"] = sorted(opens)[len(opens) // 2]
        result["group_blogs"] = group.blog_count
        app.main.activate(app.main.feed)
        feed.focus()
        await asyncio.sleep(0.02)
        result["keys"] = {key: await _key_seconds(app, key, presses) for key in KEYS}
        result["open_post"] = {
            kib: await _open_post_seconds(app, guid, repeats) for kib, guid in post_guids.items()
        }
        return 0.0

    run_in_app(cache, home, body)
    return AppTimes(
        open_group=float(result["open_group"]),  # type: ignore[arg-type]
        group_blogs=int(result["group_blogs"]),  # type: ignore[call-overload]
        keys=result["keys"],  # type: ignore[arg-type]
        open_post=result["open_post"],  # type: ignore[arg-type]
    )


KEYS = {"j": "cursor down (j)", "pagedown": "page down", "end": "to the last item (end)"}


async def _key_seconds(app: PleioApp, key: str, presses: int) -> float:
    feed = app.main.feed.row_list
    times = []
    for _ in range(presses):
        if key == "end":
            feed.cursor_index = 0
            await asyncio.sleep(0.02)
        started = time.perf_counter()
        # The app's own key path (binding, action, watchers) and a full repaint;
        # Pilot.press would add its idle waits to every key.
        await app._check_bindings(key)
        _paint(app)
        times.append(time.perf_counter() - started)
        await asyncio.sleep(0.005)
    return sorted(times)[len(times) // 2]


async def _open_post_seconds(app: PleioApp, guid: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        app.main.post.view.clear()
        clear_render_cache()  # each open renders the post anew, as the first one does
        await asyncio.sleep(0.02)
        started = time.perf_counter()
        app.open_post(guid)
        _paint(app)
        times.append(time.perf_counter() - started)
        opened = app.open_blog
        if opened is None or opened.guid != guid:
            raise AssertionError(f"{guid} did not open")
        await asyncio.sleep(0.05)
    return sorted(times)[len(times) // 2]
