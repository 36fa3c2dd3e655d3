"""A body is kept once, packed: the cache reads back exactly the text the site sent,
search finds its words, and a cache whose bodies an older version kept as text
is packed, its word index rebuilt without the prefix index of one letter, when
opened."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest
from store_factories import make_blog, make_comment

from pleio_tui.store import Store, packed_text
from pleio_tui.store.migrations import _SMALLER_CACHE, MIGRATIONS
from pleio_tui.store.packed_text import pack, unpack
from pleio_tui.store.search_index import register_search_functions


def _tiptap(*paragraphs: str) -> str:
    content = [{"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs]
    return json.dumps({"type": "doc", "content": content})


BODY = _tiptap(
    "De gemeente werkt samen met inwoners aan de energietransitie in de wijk.",
    "Wij delen wat werkte, en wat niet: de wijkraad, de huurders en het waterschap.",
    "Lees verder in het verslag van de bijeenkomst over overheidsparticipatie.",
)
PLAIN = "\n\n".join(paragraph["content"][0]["text"] for paragraph in json.loads(BODY)["content"])
REPLY = _tiptap("Dank, dit herken ik van onze eigen organisatie! 👍")


def _index_matches_rows(store: Store) -> None:
    store._conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
    )


def _stored_bodies(store: Store, table: str) -> list[tuple[str, object]]:
    query = f"SELECT typeof(rich_description), rich_description FROM {table}"
    return [tuple(row) for row in store._conn.execute(query)]


def test_a_body_is_stored_packed_once_and_read_back_as_sent(store: Store) -> None:
    reply = make_comment("c1", "b1", 5, PLAIN)._replace(rich_description=REPLY)
    reply = reply._replace(description="Dank, dit herken ik van onze eigen organisatie! 👍")
    store.upsert_blogs(
        [
            make_blog(
                "b1",
                title="Wijkaanpak",
                rich_description=BODY,
                description=PLAIN,
                comments=(reply,),
            )
        ]
    )
    ((kind, packed),) = _stored_bodies(store, "blogs")
    assert kind == "blob" and len(packed) < len(BODY.encode()) / 2
    assert store._conn.execute("SELECT description FROM blogs").fetchone()[0] == ""
    ((comment_kind, _),) = _stored_bodies(store, "comments")
    assert comment_kind == "blob"
    blog = store.blog("b1")
    assert blog is not None
    assert (blog.rich_description, blog.description) == (BODY, PLAIN)
    (comment,) = blog.comments
    assert (comment.rich_description, comment.description) == (REPLY, reply.description)
    assert [hit.blog_guid for hit in store.search("huurders")] == ["b1"]
    assert [hit.blog_guid for hit in store.search("participatie")] == ["b1"]
    assert "energietransitie" in store.search("energietransitie")[0].snippet
    _index_matches_rows(store)


def test_an_edited_comment_is_packed_too(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", comments=(make_comment("c1", "b1", 5, "Eerst"),))])
    edited = make_comment("c1", "b1", 5, PLAIN)._replace(rich_description=BODY)
    store.save_edited_comment(edited)
    ((kind, _),) = _stored_bodies(store, "comments")
    assert kind == "blob"
    blog = store.blog("b1")
    assert blog is not None and blog.comments[0].rich_description == BODY
    assert [hit.blog_guid for hit in store.search("waterschap")] == ["b1"]
    _index_matches_rows(store)


@pytest.mark.parametrize(
    "text",
    ["", "x", "<p>Hoi</p>", BODY, "\0 nul en ☃ sneeuwpop " * 50, "é" * 20_000],
)
def test_what_is_packed_unpacks_to_the_same_text(text: str) -> None:
    stored = pack(text)
    assert unpack(stored) == text
    assert isinstance(stored, str) or len(stored) < len(text.encode())


def _packed_as_before(text: str) -> bytes:
    """A body as the first packer wrote it: a new packer per body, an 8 KiB window."""
    packer = zlib.compressobj(6, zlib.DEFLATED, -13, zdict=packed_text._DICTIONARY_V1)
    return bytes([packed_text._DEFLATE_V1]) + packer.compress(text.encode()) + packer.flush()


def test_each_body_is_packed_alone_whatever_was_packed_before() -> None:
    first = pack(BODY)
    pack("Een ander verhaal over de wijkraad en het waterschap. " * 40)
    assert pack(BODY) == first
    assert pack(REPLY) == pack(REPLY)


def test_a_body_the_earlier_packer_wrote_is_read_and_leaves_the_index(store: Store) -> None:
    # Long enough that a window of 8 KiB finds matches one of 4 KiB does not.
    paragraphs = [f"Verslag {n}: de wijkraad, de huurders en het waterschap." for n in range(60)]
    body = _tiptap(*paragraphs, *paragraphs)
    plain = "\n\n".join(paragraphs + paragraphs)
    store.upsert_blogs([make_blog("b1", rich_description=body, description=plain)])
    older = _packed_as_before(body)
    assert older != pack(body)  # other bytes, one format
    store._conn.execute("UPDATE blogs SET rich_description = ? WHERE guid = 'b1'", (older,))
    blog = store.blog("b1")
    assert blog is not None and (blog.rich_description, blog.description) == (body, plain)
    _index_matches_rows(store)
    store.upsert_blogs([make_blog("b1", title="Anders", description="Niets meer")])
    assert store.search("huurders") == []
    _index_matches_rows(store)


def test_a_body_packing_would_not_shrink_stays_text(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", rich_description="<p>Hoi</p>", description="Hoi")])
    assert list(_stored_bodies(store, "blogs")) == [("text", "<p>Hoi</p>")]
    blog = store.blog("b1")
    assert blog is not None and blog.rich_description == "<p>Hoi</p>"


def test_a_cache_with_bodies_as_text_is_packed_and_compacted(cache_path: Path) -> None:
    before = MIGRATIONS.index(_SMALLER_CACHE)  # the schema before bodies were packed
    cache_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(cache_path, isolation_level=None)
    register_search_functions(conn)
    for statement in (s for step in MIGRATIONS[:before] for s in step):
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {before}")
    conn.execute(
        "INSERT INTO blogs (guid, title, url, rich_description, description, excerpt, tags,"
        " status_published, can_edit, can_comment, can_vote, can_bookmark, votes, has_voted,"
        " is_bookmarked, is_following, views, is_pinned, comment_count, comments_fetched)"
        " VALUES ('b1', 'Wijkaanpak', '/b', ?, '', '', '[\"sturing\"]',"
        " 'published', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1)",
        (BODY,),
    )
    conn.execute(
        "INSERT INTO comments (guid, blog_guid, parent_guid, position, rich_description,"
        " description, time_created, can_edit, can_comment, can_vote, votes, has_voted,"
        " comment_count) VALUES ('c1', 'b1', 'b1', 0, ?, '', 1, 0, 0, 0, 0, 0, 0)",
        (REPLY,),
    )
    conn.execute("INSERT INTO search_docs (blog_guid, comment_guid) VALUES ('b1', NULL)")
    conn.execute("INSERT INTO search_docs (blog_guid, comment_guid) VALUES ('b1', 'c1')")
    conn.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    conn.execute("INSERT INTO search_vocab (term) VALUES ('overheidsparticipatie')")
    conn.execute("INSERT INTO search_vocab_trigram (search_vocab_trigram) VALUES ('rebuild')")
    conn.close()
    with Store.open(cache_path) as store:
        assert [kind for kind, _ in _stored_bodies(store, "blogs")] == ["blob"]
        assert [kind for kind, _ in _stored_bodies(store, "comments")] == ["blob"]
        assert store._conn.execute("PRAGMA freelist_count").fetchone()[0] == 0  # compacted
        (schema,) = store._conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'"
        ).fetchone()
        assert "prefix = '2 3 4 5'" in schema  # the index of one letter is gone
        blog = store.blog("b1")
        assert blog is not None
        assert (blog.rich_description, blog.description) == (BODY, PLAIN)
        assert blog.comments[0].rich_description == REPLY
        _index_matches_rows(store)
        assert [hit.blog_guid for hit in store.search("huurders")] == ["b1"]
        assert [hit.blog_guid for hit in store.search("participatie")] == ["b1"]
        assert [hit.blog_guid for hit in store.search("sturing")] == ["b1"]
        # The old document leaves the index cleanly when the blog changes.
        store.upsert_blogs([make_blog("b1", title="Anders", description="Niets meer")])
        assert store.search("huurders") == []
        _index_matches_rows(store)
