"""Search finds a word inside Dutch compounds and in tags, from an index that keeps
no copy of the text: what is indexed is derived from the rows, and stays in step
with them through edits, new threads and deletions."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from store_factories import make_blog, make_comment

from pleio_tui.store import Store
from pleio_tui.store.migrations import MIGRATIONS


def _tiptap(*paragraphs: str) -> str:
    content = [{"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs]
    return json.dumps({"type": "doc", "content": content})


SEED_BODY = _tiptap("De overheid leert door te doen.", "Samen met inwoners en bedrijven.")


def _guids(store: Store, query: str) -> list[str]:
    return [hit.blog_guid for hit in store.search(query)]


def _index_matches_rows(store: Store) -> None:
    """FTS5's own check, comparing the index with the content it derives (rank 1)."""
    store._conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
    )


@pytest.fixture
def seeded(store: Store) -> Store:
    store.upsert_blogs(
        [
            make_blog(
                "seed",
                "g1",
                minutes=1,
                title="Leren door doen; overheidsparticipatie in een energieke samenleving",
                rich_description=SEED_BODY,
                description="De overheid leert door te doen.\n\nSamen met inwoners en bedrijven.",
                tags=("participatie", "sturing"),
            ),
            make_blog(
                "other",
                "g1",
                minutes=2,
                title="Wijkbudget",
                description="Over de aansturing van coördinatiestructuren in de wijk.",
                tags=("wijk",),
                comments=(make_comment("c1", "other", 5, "Burgerparticipatie werkt."),),
            ),
        ]
    )
    return store


def test_the_readme_example_finds_the_seed_blog(seeded: Store) -> None:
    assert _guids(seeded, "participatie")[0] == "seed"
    assert set(_guids(seeded, "participatie")) == {"seed", "other"}  # a comment's compound too


def test_a_tag_is_found(seeded: Store) -> None:
    assert _guids(seeded, "sturing")[0] == "seed"  # the tag outranks a word inside a body


def test_a_word_inside_a_compound_is_found_without_diacritics(seeded: Store) -> None:
    assert _guids(seeded, "aansturing") == ["other"]
    assert _guids(seeded, "coordinatie") == ["other"]
    assert _guids(seeded, "structuren wijk") == ["other"]


def test_a_word_no_compound_holds_finds_nothing(seeded: Store) -> None:
    assert _guids(seeded, "ticipatiex") == []


def test_the_index_keeps_no_copy_of_the_text(seeded: Store) -> None:
    tables = {row[0] for row in seeded._conn.execute("SELECT name FROM sqlite_master")}
    assert "search_index_content" not in tables
    (schema,) = seeded._conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'search_index'"
    ).fetchone()
    assert "content = 'search_content'" in schema
    # The description is kept only where the rich text does not give it back.
    stored = dict(seeded._conn.execute("SELECT guid, description FROM blogs"))
    assert stored == {
        "seed": "",
        "other": "Over de aansturing van coördinatiestructuren in de wijk.",
    }
    blog = seeded.blog("seed")
    assert blog is not None
    assert blog.description == "De overheid leert door te doen.\n\nSamen met inwoners en bedrijven."
    _index_matches_rows(seeded)


@pytest.mark.parametrize(
    ("description", "stored"),
    [
        ("Iets anders", "Iets anders"),  # not what the rich text gives: kept whole
        ("", "\0\0"),  # empty, though the rich text is not
        # Pleio ends a description with blank lines: only those are kept.
        ("De overheid leert door te doen.\n\nSamen met inwoners en bedrijven.\n\n", "\0\n\n"),
    ],
)
def test_a_description_is_read_back_as_the_site_sent_it(
    store: Store, description: str, stored: str
) -> None:
    store.upsert_blogs([make_blog("b1", rich_description=SEED_BODY, description=description)])
    blog = store.blog("b1")
    assert blog is not None and blog.description == description
    (kept,) = store._conn.execute("SELECT description FROM blogs").fetchone()
    assert kept == stored


def test_edits_threads_and_deletions_keep_the_index_in_step(seeded: Store) -> None:
    seeded.upsert_blogs(
        [
            make_blog(
                "seed",
                "g1",
                minutes=1,
                title="Leren door doen",
                rich_description=_tiptap("Nu over waterschappen."),
                tags=(),
                comments=(make_comment("c9", "seed", 7, "Dijkbewaking"),),
            )
        ]
    )
    assert _guids(seeded, "sturing") == ["other"]
    assert _guids(seeded, "water") == ["seed"]
    assert _guids(seeded, "bewaking") == ["seed"]
    # The comment moves to the other blog's thread.
    seeded.upsert_blogs(
        [make_blog("other", "g1", minutes=2, comments=(make_comment("c9", "other", 8, "Dijk"),))]
    )
    assert _guids(seeded, "bewaking") == []
    _index_matches_rows(seeded)
    seeded.delete_blogs(["other"])
    assert _guids(seeded, "dijk") == []
    assert _guids(seeded, "leren") == ["seed"]
    _index_matches_rows(seeded)


def test_a_snippet_comes_from_the_derived_text(seeded: Store) -> None:
    (hit,) = seeded.search("inwoners")
    assert "Samen met inwoners" in hit.snippet


def test_a_cache_with_the_copy_is_rebuilt_without_it(cache_path: Path) -> None:
    cache_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(cache_path, isolation_level=None)
    for statement in (s for step in MIGRATIONS[:5] for s in step):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096  # an older file's pages
    plain = "De overheid leert door te doen.\n\nSamen met inwoners en bedrijven."
    conn.execute(
        "INSERT INTO blogs (guid, title, url, rich_description, description, excerpt, tags,"
        " status_published, can_edit, can_comment, can_vote, can_bookmark, votes, has_voted,"
        " is_bookmarked, is_following, views, is_pinned, comment_count)"
        " VALUES ('seed', 'Over overheidsparticipatie', '/b', ?, ?, '', '[\"sturing\"]',"
        " 'published', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)",
        (SEED_BODY, plain),
    )
    conn.execute("INSERT INTO search_docs (id, blog_guid) VALUES (7, 'seed')")
    conn.execute(
        "INSERT INTO search_index (rowid, title, body) VALUES (7, 'Over overheidsparticipatie', ?)",
        (plain,),
    )
    conn.close()
    with Store.open(cache_path) as store:
        # Compacted on 16 KiB pages, back in WAL mode.
        assert store._conn.execute("PRAGMA page_size").fetchone()[0] == 16384
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert _guids(store, "participatie") == ["seed"]
        assert _guids(store, "sturing") == ["seed"]
        assert _guids(store, "inwoners") == ["seed"]
        assert store._conn.execute("SELECT description FROM blogs").fetchone()[0] == ""
        _index_matches_rows(store)
        # A new document gets an id never used before.
        store.upsert_blogs([make_blog("next", title="Volgende")])
        (new_id,) = store._conn.execute(
            "SELECT id FROM search_docs WHERE blog_guid = 'next'"
        ).fetchone()
        assert new_id == 8


def test_a_cache_another_process_holds_open_is_migrated_but_not_compacted(
    cache_path: Path,
) -> None:
    cache_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(cache_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for statement in (s for step in MIGRATIONS[:5] for s in step):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.execute("SELECT count(*) FROM blogs").fetchone()  # holds the file open
    with Store.open(cache_path) as store:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store._conn.execute("PRAGMA page_size").fetchone()[0] == 4096  # left as it was
        store.upsert_blogs([make_blog("b1", title="Overheidsparticipatie")])
        assert _guids(store, "participatie") == ["b1"]
    conn.close()
