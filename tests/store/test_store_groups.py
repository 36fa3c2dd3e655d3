"""The group list: mine first, then by name, filtered, with counters kept current."""

from __future__ import annotations

from store_factories import make_blog, make_group

from pleio_tui.models import GroupRow, Membership
from pleio_tui.store import Store


def _names(rows: list[GroupRow]) -> list[str]:
    return [row.name for row in rows]


def _seed(store: Store) -> None:
    store.upsert_groups(
        [
            make_group("g-z", "Zorg en welzijn", Membership.JOINED),
            make_group("g-b", "beleid", Membership.NOT_JOINED),
            make_group("g-c", "Coördinatie Noord", Membership.REQUESTED, is_closed=True),
            make_group("g-a", "Archief", Membership.JOINED),
            make_group("g-e", "Édition française", Membership.INVITED),
        ]
    )


def test_mine_first_then_by_name_ignoring_case_and_accents(store: Store) -> None:
    _seed(store)
    rows = store.groups().window(0, 10)
    assert _names(rows) == [
        "Archief",
        "Zorg en welzijn",
        "beleid",
        "Coördinatie Noord",
        "Édition française",
    ]
    assert store.groups().count() == 5
    assert _names(store.groups().window(1, 2)) == ["Zorg en welzijn", "beleid"]


def test_filter_is_a_substring_without_case_or_diacritics(store: Store) -> None:
    _seed(store)
    assert _names(store.groups("coordinatie").window(0, 10)) == ["Coördinatie Noord"]
    assert _names(store.groups("NOORD").window(0, 10)) == ["Coördinatie Noord"]
    assert _names(store.groups("edition").window(0, 10)) == ["Édition française"]
    assert _names(store.groups("e").window(0, 10)) == [
        "Archief",
        "Zorg en welzijn",
        "beleid",
        "Coördinatie Noord",
        "Édition française",
    ]
    assert store.groups("%").count() == 0
    assert store.groups("_").window(0, 10) == []
    assert store.groups("  welzijn ").count() == 1


def test_group_rows_count_blogs_and_unread(store: Store) -> None:
    _seed(store)
    store.upsert_blogs([make_blog(f"z{i}", "g-z", minutes=i) for i in range(5)])
    store.upsert_blogs([make_blog("a1", "g-a")])
    store.mark_read("z0")
    store.mark_read("z1")
    store.mark_read("z1")

    rows = {row.guid: row for row in store.groups().window(0, 10)}
    assert (rows["g-z"].blog_count, rows["g-z"].unread_count) == (5, 3)
    assert (rows["g-a"].blog_count, rows["g-a"].unread_count) == (1, 1)
    assert (rows["g-b"].blog_count, rows["g-b"].unread_count) == (0, 0)
    assert rows["g-c"].is_closed and rows["g-c"].membership == Membership.REQUESTED
    assert store.unread_total() == 4


def test_counters_follow_moves_rereads_and_deletes(store: Store) -> None:
    _seed(store)
    store.upsert_blogs([make_blog(f"z{i}", "g-z") for i in range(3)])
    store.mark_read("z0")
    # Re-upserting keeps the read mark; moving a blog moves its counts.
    store.upsert_blogs([make_blog("z0", "g-a"), make_blog("z1", "g-z")])
    store.mark_unread("z2")
    store.mark_read("z2")
    store.mark_unread("z2")
    store.delete_blogs(["z1"])

    rows = {row.guid: row for row in store.groups().window(0, 10)}
    assert (rows["g-z"].blog_count, rows["g-z"].unread_count) == (1, 1)
    assert (rows["g-a"].blog_count, rows["g-a"].unread_count) == (1, 0)
    assert store.is_read("z0") and not store.is_read("z2") and not store.is_read("z1")
    assert store.unread_total() == 1


def test_blogs_cached_before_their_group_are_counted(store: Store) -> None:
    store.upsert_blogs([make_blog("x1", "g-late"), make_blog("x2", "g-late")])
    store.upsert_groups([make_group("g-late", "Laat")])
    (row,) = store.groups("laat").window(0, 1)
    assert (row.blog_count, row.unread_count) == (2, 2)


def test_group_list_reads_along_its_index(store: Store) -> None:
    _seed(store)
    source = store.groups("o")
    params = {**source.params, "offset": 0, "limit": 20}
    plan = [
        row[3] for row in store._conn.execute(f"EXPLAIN QUERY PLAN {source.window_sql}", params)
    ]
    assert any("INDEX groups_listing" in step for step in plan), plan
    assert not any("TEMP B-TREE" in step for step in plan), plan
