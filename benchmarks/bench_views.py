"""How fast the list and post views are, against the targets they were built for.

Run: /work/venv/bin/python benchmarks/bench_views.py

Every measurement is a function returning seconds (the median of repeated runs),
so a bigger benchmark over the real store can import and reuse them.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import bench_app
from textual.app import App
from textual.pilot import Pilot

from pleio_tui.models import Blog, Comment, FeedRow, RowSource, User
from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.render import clear_render_cache, render_post
from pleio_tui.tui.widgets.feed_rows import FEED_ROW_HEIGHT, format_feed_row
from pleio_tui.tui.widgets.row_list import RowList

SCREEN = (120, 40)
POST_WIDTH = 100
NOW = datetime.now(UTC)


class InMemoryFeed:
    """A RowSource over generated feed rows."""

    def __init__(self, count: int) -> None:
        self._rows = [feed_row(number) for number in range(count)]

    def count(self) -> int:
        return len(self._rows)

    def window(self, offset: int, limit: int) -> Sequence[FeedRow]:
        return self._rows[offset : offset + limit]


def feed_row(number: int) -> FeedRow:
    return FeedRow(
        guid=f"blog-{number}",
        title=f"Leren door doen, deel {number}: overheidsparticipatie in een energieke samenleving",
        author_name="Hadewych",
        group_guid="group-1",
        group_name="Van buiten naar binnen in het ministerie van V&J",
        time_published=NOW - timedelta(hours=number),
        comment_count=number % 7,
        votes=number % 4,
        excerpt="",
        is_read=number % 3 == 0,
        is_bookmarked=number % 11 == 0,
    )


_PARAGRAPH = (
    "Het schakelen tussen de logica van de **buitenwereld** en de logica van de eigen "
    "organisatie is niet altijd [gemakkelijk](https://www.pleio.test/blog/view/1/x). "
) * 3
_SECTION = (
    "## Sturen in een energieke samenleving\n\n{paragraph}\n\n"
    "1. Gevestigde belangen\n2. Risico-aversie en afrekencultuur\n   - een *genest* punt\n\n"
    "- Ambitie & visie\n- Systeeminterventies\n\n> {quote}\n"
)


def generated_markdown(kib: int) -> str:
    section = _SECTION.format(paragraph=_PARAGRAPH, quote=_PARAGRAPH[:120])
    return "\n".join([section] * max(1, (kib * 1024) // len(section)))


def generated_blog(kib: int, comments: int = 100) -> Blog:
    def comment(number: int, parent: str) -> Comment:
        return Comment(
            guid=f"comment-{parent}-{number}",
            blog_guid="blog-big",
            parent_guid=parent,
            rich_description=markdown_to_tiptap(f"Reactie {number}: eens, met een **maar**. " * 3),
            description="",
            time_created=NOW - timedelta(minutes=number),
            owner=User(guid="user-jan", name="Jan"),
        )

    thread = tuple(
        comment(n, "blog-big")._replace(replies=(comment(n, f"c{n}"),) if n % 4 == 0 else ())
        for n in range(comments)
    )
    return Blog(
        guid="blog-big",
        title="Leren door doen; overheidsparticipatie in een energieke samenleving",
        rich_description=markdown_to_tiptap(generated_markdown(kib)),
        description="",
        owner=User(guid="user-h", name="Hadewych"),
        group_name="Van buiten naar binnen in het ministerie van V&J",
        time_published=NOW - timedelta(days=3),
        comment_count=len(thread) + sum(len(c.replies) for c in thread),
        comments=thread,
    )


def median_seconds(run: Callable[[], float], repeats: int) -> float:
    return statistics.median(run() for _ in range(repeats))


# --- list ---


class _ListApp(App[None]):
    pass


def _mount_list(source: RowSource[FeedRow]) -> RowList[FeedRow]:
    return RowList(source, format_feed_row, row_height=FEED_ROW_HEIGHT)


async def _first_frame(app: App[None], pilot: Pilot[None], widget: RowList[FeedRow]) -> None:
    await app.screen.mount(widget)
    await pilot.pause()
    app.screen._compositor.render_strips()  # what the first frame costs to paint


def _in_app(body: Callable[[App[None], Pilot[None]], Awaitable[float]]) -> float:
    async def main() -> float:
        app = _ListApp()
        async with app.run_test(size=SCREEN) as pilot:
            return await body(app, pilot)

    return asyncio.run(main())


def list_mount_seconds(rows: int = 10_000, repeats: int = 7) -> float:
    """Mounting a feed list over `rows` rows until its first frame is painted."""
    source = InMemoryFeed(rows)

    async def body(app: App[None], pilot: Pilot[None]) -> float:
        times = []
        for _ in range(repeats):
            widget = _mount_list(source)
            started = time.perf_counter()
            await _first_frame(app, pilot, widget)
            times.append(time.perf_counter() - started)
            await widget.remove()
        return statistics.median(times)

    return _in_app(body)


def list_key_seconds(key: str, rows: int = 10_000, presses: int = 40) -> float:
    """One key press on a mounted feed list, handled and repainted."""
    source = InMemoryFeed(rows)

    async def body(app: App[None], pilot: Pilot[None]) -> float:
        widget = _mount_list(source)
        await _first_frame(app, pilot, widget)
        widget.focus()
        times = []
        for _ in range(presses):
            started = time.perf_counter()
            # The app's own key path (binding, action, watchers) and a full repaint;
            # Pilot.press would add its idle waits (about 20 ms) to every key.
            await app._check_bindings(key)
            app.screen._compositor.render_strips()
            times.append(time.perf_counter() - started)
            await pilot.pause()
        return statistics.median(times)

    return _in_app(body)


# --- a big feed in the app, by key ---


@dataclass(frozen=True, slots=True)
class DeepFeedTimes:
    """Medians over fresh apps over one cache, each showing the feed of all groups."""

    rows: int
    end_fresh: float
    """`end` as the first key in a freshly started app."""
    page_up: float
    """One `pageup` from the end, each a window further up."""
    middle_fresh: float
    """Moving the cursor to the middle row (as a scroll to row N does)."""


def deep_feed_times(cache: Path, home: Path, repeats: int = 5, page_ups: int = 20) -> DeepFeedTimes:
    """The store's windows deep in a big feed, timed from the key to a repainted
    screen, each run in an app started afresh (no window or checkpoint known)."""
    ends: list[float] = []
    ups: list[float] = []
    middles: list[float] = []
    counted: list[int] = []

    async def body(app: PleioApp) -> float:
        feed = app.main.feed.row_list
        app.main.activate(app.main.feed)
        feed.focus()
        await asyncio.sleep(0.02)
        counted.append(feed.row_count)
        ends.append(await _timed(app, lambda: app._check_bindings("end")))
        for _ in range(page_ups):
            ups.append(await _timed(app, lambda: app._check_bindings("pageup")))
        middle = feed.row_count // 2

        async def to_middle() -> None:
            feed.cursor_index = middle

        middles.append(await _timed(app, to_middle))
        if feed.highlighted_row is None:
            raise AssertionError(f"no row at {middle}")
        return 0.0

    for run in range(repeats):
        bench_app.run_in_app(cache, home / f"run-{run}", body)
    return DeepFeedTimes(
        rows=counted[0],
        end_fresh=statistics.median(ends),
        page_up=statistics.median(ups),
        middle_fresh=statistics.median(middles),
    )


async def _timed(app: PleioApp, action: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await action()
    app.screen._compositor.render_strips()
    elapsed = time.perf_counter() - started
    await asyncio.sleep(0.005)
    return elapsed


# --- post ---


def post_first_screen_seconds(blog: Blog, repeats: int = 5) -> float:
    def run() -> float:
        clear_render_cache()
        started = time.perf_counter()
        render_post(blog, POST_WIDTH)
        return time.perf_counter() - started

    return median_seconds(run, repeats)


def post_full_seconds(blog: Blog, repeats: int = 3) -> float:
    def run() -> float:
        clear_render_cache()
        started = time.perf_counter()
        render_post(blog, POST_WIDTH).finish()
        return time.perf_counter() - started

    return median_seconds(run, repeats)


@dataclass(frozen=True, slots=True)
class Measurement:
    name: str
    seconds: float
    target: float | None


def measure_all() -> list[Measurement]:
    post_50 = generated_blog(50)
    post_250 = generated_blog(250)
    return [
        Measurement("mount feed list, 10,000 rows", list_mount_seconds(), 0.100),
        Measurement("cursor down (j)", list_key_seconds("j"), 0.016),
        Measurement("page down", list_key_seconds("pagedown"), 0.016),
        Measurement(
            "50 KiB post + 100 comments, first screen", post_first_screen_seconds(post_50), 0.100
        ),
        Measurement("50 KiB post + 100 comments, whole", post_full_seconds(post_50), None),
        Measurement("250 KiB post, first screen", post_first_screen_seconds(post_250), 0.300),
        Measurement("250 KiB post, whole (finished while idle)", post_full_seconds(post_250), None),
    ]


def report(measurements: list[Measurement]) -> str:
    rows = [f"{'measure':<46} {'ms':>8} {'target':>8} {'ratio':>6}"]
    for item in measurements:
        target = f"{item.target * 1000:8.0f}" if item.target else f"{'-':>8}"
        ratio = f"{item.seconds / item.target:6.2f}" if item.target else f"{'-':>6}"
        rows.append(f"{item.name:<46} {item.seconds * 1000:8.1f} {target} {ratio}")
    return "\n".join(rows)


if __name__ == "__main__":
    print(report(measure_all()))
