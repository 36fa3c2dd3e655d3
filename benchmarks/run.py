"""The performance targets of pleio-tui, measured in one run on this machine.

    python benchmarks/run.py [--quick] [--fresh]

Seeds what it needs (a local site with 10,000 generated items of every kind,
served from its own process; synthetic caches of 1,000 and 100,000 items of every
kind with comments, kept in the temp directory between runs), measures each
target and its floor in the same run, prints one table and writes it as Markdown
to benchmarks/results.md.
Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench_app
import bench_memory
import bench_scale
import bench_search
import bench_startup
import bench_sync
import bench_views
import posts
import synthetic
from table import Result, Unit, markdown, text_table

from pleio_tui.server.demo_generated_kinds import MIX_TEXT
from pleio_tui.store import Store

SITE_ITEMS = 10_000
BIG_CACHE_ITEMS = 100_000
SMALL_CACHE_ITEMS = 1_000
RESULTS_FILE = Path(__file__).parent / "results.md"
KEPT_CACHES = Path(tempfile.gettempdir()) / "pleio-tui-bench"
HANDFUL_OF_REQUESTS = 10


@dataclass(frozen=True, slots=True)
class Plan:
    repeats: int
    sync_repeats: int
    startup_repeats: int
    key_presses: int


FULL = Plan(repeats=9, sync_repeats=3, startup_repeats=21, key_presses=40)
QUICK = Plan(repeats=3, sync_repeats=1, startup_repeats=3, key_presses=12)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 2 minutes)")
    parser.add_argument(
        "--fresh", action="store_true", help="rebuild the kept synthetic caches first"
    )
    parser.add_argument("--output", type=Path, default=RESULTS_FILE, help="the Markdown table")
    parser.add_argument(
        "--scale-blogs",
        type=int,
        default=bench_scale.SCALE_BLOGS,
        metavar="N",
        help=f"blogs of the scale rows' local site (default {bench_scale.SCALE_BLOGS:,})",
    )
    return parser.parse_args(argv)


def say(message: str) -> None:
    print(f"… {message}", file=sys.stderr, flush=True)


def measure_sync(site: bench_sync.RunningSite, work: Path, plan: Plan) -> tuple[list[Result], Path]:
    cache = work / "synced.sqlite3"
    floors, syncs = [], []
    for _ in range(plan.sync_repeats):  # interleaved, so drift touches both alike
        floors.append(bench_sync.floor_seconds(site))
        syncs.append(bench_sync.fresh_sync_seconds(site, cache))
    reports = [bench_sync.sync_once(site, cache) for _ in range(plan.repeats)]
    durations = sorted(report.duration for report in reports)
    results = [
        Result(
            f"first sync, {SITE_ITEMS:,} items with comments",
            sorted(syncs)[len(syncs) // 2],
            1.5,
            floor=sorted(floors)[len(floors) // 2],
            note="floor: the same pages fetched and parsed, nothing kept",
        ),
        Result("sync of an unchanged site", durations[len(durations) // 2], 1.0),
        Result(
            "sync of an unchanged site: requests",
            max(report.requests for report in reports),
            HANDFUL_OF_REQUESTS,
            unit=Unit.COUNT,
        ),
    ]
    return results, cache


def measure_startup(site_url: str, cache: Path, work: Path, plan: Plan) -> list[Result]:
    home = work / "home"
    bench_startup.install_cache(home, site_url, cache)
    title = bench_startup.first_feed_title(cache)
    bare, app = bench_startup.first_screen_seconds(home, "benchmark", title, plan.startup_repeats)
    return [
        Result(
            f"first screen, `pleio-tui --offline`, {SITE_ITEMS:,} cached items",
            app,
            1.2,
            floor=bare,
            note="floor: a bare Textual app showing one line",
        )
    ]


def measure_app(cache: Path, work: Path, plan: Plan) -> list[Result]:
    with Store.open(cache) as store:
        group_guid = store.feed(None).window(0, 1)[0].group_guid
        guids = posts.add_big_posts(store, group_guid)
    times = bench_app.app_times(cache, work / "app-home", guids, plan.repeats, plan.key_presses)
    results = [Result(f"open a group of {times.group_blogs:,} items", times.open_group, 0.100)]
    results += [
        Result(f"feed of {times.group_blogs:,}: {name}", times.keys[key], 0.016)
        for key, name in bench_app.KEYS.items()
    ]
    results += [
        Result("open a 50 KiB post with 100 comments", times.open_post[50], 0.100),
        Result("open a 250 KiB post with 100 comments", times.open_post[250], 0.300),
    ]
    return results


def measure_deep_feed(big: Path, work: Path, plan: Plan) -> list[Result]:
    """Positions deep in the feed of all groups of the big cache, each run in an
    app started afresh: the store finds windows by key, not by OFFSET."""
    times = bench_views.deep_feed_times(big, work / "deep-feed", plan.repeats)
    size = f"{times.rows:,}"
    return [
        Result(f"feed of {size}: to the last item (end), fresh app", times.end_fresh, 0.016),
        Result(f"feed of {size}: page up from the end", times.page_up, 0.016),
        Result(f"feed of {size}: to the middle row, fresh app", times.middle_fresh, 0.016),
    ]


def measure_post_rendering(plan: Plan) -> list[Result]:
    """The post renderer alone (`bench_views`), without the store and the app."""
    return [
        Result(
            f"render first screen of a {kib} KiB post (renderer alone)",
            bench_views.post_first_screen_seconds(bench_views.generated_blog(kib), plan.repeats),
            target,
        )
        for kib, target in ((50, 0.100), (250, 0.300))
    ]


def measure_search(cache: Path, plan: Plan) -> list[Result]:
    times = bench_search.search_times(cache, plan.repeats)
    slowest_query, slowest = times.slowest
    size = f"{BIG_CACHE_ITEMS:,} items + comments"
    return [
        Result(f"search {size}: median query (typed letter by letter)", times.typical, 0.020),
        Result(f"search {size}: slowest query ({slowest_query!r})", slowest, 0.020),
        Result(f"search {size}: a word in nearly every document", times.stopword, 0.020),
    ]


def measure_memory(small: Path, big: Path) -> list[Result]:
    peak_small = bench_memory.peak_megabytes(small)
    peak_big = bench_memory.peak_megabytes(big)
    return [
        Result(
            f"peak memory, app over {BIG_CACHE_ITEMS:,} cached items",
            peak_big,
            150,
            unit=Unit.MEGABYTES,
        ),
        Result(
            f"memory growth, {SMALL_CACHE_ITEMS:,} → {BIG_CACHE_ITEMS:,} cached items",
            peak_big,
            1.1,
            unit=Unit.MEGABYTES,
            floor=peak_small,
            note=f"floor: the same run over {SMALL_CACHE_ITEMS:,} items",
        ),
    ]


def measure_scale(work: Path, plan: Plan, blogs: int) -> list[Result]:
    """The rows of bench_scale.py: a first sync's memory and CPU, the cache's size,
    any feed position, and later syncs, at `blogs` blogs (100,000 by default)."""
    rows = bench_scale.scale_results(work, blogs, plan.sync_repeats)
    return [row for row in rows if isinstance(row, Result)]


def run(plan: Plan, fresh: bool, scale_blogs: int = bench_scale.SCALE_BLOGS) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="pleio-bench-") as temporary:
        work = Path(temporary)
        say(f"synthetic caches of {SMALL_CACHE_ITEMS:,} and {BIG_CACHE_ITEMS:,} items")
        small = synthetic.kept_cache(KEPT_CACHES, SMALL_CACHE_ITEMS, fresh=fresh)
        big = synthetic.kept_cache(KEPT_CACHES, BIG_CACHE_ITEMS, fresh=fresh)
        for cache in (small, big):
            Store.open(cache).close()  # a cache kept from an older schema migrates now
        say(f"local site with {SITE_ITEMS:,} items: first syncs and their floor")
        with bench_sync.served_site(work / "site", SITE_ITEMS, mixed=True) as site:
            sync_results, synced = measure_sync(site, work, plan)
            site_url = site.url
        results += sync_results
        say("start-up in a terminal")
        results += measure_startup(site_url, synced, work, plan)
        say("the app over the synced cache")
        results += measure_app(synced, work, plan)
        results += measure_post_rendering(plan)
        say("search")
        results += measure_search(big, plan)
        say(f"a feed of {BIG_CACHE_ITEMS:,} items, deep positions")
        results += measure_deep_feed(big, work, plan)
        say("memory")
        results += measure_memory(small, big)
        say(f"a local site of {scale_blogs:,} blogs: sync, cache and feed")
        results += measure_scale(work, plan, scale_blogs)
    return results


def notes() -> list[str]:
    return [
        "Medians of repeated runs. Ratios compare with a floor measured in the same run.",
        "Start-up: a fresh process on a 120x40 pseudo-terminal, timed until the expected "
        "text (the newest cached title; the bare app's one line) is written to it. "
        "Runs of the app and of the bare app take turns.",
        "App timings: the key or selection handled by the app headless, plus painting "
        "every strip of the screen.",
        "Deep feed positions: each run starts a fresh app over the synthetic cache "
        "(no window or checkpoint read yet) and shows the feed of all groups.",
        f"Items: every kind of content in the mix of a busy group ({MIX_TEXT}); news "
        "belongs to the site, not to a group. The local site's items come from "
        "`pleio-tui serve --demo-items N`, the synthetic caches' from synthetic.py.",
        "Sync floor: the same pages of blogs and of the other kinds with threads, fetched "
        "and parsed as many at a time as the sync asks, nothing kept. The site runs in a "
        "process of its own.",
        "Memory: peak resident size (`os.wait4` rusage) of a child process that opens the "
        "app, pages through the feed to its end, opens a post and searches.",
        "At 100,000 blogs (bench_scale.py): the first sync and its floor (the same pages "
        "fetched and parsed, nothing kept) each run in a process of their own, measured by "
        "its rusage; the cache's size is compared with the bytes of JSON the site sent. "
        "A `viewer` round trip and a sync of the unchanged site take turns, 10 pairs per "
        "repeat; the sync after a new comment is the median of one per repeat.",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    plan = QUICK if args.quick else FULL
    results = run(plan, args.fresh, args.scale_blogs)
    print(text_table(results))
    args.output.write_text(markdown(results, quick=args.quick, notes=notes()))
    print(f"\nwritten to {args.output}")
    return 0 if all(result.passed for result in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
