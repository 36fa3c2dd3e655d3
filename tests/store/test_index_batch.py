"""A batch of blogs is indexed at the end of its transaction, in one pass: FTS5
writes what it holds to the file before any other write that may need undoing,
so indexing between the rows' writes made a segment of every document."""

from __future__ import annotations

import sqlite3

import pytest
from store_factories import make_blog, make_comment

from pleio_tui.store import Store


def _integrity(store: Store) -> None:
    store._conn.execute(
        "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
    )


def test_documents_are_indexed_after_every_row_is_written(store: Store) -> None:
    blogs = [
        make_blog(
            f"b{n}",
            minutes=n,
            description=f"Verslag nummer{n}",
            comments=(make_comment(f"c{n}", f"b{n}", n, f"Reactie nummer{n}"),),
        )
        for n in range(5)
    ]
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.upsert_blogs(blogs)
    store._conn.set_trace_callback(None)

    def first(prefix: str) -> int:
        return next(i for i, sql in enumerate(statements) if sql.lstrip().startswith(prefix))

    def last(prefix: str) -> int:
        found = [i for i, sql in enumerate(statements) if sql.lstrip().startswith(prefix)]
        return found[-1]

    assert last("INSERT OR REPLACE INTO comments") < first("INSERT INTO search_index")
    assert last("INSERT INTO blogs") < first("INSERT INTO search_index")
    assert [hit.blog_guid for hit in store.search("nummer3")] == ["b3"]
    _integrity(store)


def test_a_document_replaced_within_one_batch_is_indexed_once(store: Store) -> None:
    """The same blog twice, and a comment moving to another blog, in one batch."""
    store.upsert_blogs(
        [
            make_blog("b1", title="Eerste", comments=(make_comment("c1", "b1", 1, "Dijkgraaf"),)),
            make_blog("b1", title="Tweede", comments=(make_comment("c1", "b1", 1, "Dijkgraaf"),)),
            make_blog("b2", title="Derde", comments=(make_comment("c1", "b2", 2, "Dijkgraaf"),)),
        ]
    )
    assert [hit.blog_guid for hit in store.search("tweede")] == ["b1"]
    assert store.search("eerste") == []
    assert [hit.blog_guid for hit in store.search("dijkgraaf")] == ["b2"]
    _integrity(store)


def test_a_failed_batch_leaves_nothing_half_indexed(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", title="Bestaand")])
    broken = make_blog("b3", title="Kapot")._replace(tags=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        store.upsert_blogs([make_blog("b2", title="Nieuw"), broken])
    assert store.search("nieuw") == []
    assert [hit.blog_guid for hit in store.search("bestaand")] == ["b1"]
    store.upsert_blogs([make_blog("b2", title="Nieuw")])
    assert [hit.blog_guid for hit in store.search("nieuw")] == ["b2"]
    _integrity(store)


def _cache_size(store: Store) -> int:
    return int(store._conn.execute("PRAGMA cache_size").fetchone()[0])


def test_a_batch_writes_with_a_larger_page_cache_and_gives_it_back(store: Store) -> None:
    before = _cache_size(store)
    sizes: list[int] = []
    store._conn.set_trace_callback(
        lambda sql: sizes.append(_cache_size(store)) if "INTO search_index (" in sql else None
    )
    store.upsert_blogs([make_blog("b1", description="Verslag van de wijkraad")])
    store._conn.set_trace_callback(None)
    assert sizes and all(size < before for size in sizes)  # more KiB, given as a negative
    assert _cache_size(store) == before
    assert [hit.blog_guid for hit in store.search("wijkraad")] == ["b1"]


def test_a_failed_batch_gives_the_page_cache_back_too(store: Store) -> None:
    before = _cache_size(store)
    with pytest.raises(sqlite3.ProgrammingError):  # a value SQLite cannot store
        store.upsert_blogs([make_blog("b1")._replace(title=object())])  # type: ignore[arg-type]
    assert _cache_size(store) == before
    store.upsert_blogs([make_blog("b2", description="Daarna gewoon verder")])
    assert [hit.blog_guid for hit in store.search("gewoon")] == ["b2"]
