"""Read marks in the cache: a thread that arrives after the blog was opened does
not make it unread; a comment written after the read does, unless it is mine;
my own blogs come in read; the group counters follow."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from store_factories import HADEWYCH, JAN, make_blog, make_comment, make_group

from pleio_tui.models import Viewer
from pleio_tui.store import Store


def unread_in_group(store: Store, group: str) -> int:
    source = store.groups("")
    rows = [row for row in source.window(0, source.count()) if row.guid == group]
    return rows[0].unread_count if rows else 0


def test_a_thread_fetched_after_opening_keeps_the_blog_read(store: Store) -> None:
    store.save_viewer(Viewer(logged_in=True, user=HADEWYCH))
    store.upsert_groups([make_group("group-1", "Groep")])
    blog = make_blog("b1", owner=JAN)
    store.upsert_blogs([blog])  # without its thread
    assert not store.is_read("b1")
    store.mark_read("b1")
    old = make_comment("c1", "b1", minutes=5, owner=JAN)
    store.upsert_blogs([blog._replace(comments=(old,), comment_count=1)])
    assert store.is_read("b1")
    store.upsert_blogs([blog._replace(comments=(old,), comment_count=1)])  # fetched again
    assert store.is_read("b1")

    now = datetime.now(UTC)
    mine = make_comment("c2", "b1", minutes=0, owner=HADEWYCH)._replace(
        time_created=now + timedelta(minutes=1)
    )
    store.upsert_blogs([blog._replace(comments=(mine, old), comment_count=2)])
    assert store.is_read("b1")
    theirs = make_comment("c3", "b1", minutes=0, owner=JAN)._replace(
        time_created=now + timedelta(minutes=2)
    )
    store.upsert_blogs([blog._replace(comments=(theirs, mine, old), comment_count=3)])
    assert not store.is_read("b1")
    assert unread_in_group(store, "group-1") == 1


def test_my_own_blogs_come_in_read_and_the_counters_agree(store: Store) -> None:
    store.save_viewer(Viewer(logged_in=True, user=HADEWYCH))
    store.upsert_groups([make_group("group-1", "Groep")])
    store.upsert_blogs(
        [make_blog("mine", owner=HADEWYCH), make_blog("theirs", owner=JAN, minutes=1)]
    )
    assert store.is_read("mine") and not store.is_read("theirs")
    assert unread_in_group(store, "group-1") == 1
    assert store.unread_total() == 1
    store.mark_group_read("group-1")
    assert unread_in_group(store, "group-1") == 0 and store.unread_total() == 0
