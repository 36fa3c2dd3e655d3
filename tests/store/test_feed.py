"""Feeds are windows over an index: exact at the edges, never a full load."""

from __future__ import annotations

import pytest
from store_factories import make_blog

from pleio_tui.store import Store


@pytest.fixture
def filled(store: Store) -> Store:
    # 25 blogs in g1 and 10 in g2, interleaved in time; b-g1-24 is the newest of g1.
    blogs = [make_blog(f"b-g1-{i:02}", "g1", minutes=2 * i) for i in range(25)]
    blogs += [make_blog(f"b-g2-{i:02}", "g2", minutes=2 * i + 1) for i in range(10)]
    store.upsert_blogs(blogs)
    return store


def test_group_feed_is_newest_first_and_windows_meet_exactly(filled: Store) -> None:
    feed = filled.feed("g1")
    assert feed.count() == 25
    expected = [f"b-g1-{i:02}" for i in reversed(range(25))]
    pages = [row.guid for offset in range(0, 25, 10) for row in feed.window(offset, 10)]
    assert pages == expected
    assert [row.guid for row in feed.window(24, 10)] == ["b-g1-00"]
    assert feed.window(25, 10) == []
    assert feed.window(0, 0) == []
    assert [row.guid for row in feed.window(-5, 2)] == expected[:2]


def test_all_groups_feed_mixes_groups_by_time(filled: Store) -> None:
    feed = filled.feed(None)
    assert feed.count() == 35
    top = [row.guid for row in feed.window(0, 4)]
    assert top == ["b-g1-24", "b-g1-23", "b-g1-22", "b-g1-21"]
    interleaved = [row.guid for row in feed.window(29, 6)]
    assert interleaved == ["b-g2-02", "b-g1-02", "b-g2-01", "b-g1-01", "b-g2-00", "b-g1-00"]
    assert filled.feed("nobody").count() == 0
    assert filled.feed("nobody").window(0, 10) == []


def test_feed_rows_carry_what_the_list_shows(store: Store) -> None:
    store.upsert_blogs(
        [
            make_blog("b1", "g1", minutes=1, excerpt="", abstract="Samenvatting", votes=7),
            make_blog("b2", "g1", minutes=2, excerpt="Uittreksel", is_bookmarked=True),
        ]
    )
    store.mark_read("b2")
    b2, b1 = store.feed("g1").window(0, 2)
    assert (b1.excerpt, b1.votes, b1.is_read, b1.author_name) == (
        "Samenvatting",
        7,
        False,
        "Hadewych",
    )
    assert (b2.excerpt, b2.is_read, b2.is_bookmarked) == ("Uittreksel", True, True)
    assert b1.group_name == "Group g1"


def test_blogs_without_publication_time_come_last(store: Store) -> None:
    store.upsert_blogs(
        [make_blog("undated", "g1", time_published=None), make_blog("dated", "g1", minutes=-500)]
    )
    assert [row.guid for row in store.feed("g1").window(0, 5)] == ["dated", "undated"]


def test_related_blogs_are_recent_siblings(filled: Store) -> None:
    related = filled.related_blogs("b-g1-24")
    assert [row.guid for row in related] == ["b-g1-23", "b-g1-22", "b-g1-21", "b-g1-20"]
    assert len(filled.related_blogs("b-g2-00", limit=20)) == 9
    filled.upsert_blogs([make_blog("lonely", None)])
    assert filled.related_blogs("lonely") == []
    assert filled.related_blogs("unknown") == []


def test_deleted_blogs_leave_feed_counts_and_search(filled: Store) -> None:
    filled.delete_blogs(["b-g1-24", "b-g1-00", "never-cached"])
    assert filled.feed("g1").count() == 23
    assert filled.blog_guids_in_group("g1") == {f"b-g1-{i:02}" for i in range(1, 24)}
    assert filled.blog("b-g1-24") is None
    assert filled.search("b-g1-24") == []


def _plans(store: Store, statements: list[str]) -> list[str]:
    """EXPLAIN QUERY PLAN details of the statements a feed ran (with their values)."""
    return [
        str(row[3])
        for sql in statements
        if sql.lstrip().upper().startswith("SELECT")
        for row in store._conn.execute(f"EXPLAIN QUERY PLAN {sql}")
    ]


def _full_scans_or_sorts(plan: list[str]) -> list[str]:
    return [
        step
        for step in plan
        if (step.startswith("SCAN") and "INDEX" not in step and "json_each" not in step)
        or "TEMP B-TREE" in step
    ]


def test_ten_thousand_blogs_window_along_an_index(store: Store) -> None:
    store.upsert_blogs(
        make_blog(f"blog-{i:05}", f"g{i % 3}", minutes=i, description="kort") for i in range(10_000)
    )
    for group_guid, total in ((None, 10_000), ("g1", 3_333)):
        feed = store.feed(group_guid)
        statements: list[str] = []
        store._conn.set_trace_callback(statements.append)
        try:
            assert feed.count() == total
            window = feed.window(total // 2, 50)
        finally:
            store._conn.set_trace_callback(None)
        assert len(window) == 50
        plan = _plans(store, statements)
        assert _full_scans_or_sorts(plan) == [], plan
        assert any("INDEX blogs_" in step for step in plan), plan

    middle = store.feed(None).window(5000, 50)
    assert [row.guid for row in middle][:2] == ["blog-04999", "blog-04998"]
