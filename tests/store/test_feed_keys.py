"""Feed windows read by key give exactly what a plain ORDER BY would, at any
position, with ties in time and blogs without one; and never skip far along
the index nor join more rows than they return."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_factories import make_blog

from pleio_tui.store import Store, feed_keys
from pleio_tui.store.feed_keys import FEED_ORDER

BLOGS = 3000
GROUPS = (None, "g0", "g1")
HOP = 7
"""A checkpoint every few rows, so that a feed of a few thousand makes hundreds of hops."""


def _blogs() -> Iterator[object]:
    rng = random.Random(20261129)
    for number in range(BLOGS):
        dated = rng.random() > 0.05
        yield make_blog(
            f"blog-{rng.randrange(10**6):06d}-{number}",
            f"g{number % 2}",
            # Few distinct times: many blogs share theirs, as with a batch import.
            minutes=rng.randrange(400),
            **({} if dated else {"time_published": None}),
        )


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("feed") / "cache.sqlite3"
    with Store.open(path) as store:
        store.upsert_blogs(_blogs())  # type: ignore[arg-type]
        yield store


@pytest.fixture
def hops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(feed_keys, "CHECKPOINT_EVERY", HOP)


def plain_order(store: Store, group_guid: str | None) -> list[str]:
    """The feed as one ORDER BY over the whole table reads it."""
    where = "" if group_guid is None else "WHERE b.group_guid = ?"
    params = () if group_guid is None else (group_guid,)
    sql = f"SELECT b.guid FROM blogs AS b {where} ORDER BY {FEED_ORDER}"
    return [row[0] for row in store._conn.execute(sql, params)]


def test_the_cache_has_ties_and_undated_blogs(cache: Store) -> None:
    times = [row[0] for row in cache._conn.execute("SELECT time_published FROM blogs")]
    assert times.count(None) > 50
    assert len(set(times)) < len(times) / 5


position = st.integers(min_value=0, max_value=BLOGS + 20)
length = st.integers(min_value=1, max_value=3 * HOP + 40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    group=st.sampled_from(GROUPS),
    asks=st.lists(st.tuples(position, length), min_size=1, max_size=6),
)
def test_windows_equal_a_plain_order_by(
    cache: Store, hops: None, group: str | None, asks: list[tuple[int, int]]
) -> None:
    expected = plain_order(cache, group)
    feed = cache.feed(group)  # fresh: checkpoints are found as the asks need them
    assert feed.count() == len(expected)
    for offset, limit in asks:
        window = [row.guid for row in feed.window(offset, limit)]
        assert window == expected[offset : offset + limit], (offset, limit)


@pytest.mark.parametrize("group", GROUPS)
def test_windows_meet_exactly_from_start_to_end(
    cache: Store, hops: None, group: str | None
) -> None:
    expected = plain_order(cache, group)
    feed = cache.feed(group)
    backwards = [feed.window(offset, 100) for offset in reversed(range(0, len(expected), 100))]
    assert [row.guid for window in reversed(backwards) for row in window] == expected
    assert feed.window(len(expected), 10) == []
    assert [row.guid for row in feed.window(-3, 2)] == expected[:2]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(group=st.sampled_from(GROUPS), picks=st.lists(st.integers(0, BLOGS - 1), max_size=5))
def test_index_of_finds_a_blog_where_the_order_puts_it(
    cache: Store, hops: None, group: str | None, picks: list[int]
) -> None:
    expected = plain_order(cache, group)
    feed = cache.feed(group)
    for pick in picks:
        index = pick % len(expected)
        assert feed.index_of(expected[index]) == index
    assert feed.index_of("no-such-blog") is None


def test_a_feed_shown_while_the_cache_changes_reads_the_cache_as_it_is(
    cache_path: Path, hops: None
) -> None:
    with Store.open(cache_path) as shown, Store.open(cache_path) as sync:
        sync.upsert_blogs(make_blog(f"old-{n:04}", "g0", minutes=n) for n in range(300))
        feed = shown.feed("g0")
        deep = feed.window(250, 20)  # checkpoints found down to row 250
        assert [row.guid for row in deep] == plain_order(shown, "g0")[250:270]
        # Another process writes newer blogs and deletes one: the same rows move.
        sync.upsert_blogs(make_blog(f"new-{n:04}", "g0", minutes=1000 + n) for n in range(45))
        sync.delete_blogs(["old-0100"])
        expected = plain_order(shown, "g0")
        assert feed.count() == 344
        assert [row.guid for row in feed.window(250, 20)] == expected[250:270]
        assert feed.index_of("old-0010") == expected.index("old-0010")
        # And this connection's own writes are seen as well.
        shown.upsert_blogs([make_blog("newest", "g0", minutes=5000)])
        assert [row.guid for row in feed.window(0, 2)] == ["newest", "new-0044"]


def _offsets(statements: list[str]) -> list[int]:
    return [int(found) for sql in statements for found in re.findall(r"OFFSET (\d+)", sql)]


def test_a_deep_window_hops_along_the_index_and_joins_only_its_rows(
    cache: Store, hops: None
) -> None:
    statements: list[str] = []
    feed = cache.feed(None)
    total = feed.count()
    cache._conn.set_trace_callback(statements.append)
    try:
        rows = feed.window(total // 2, 30)
        rows += feed.window(total - 30, 30)
    finally:
        cache._conn.set_trace_callback(None)
    assert len(rows) == 60
    reads = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    # Skips stay within one checkpoint: never an OFFSET over the rows before a window.
    assert max(_offsets(reads)) < HOP
    joins = [sql for sql in reads if re.search(r"\bJOIN\b", sql)]
    assert len(joins) == 2
    for sql in joins:
        assert "OFFSET" not in sql and "ORDER BY" not in sql
        rowids = json.loads(re.search(r"json_each\('(\[[^']*\])'\)", sql).group(1))  # type: ignore[union-attr]
        assert len(rowids) == 30


def _plan(store: Store, sql: str) -> list[str]:
    return [str(row[3]) for row in store._conn.execute(f"EXPLAIN QUERY PLAN {sql}")]


@pytest.mark.parametrize("group", GROUPS)
def test_every_statement_of_a_feed_walks_an_index(
    cache: Store, hops: None, group: str | None
) -> None:
    statements: list[str] = []
    feed = cache.feed(group)
    cache._conn.set_trace_callback(statements.append)
    try:
        total = feed.count()
        for offset in (0, total // 3, total - 10, total // 2):
            feed.window(offset, 25)
        feed.index_of(plain_order(cache, group)[total // 2])
    finally:
        cache._conn.set_trace_callback(None)
    for sql in statements:
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        plan = _plan(cache, sql)
        assert not [step for step in plan if "TEMP B-TREE" in step], (sql, plan)
        assert not [
            step for step in plan if step.startswith("SCAN b") and "COVERING INDEX" not in step
        ], (sql, plan)


def test_an_empty_feed(store: Store) -> None:
    feed = store.feed(None)
    assert feed.count() == 0
    assert feed.window(0, 10) == []
    assert feed.window(500, 10) == []
    assert feed.index_of("nothing") is None


def test_a_feed_of_undated_blogs_only(store: Store, hops: None) -> None:
    store.upsert_blogs(make_blog(f"u{n:03}", "g1", time_published=None) for n in range(40))
    expected = [f"u{n:03}" for n in reversed(range(40))]
    feed = store.feed("g1")
    assert [row.guid for row in feed.window(33, 10)] == expected[33:]
    assert [row.guid for row in feed.window(8, 9)] == expected[8:17]
    assert feed.index_of("u005") == expected.index("u005")
