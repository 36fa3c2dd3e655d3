"""The structure that keeps pleio-tui fast at any cache size, checked without timing:
what the UI asks SQLite is bounded by a window or an index, search ranks a bounded
set and makes its snippets in one pass, and the benchmark command is runnable."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import bench_app  # noqa: E402
import bench_scale  # noqa: E402
import bench_sqlite_work  # noqa: E402
import run  # noqa: E402
import synthetic  # noqa: E402
from table import Result, Unit  # noqa: E402

from pleio_tui.server import LocalSite  # noqa: E402
from pleio_tui.store import Store, feed_keys  # noqa: E402
from pleio_tui.store import search as store_search  # noqa: E402
from pleio_tui.store.feed import ALL_FEED, GROUP_FEED  # noqa: E402
from pleio_tui.store.groups import GROUP_WINDOW_SQL  # noqa: E402
from pleio_tui.store.packed_text import unpack  # noqa: E402
from pleio_tui.tui.app import PleioApp  # noqa: E402
from pleio_tui.tui.widgets.row_list import WINDOW_SIZE  # noqa: E402

BLOGS = 300
_READS_BLOG_TABLES = re.compile(r"\b(FROM|JOIN)\s+(blogs|comments)\b", re.IGNORECASE)
# The blog tables under the names the store's queries give them.
_SCAN_OF_BLOG_TABLE = re.compile(r"^SCAN (blogs|comments|b|c)\b")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic.build_cache(tmp_path_factory.mktemp("bench") / "cache.sqlite3", BLOGS)


def query_plan(conn: sqlite3.Connection, sql: str, params: object = ()) -> list[str]:
    return [str(row[3]) for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]


def reads_of_blog_tables(statements: list[str]) -> list[str]:
    return [
        sql
        for sql in statements
        if not sql.startswith("--")  # statements run by triggers
        and sql.lstrip().upper().startswith(("SELECT", "WITH"))
        and _READS_BLOG_TABLES.search(sql)
    ]


def unbounded(conn: sqlite3.Connection, sql: str) -> list[str]:
    """Why `sql` could read a number of rows that grows with the cache."""
    problems = []
    is_count = re.match(r"\s*SELECT count\(\*\) FROM", sql, re.IGNORECASE) is not None
    for step in query_plan(conn, sql):
        if not _SCAN_OF_BLOG_TABLE.match(step):
            continue
        if "USING" not in step:
            problems.append(f"full table scan: {step}")
        elif not is_count and "LIMIT" not in sql.upper():
            problems.append(f"walks a whole index without LIMIT: {step}")
    return problems


def test_what_the_app_asks_the_cache_is_bounded(cache: Path, tmp_path: Path) -> None:
    """Start, open a group, page to the end of the feed, open a post, search: no
    statement reads blogs or comments in proportion to the cache."""
    statements: list[str] = []

    async def use_the_app(app: PleioApp) -> float:
        store = app.store
        assert store is not None
        store._conn.set_trace_callback(statements.append)
        groups = await app.main.make_groups()  # as when the user moves to it
        groups.row_list.cursor_index = 1  # the first group
        app.reading.show_feed()
        feed = app.main.feed.row_list
        app.main.activate(app.main.feed)
        feed.focus()
        for key in ("pagedown", "pagedown", "end", "pageup"):
            await app._check_bindings(key)
            app.screen._compositor.render_strips()
            await asyncio.sleep(0)
        row = feed.highlighted_row
        assert row is not None
        app.open_post(row.guid)
        store.search(synthetic.WORDS[5][:2])
        return 0.0

    bench_app.run_in_app(cache, tmp_path, use_the_app)

    reads = reads_of_blog_tables(statements)
    assert any("LIMIT" in sql for sql in reads), "the feed was never read"
    with sqlite3.connect(cache) as conn:
        problems = {sql: unbounded(conn, sql) for sql in reads}
    assert {sql: why for sql, why in problems.items() if why} == {}


def test_a_jump_deep_into_the_feed_reads_by_key(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The end of the feed of all groups, then pages up: no statement skips more
    keys than lie between two checkpoints, and authors and groups are joined
    for the rows a window shows, never for rows passed over."""
    monkeypatch.setattr(feed_keys, "CHECKPOINT_EVERY", 16)
    statements: list[str] = []

    async def jump(app: PleioApp) -> float:
        store = app.store
        assert store is not None
        store._conn.set_trace_callback(statements.append)
        feed = app.main.feed.row_list
        app.main.activate(app.main.feed)
        feed.focus()
        for key in ("end", "pageup", "pageup", "pageup"):
            await app._check_bindings(key)
            app.screen._compositor.render_strips()
            await asyncio.sleep(0)
        assert feed.row_count == BLOGS
        assert feed.cursor_index < BLOGS - 1
        return 0.0

    bench_app.run_in_app(cache, tmp_path, jump)

    reads = reads_of_blog_tables(statements)
    skips = [int(found) for sql in reads for found in re.findall(r"\bOFFSET (\d+)", sql)]
    assert skips and max(skips) < 16, skips
    joins = [sql for sql in reads if re.search(r"\bJOIN users\b", sql)]
    assert joins, "no window was read"
    for sql in joins:
        if "json_each" not in sql:  # the open post's related blogs, a LIMIT of a few
            continue
        assert "OFFSET" not in sql
        rowids = re.search(r"json_each\('\[([^\]]*)\]'\)", sql)
        assert rowids is not None and len(rowids.group(1).split(",")) <= WINDOW_SIZE


def test_the_deep_feed_rows_run_over_a_synthetic_cache(cache: Path, tmp_path: Path) -> None:
    results = run.measure_deep_feed(cache, tmp_path, run.QUICK)
    assert [result.what for result in results] == [
        f"feed of {BLOGS}: to the last item (end), fresh app",
        f"feed of {BLOGS}: page up from the end",
        f"feed of {BLOGS}: to the middle row, fresh app",
    ]
    assert all(result.target == 0.016 and result.measured > 0 for result in results)


@pytest.mark.parametrize(
    ("sql", "params", "index"),
    [
        (
            ALL_FEED.window_keys(feed_keys.DATED),
            {"tp": 0, "guid": "", "limit": 50},
            "blogs_feed",
        ),
        (
            GROUP_FEED.window_keys(feed_keys.DATED),
            {"group_guid": "group-1", "tp": 0, "guid": "", "limit": 50},
            "blogs_group_feed",
        ),
        (GROUP_WINDOW_SQL, {"needle": "", "limit": 50, "offset": 0}, "groups_listing"),
    ],
)
def test_list_windows_walk_an_index_in_order(
    cache: Path, sql: str, params: dict[str, object], index: str
) -> None:
    with sqlite3.connect(cache) as conn:
        plan = query_plan(conn, sql, params)
    assert any(index in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan


def test_search_has_prefix_indexes_for_short_queries(cache: Path) -> None:
    """The search screen queries at every key: two to five letters must not merge
    the postings of every word that starts with them (one letter is a word)."""
    with sqlite3.connect(cache) as conn:
        (schema,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'"
        ).fetchone()
    assert re.search(r"prefix\s*=\s*'2 3 4 5'", schema), schema
    assert (store_search.SHORTEST_PREFIX, store_search.PREFIX_INDEXED) == (2, 5)


def test_bodies_are_kept_once_and_packed(cache: Path) -> None:
    """A cache no larger than the JSON the site sends: each body is the rich text,
    packed to under half its size; no plain copy beside it, none in the index."""
    with Store.open(cache) as store:
        conn = store._conn
        for table in ("blogs", "comments"):
            kinds = conn.execute(
                f"SELECT typeof(rich_description), count(*) FROM {table} GROUP BY 1"
            ).fetchall()
            # Folders and files have no body at all: null, never text.
            assert "blob" in dict(kinds) and set(dict(kinds)) <= {"blob", "null"}, (table, kinds)
            assert (
                conn.execute(f"SELECT count(*) FROM {table} WHERE description <> ''").fetchone()[0]
                == 0
            )
            bodies = [
                row[0]
                for row in conn.execute(
                    f"SELECT rich_description FROM {table} WHERE rich_description IS NOT NULL"
                )
            ]
            packed = sum(map(len, bodies))
            unpacked = sum(len(str(unpack(body)).encode()) for body in bodies)
            assert packed < unpacked / 2, (table, packed, unpacked)
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        assert "search_index_content" not in tables


def test_substrings_are_looked_up_in_the_vocabulary_alone(cache: Path) -> None:
    """The trigram index covers the distinct indexed words, not the documents, and
    keeps neither a copy of them nor their positions or sizes."""
    with sqlite3.connect(cache) as conn:
        (schema,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_vocab_trigram'"
        ).fetchone()
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "content = 'search_vocab'" in schema
    assert "detail = 'none'" in schema and "columnsize = 0" in schema
    assert not {"search_vocab_trigram_content", "search_vocab_trigram_docsize"} & tables


def test_search_ranks_a_bounded_set(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_search, "CANDIDATES", 5)
    with Store.open(cache) as store:
        hits = store.search(synthetic.STOPWORD, limit=50)
    assert 0 < len(hits) <= 5


def test_search_makes_all_snippets_in_one_pass(cache: Path) -> None:
    statements: list[str] = []
    with Store.open(cache) as store:
        store._conn.set_trace_callback(statements.append)
        hits = store.search(synthetic.STOPWORD, limit=40)
        store._conn.set_trace_callback(None)
        # A folder has no text beside its name: a hit on it shows no snippet.
        items = {hit.blog_guid: store.blog(hit.blog_guid) for hit in hits}
    with_text = [
        hit
        for hit in hits
        if hit.in_comment or ((item := items[hit.blog_guid]) is not None and item.description)
    ]
    assert len(hits) == 40
    assert len(with_text) > 30 and all(hit.snippet for hit in with_text)
    # SQLite reports the statements FTS5 runs inside with a leading "--": only the
    # store's own count (the hits, then every snippet at once).
    own = [sql for sql in statements if not sql.startswith("--")]
    assert sum("MATCH" in sql for sql in own) == 2


def test_the_benchmark_command_has_a_quick_mode() -> None:
    assert run.parse_args(["--quick"]).quick
    assert not run.parse_args([]).quick
    assert run.QUICK.repeats < run.FULL.repeats
    assert run.QUICK.sync_repeats <= run.FULL.sync_repeats


@pytest.mark.parametrize(
    ("result", "passed"),
    [
        (Result("t", 0.09, 0.1), True),
        (Result("t", 0.11, 0.1), False),
        (Result("ratio", 0.5, 1.2, floor=0.4), False),
        (Result("ratio", 0.46, 1.2, floor=0.4), True),
        (Result("memory", 140, 150, unit=Unit.MEGABYTES), True),
    ],
)
def test_a_result_passes_against_its_target_or_its_floor(result: Result, passed: bool) -> None:
    assert result.passed is passed


def test_what_an_incremental_sync_asks_the_cache_is_bounded(cache: Path) -> None:
    """Comparing a listed page with the cache and counting the cached blogs read
    along indexes: an unchanged sync costs the same at any cache size."""
    statements: list[str] = []
    with Store.open(cache) as store:
        guids = [row.guid for row in store.feed(None).window(0, 50)]
        store._conn.set_trace_callback(statements.append)
        assert len(store.blog_freshness(guids)) == len(guids)
        blogs = sum(synthetic.item(number).subtype == "blog" for number in range(BLOGS))
        assert store.listed_blog_count() == blogs - store.archived_blog_count()
        store._conn.set_trace_callback(None)
        reads = reads_of_blog_tables(statements)
        assert len(reads) >= 2
        problems = {sql: unbounded(store._conn, sql) for sql in reads}
    assert not any(problems.values()), problems


def test_the_app_benchmark_runs_against_the_app_as_it_is(cache: Path, tmp_path: Path) -> None:
    """The benchmark drives the app through its own API: a renamed method must
    fail here, not halfway through a ten-minute run."""
    times = bench_app.app_times(cache, tmp_path, {}, repeats=1, presses=1)
    assert times.group_blogs > 0
    assert set(times.keys) == set(bench_app.KEYS)


def test_the_search_index_keeps_no_copy_of_the_text(cache: Path) -> None:
    """The word index and the vocabulary's trigram index read their text from the
    rows (external content): the cache holds each text once."""
    with sqlite3.connect(cache) as conn:
        rows = conn.execute("SELECT name, sql, type FROM sqlite_master").fetchall()
    tables = {name: sql for name, sql, kind in rows if kind == "table"}
    assert not [name for name in tables if name.startswith("search") and "_content" in name]
    assert "content = 'search_content'" in tables["search_index"]
    assert "content = 'search_vocab'" in tables["search_vocab_trigram"]
    # One stored form of a body: the plain description only where the rich text differs.
    with Store.open(cache) as store:
        kept = store._conn.execute("SELECT count(*) FROM blogs WHERE description <> ''")
        assert kept.fetchone()[0] == 0


def test_the_scale_rows_run(
    cache: Path, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """bench_scale's children and measurements work, on a small site and cache."""
    fetched = bench_scale.run_child("fetch", demo_site.url, hadewych)
    synced_cache = tmp_path / "scale.sqlite3"
    synced = bench_scale.run_child("sync", demo_site.url, hadewych, str(synced_cache))
    assert int(fetched.output.split()[-1]) > 10_000  # bytes of JSON
    assert fetched.cpu_seconds > 0 and synced.peak_megabytes > fetched.peak_megabytes / 2
    assert bench_scale.cache_bytes(synced_cache) > 0
    windows = bench_scale.feed_window_seconds(cache, repeats=1)
    assert set(windows) == set(bench_scale.FEED_POSITIONS)
    viewer, unchanged = bench_scale.paired_medians(demo_site.url, hadewych, synced_cache, pairs=1)
    assert viewer > 0 and unchanged > 0
    with Store.open(synced_cache) as store:
        busiest = "SELECT blog_guid, count(*) FROM comments GROUP BY 1 ORDER BY 2 DESC LIMIT 1"
        guid, comments = store._conn.execute(busiest).fetchone()
    assert (
        comments > 1 and bench_scale.blog_round_trip(demo_site.url, hadewych, guid)[1] == comments
    )
    assert bench_scale.sync_seconds(demo_site.url, hadewych, synced_cache, reconcile_now=True) > 0


def test_the_replayed_sqlite_work_is_the_whole_of_a_syncs_writes(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    """bench_sqlite_work replays every statement a first sync sent its cache: the
    replayed cache holds what the synced one does, row for row and word for word."""
    synced, replayed, log = (tmp_path / n for n in ("synced.db", "replayed.db", "log.pickle"))
    bench_sqlite_work._run("record", demo_site.url, hadewych, str(synced), str(log))
    work = json.loads(bench_sqlite_work._run("replay", str(replayed), str(log)))
    assert work["statements"] > 20 and work["cpu"] > 0

    def held(path: Path) -> list[object]:
        with Store.open(path) as store:
            tables = ("blogs", "comments", "users", "groups", "search_docs", "search_vocab")
            rows = [sorted(map(tuple, store._conn.execute(f"SELECT * FROM {t}"))) for t in tables]
            return [*rows, [hit.blog_guid for hit in store.search("Pleio")]]

    synced_rows = held(synced)
    assert synced_rows[0] and synced_rows[-1]  # blogs, and words found in them
    assert held(replayed) == synced_rows
    # Without FTS5, the same statements leave the same rows; search has no index.
    plain = tmp_path / "plain.db"
    assert json.loads(bench_sqlite_work._run("replay", str(plain), str(log), "plain"))["cpu"] > 0
    with Store.open(plain) as store:
        blogs = sorted(map(tuple, store._conn.execute("SELECT * FROM blogs")))
        indexed = store._conn.execute("SELECT count(*) FROM search_index").fetchone()[0]
    assert blogs == synced_rows[0] and indexed == len(synced_rows[4])
