"""A blog saved again with its thread writes only what differs from the cache.

A sync saves a blog with its whole thread when one comment is added: the comments
the cache already holds as they are keep their rows and their full-text documents
(the ids in `search_docs` stay), while new, edited and vanished comments are
written, indexed and unindexed, and search finds what the thread now says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from store_factories import HADEWYCH, JAN, make_blog, make_comment

from pleio_tui.models import Blog, Comment, Viewer
from pleio_tui.store import Store

PIET = HADEWYCH._replace(guid="user-7", name="Piet", username="piet")


def _thread() -> tuple[Comment, ...]:
    """Newest first, as Pleio sends a thread; one comment with replies."""
    return (
        make_comment("c3", "b1", 30, "Derde reactie over kademuren"),
        make_comment(
            "c2",
            "b1",
            20,
            "Tweede reactie over gemalen",
            replies=(
                make_comment("r2", "b1", 25, "Later antwoord over stuwen", "c2"),
                make_comment("r1", "b1", 22, "Eerste antwoord over sluizen", "c2"),
            ),
        ),
        make_comment("c1", "b1", 10, "Eerste reactie over dijken", owner=HADEWYCH),
    )


def _blog(comments: tuple[Comment, ...], **fields: object) -> Blog:
    return make_blog(
        "b1",
        description="Verslag over waterbeheer",
        comments=comments,
        **{"comment_count": len(comments), **fields},
    )


def _document_ids(store: Store) -> dict[str | None, int]:
    """The document id of each of b1's documents, by comment guid (None: the blog)."""
    rows = store._conn.execute(
        "SELECT comment_guid, id FROM search_docs WHERE blog_guid = 'b1'"
    ).fetchall()
    return {row[0]: row[1] for row in rows}


def _found(store: Store, word: str) -> list[tuple[str, bool]]:
    return [(hit.blog_guid, hit.in_comment) for hit in store.search(word)]


def _index_is_sound(store: Store) -> None:
    """FTS5 compares the index with the content view: a document left with words
    the rows no longer hold, or a row never indexed, fails it."""
    store._conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
    )


def _statements(store: Store, blogs: list[Blog]) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    store.upsert_blogs(blogs)
    store._conn.set_trace_callback(None)
    return [" ".join(sql.split()) for sql in seen]


def test_a_new_comment_keeps_the_other_documents_and_adds_one(store: Store) -> None:
    store.upsert_blogs([_blog(_thread())])
    before = _document_ids(store)
    new = make_comment("c4", "b1", 40, "Vierde reactie over polders", owner=PIET)
    store.upsert_blogs([_blog((new, *_thread()))])

    after = _document_ids(store)
    assert set(after) - set(before) == {"c4"}
    assert {guid: after[guid] for guid in before} == before  # the blog's own one too
    assert after["c4"] > max(before.values())
    assert _found(store, "polders") == [("b1", True)]
    assert _found(store, "kademuren") == [("b1", True)]
    _index_is_sound(store)
    blog = store.blog("b1")
    assert blog is not None and blog.comments is not None
    assert [c.guid for c in blog.comments] == ["c4", "c3", "c2", "c1"]
    assert [r.guid for r in blog.comments[2].replies] == ["r1", "r2"]


def test_a_thread_saved_unchanged_writes_no_comment_and_no_document(store: Store) -> None:
    store.upsert_blogs([_blog(_thread())])
    before = _document_ids(store)
    cached = store.blog("b1")
    statements = _statements(store, [_blog(_thread(), views=41)])
    written = [
        sql
        for sql in statements
        if sql.startswith(("INSERT OR REPLACE INTO comments", "UPDATE comments"))
        or sql.startswith(("INSERT INTO search_index", "DELETE FROM comments"))
    ]
    assert written == []
    assert _document_ids(store) == before
    blog = store.blog("b1")
    assert cached is not None and blog == cached._replace(views=41)


def test_an_edited_comment_is_found_by_its_new_words_only(store: Store) -> None:
    store.upsert_blogs([_blog(_thread())])
    before = _document_ids(store)
    edited = make_comment("r1", "b1", 22, "Eerste antwoord over waterschappen", "c2")._replace(
        time_updated=datetime(2024, 3, 2, tzinfo=UTC)
    )
    c2 = _thread()[1]
    thread = (_thread()[0], c2._replace(replies=(c2.replies[0], edited)), _thread()[2])
    store.upsert_blogs([_blog(thread)])

    assert _found(store, "waterschappen") == [("b1", True)]
    assert _found(store, "sluizen") == []
    after = _document_ids(store)
    assert after["r1"] != before["r1"]
    assert {g: i for g, i in after.items() if g != "r1"} == {
        g: i for g, i in before.items() if g != "r1"
    }
    _index_is_sound(store)
    blog = store.blog("b1")
    assert blog is not None and blog.comments is not None
    assert blog.comments[1].replies[0].description == "Eerste antwoord over waterschappen"


def test_a_comment_gone_from_the_site_leaves_the_cache_and_the_index(store: Store) -> None:
    store.upsert_blogs([_blog(_thread())])
    before = _document_ids(store)
    c2 = _thread()[1]
    # r2 deleted on the site, and c3 with it.
    store.upsert_blogs([_blog((c2._replace(replies=c2.replies[1:]), _thread()[2]))])

    assert _found(store, "stuwen") == [] and _found(store, "kademuren") == []
    assert _found(store, "sluizen") == [("b1", True)]
    after = _document_ids(store)
    assert set(after) == set(before) - {"r2", "c3"}
    assert {guid: before[guid] for guid in after} == after
    rows = store._conn.execute("SELECT guid FROM comments ORDER BY guid").fetchall()
    assert [row[0] for row in rows] == ["c1", "c2", "r1"]
    _index_is_sound(store)


def test_a_new_title_reindexes_the_blog_alone(store: Store) -> None:
    store.upsert_blogs([_blog(_thread())])
    before = _document_ids(store)
    store.upsert_blogs([_blog(_thread(), title="Hoogwaterplan")])

    assert _found(store, "hoogwaterplan") == [("b1", False)]
    assert _found(store, "Blog") == []  # the old title "Blog b1"
    after = _document_ids(store)
    assert after[None] != before[None]
    assert {g: i for g, i in after.items() if g} == {g: i for g, i in before.items() if g}
    _index_is_sound(store)


def test_changed_votes_and_places_keep_the_documents(store: Store) -> None:
    """A new comment at the top moves its siblings' places; votes change on the
    site: the rows follow, the documents stay."""
    store.upsert_blogs([_blog(_thread())])
    before = _document_ids(store)
    c3, c2, c1 = _thread()
    thread = (make_comment("c4", "b1", 40, "Nieuw"), c3._replace(votes=9), c2, c1)
    store.upsert_blogs([_blog(thread)])

    after = _document_ids(store)
    assert {guid: after[guid] for guid in before} == before
    blog = store.blog("b1")
    assert blog is not None and blog.comments is not None
    assert [(c.guid, c.votes) for c in blog.comments] == [
        ("c4", 1),
        ("c3", 9),
        ("c2", 1),
        ("c1", 1),
    ]
    positions = store._conn.execute(
        "SELECT guid, position FROM comments WHERE parent_guid = 'b1' ORDER BY position"
    ).fetchall()
    assert [tuple(row) for row in positions] == [("c4", 0), ("c3", 1), ("c2", 2), ("c1", 3)]
    _index_is_sound(store)


def test_a_comment_moved_to_another_blog_is_found_there(store: Store) -> None:
    store.upsert_blogs([_blog(_thread())])
    moved = _thread()[0]._replace(blog_guid="b2", parent_guid="b2")
    store.upsert_blogs([make_blog("b2", comments=(moved,), comment_count=1)])

    assert _found(store, "kademuren") == [("b2", True)]
    first = store.blog("b1")
    assert first is not None and first.comments is not None
    assert [c.guid for c in first.comments] == ["c2", "c1"]
    _index_is_sound(store)


def test_a_resaved_thread_leaves_a_read_blog_read_and_a_new_comment_does_not(
    store: Store,
) -> None:
    store.save_viewer(Viewer(logged_in=True, user=HADEWYCH))
    store.upsert_blogs([_blog(_thread(), owner=JAN)])
    store.mark_read("b1")
    c3, c2, c1 = _thread()
    store.upsert_blogs([_blog((c3._replace(votes=5), c2, c1), owner=JAN)])
    assert store.is_read("b1")

    later = datetime.now(UTC) + timedelta(minutes=1)
    new = make_comment("c4", "b1", 0, "Nieuw", owner=JAN)._replace(time_created=later)
    store.upsert_blogs([_blog((new, c3, c2, c1), owner=JAN)])
    assert not store.is_read("b1")
    assert store.last_action("b1") == later


def _cache_of(store: Store) -> dict[str, object]:
    conn = store._conn

    def table(sql: str) -> list[tuple[object, ...]]:
        return sorted((tuple(row) for row in conn.execute(sql)), key=repr)

    words = ("polders", "kademuren", "gemalen", "stuwen", "sluizen", "dijken", "waterbeheer")
    return {
        "blogs": table("SELECT * FROM blogs"),
        "comments": table("SELECT * FROM comments"),
        "documents": table("SELECT blog_guid, comment_guid FROM search_docs"),
        "hits": {word: _found(store, word) for word in words},
        "thread": store.blog("b1"),
    }


def test_a_thread_saved_over_the_cached_one_leaves_what_saving_it_afresh_does(
    store: Store,
) -> None:
    """New, edited, vanished and moved comments and a reply under another parent at
    once, against the same thread written into an empty cache."""
    _, c2, c1 = _thread()
    r2, r1 = c2.replies
    later = (
        make_comment("c4", "b1", 40, "Vierde reactie over polders", owner=PIET),
        c2._replace(replies=(r1,), comment_count=1),
        c1._replace(
            description="Eerste reactie, bewerkt",
            replies=(r2._replace(parent_guid="c1"),),
            comment_count=1,
        ),
    )
    store.upsert_blogs([_blog(_thread())])
    store.upsert_blogs([_blog(later)])
    _index_is_sound(store)
    with Store.open(store.path.with_name("afresh.sqlite3")) as afresh:
        afresh.upsert_blogs([_blog(later)])
        assert _cache_of(store) == _cache_of(afresh)
