"""A cached blog saved again writes its row only as far as it changed.

A new comment changes a blog's comment count alone: its row is updated without
the columns the feeds' indexes and the group counters read, so no index entry is
written again; a blog moved to another group, archived or given another time
still moves in the feeds and the counters. A blog and thread saved unchanged
write nothing of the blog at all."""

from __future__ import annotations

from store_factories import at, make_blog, make_comment, make_group

from pleio_tui.store import Store


def _statements(store: Store, blogs: list[object]) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    store.upsert_blogs(blogs)  # type: ignore[arg-type]
    store._conn.set_trace_callback(None)
    return [" ".join(sql.split()) for sql in seen if not sql.startswith("--")]


def _unread_in(store: Store, group: str) -> int:
    source = store.groups("")
    rows = [row for row in source.window(0, source.count()) if row.guid == group]
    return rows[0].unread_count if rows else 0


def _feed(store: Store, group: str | None) -> list[str]:
    feed = store.feed(group)
    return [row.guid for row in feed.window(0, feed.count())]


def test_a_new_comment_count_updates_the_row_without_its_indexed_columns(store: Store) -> None:
    thread = (make_comment("c1", "b1", 10),)
    store.upsert_blogs([make_blog("b1", comments=thread)])
    new = make_comment("c2", "b1", 20)
    statements = _statements(store, [make_blog("b1", comments=(new, *thread), comment_count=2)])

    writes = [sql for sql in statements if sql.startswith(("INSERT INTO blogs", "UPDATE blogs"))]
    assert len(writes) == 2  # the row, then its last action
    assert writes[0].startswith("UPDATE blogs SET title")
    assert "time_published" not in writes[0] and "group_guid" not in writes[0]
    blog = store.blog("b1")
    assert blog is not None and blog.comment_count == 2
    assert store.last_action("b1") == at(20)


def test_a_blog_and_thread_saved_unchanged_write_no_blog_row(store: Store) -> None:
    blog = make_blog("b1", comments=(make_comment("c1", "b1", 10),))
    store.upsert_blogs([blog])
    statements = _statements(store, [blog])
    assert [sql for sql in statements if sql.startswith(("INSERT INTO", "UPDATE"))] == [
        sql for sql in statements if sql.startswith("INSERT INTO users")
    ]
    assert store.last_action("b1") == at(10)


def test_a_blog_moved_archived_or_redated_moves_in_feeds_and_counters(store: Store) -> None:
    store.upsert_groups([make_group("g1", "Een"), make_group("g2", "Twee")])
    store.upsert_blogs(
        [make_blog("b1", "g1", minutes=1), make_blog("b2", "g1", minutes=2, comments=())]
    )
    assert (_unread_in(store, "g1"), _unread_in(store, "g2")) == (2, 0)

    store.upsert_blogs([make_blog("b1", "g2", minutes=1, comment_count=3)])
    assert (_unread_in(store, "g1"), _unread_in(store, "g2")) == (1, 1)
    assert _feed(store, "g2") == ["b1"]

    store.upsert_blogs([make_blog("b1", "g2", minutes=5)])
    assert _feed(store, None) == ["b1", "b2"]

    store.upsert_blogs([make_blog("b2", "g1", minutes=2, comments=(), status_published="archived")])
    assert store.archived_blog_guids() == {"b2"}


def test_a_gone_newest_comment_takes_the_last_action_back(store: Store) -> None:
    old, newest = make_comment("c1", "b1", 10), make_comment("c2", "b1", 30)
    store.upsert_blogs([make_blog("b1", comments=(newest, old))])
    assert store.last_action("b1") == at(30)
    store.upsert_blogs([make_blog("b1", comments=(old,))])
    assert store.last_action("b1") == at(10)


def test_a_thread_fetched_for_the_first_time_is_marked_fetched(store: Store) -> None:
    store.upsert_blogs([make_blog("b1")])
    blog = store.blog("b1")
    assert blog is not None and blog.comments is None
    store.upsert_blogs([make_blog("b1", comments=())])  # the row itself unchanged
    blog = store.blog("b1")
    assert blog is not None and blog.comments == ()
