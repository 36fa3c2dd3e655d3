"""A page of blogs is written with a statement per kind of row, and leaves the cache
exactly as writing its blogs one at a time does.

A first sync writes tens of thousands of rows: a statement per row cost more than
the rest of the sync, so the page's rows of each kind go in at once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store_factories import HADEWYCH, JAN, make_blog, make_comment

from pleio_tui.models import Blog, User
from pleio_tui.store import Store
from pleio_tui.store.users import save_users


def _page(size: int) -> list[Blog]:
    return [
        make_blog(
            f"b{n}",
            minutes=n,
            description=f"Verslag over waterbeheer nummer{n}",
            comments=(
                make_comment(f"c{n}a", f"b{n}", n, f"Reactie zuivering{n}", owner=JAN),
                make_comment(
                    f"c{n}b",
                    f"b{n}",
                    n + 1,
                    "Vraag over dijkversterking",
                    owner=HADEWYCH,
                    replies=(make_comment(f"c{n}r", f"b{n}", n + 2, "Antwoord", f"c{n}b"),),
                ),
            ),
        )
        for n in range(size)
    ]


def test_a_page_is_written_with_a_statement_per_kind_of_row(store: Store) -> None:
    """Counted by the statements SQLite starts: `executemany` starts its statement
    once per row, so this counts the queries a page makes of the index, the
    authors written and the transactions, which one row at a time multiplies."""
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.upsert_blogs(_page(20))
    store._conn.set_trace_callback(None)

    def count(prefix: str) -> int:
        return sum(1 for sql in statements if " ".join(sql.split()).startswith(prefix))

    assert count("BEGIN") == 1 and count("COMMIT") == 1
    assert count("SELECT id FROM search_docs") <= 3  # the page's old documents
    assert count("INSERT INTO search_docs") == 1  # every new document's id
    assert count("SELECT guid, blog_guid") == 1  # every cached thread, here none
    assert count("DELETE FROM comments") == 0  # new threads: no comment goes
    assert count("INSERT INTO users") == 2  # each author once, not once per row
    assert count("INSERT INTO search_index") == 60 + 20  # the documents, nothing else
    assert [hit.blog_guid for hit in store.search("nummer7")] == ["b7"]
    assert [hit.blog_guid for hit in store.search("zuivering13")] == ["b13"]


def test_authors_the_cache_holds_as_sent_are_not_written_again(store: Store) -> None:
    """Every page and thread names its authors again: one rewritten unchanged
    would put its page into the transaction for nothing. A changed field, and
    only that, is written; a field the site left out keeps the cached value."""
    store.upsert_blogs(_page(3))
    changes = store._conn.total_changes
    store._conn.execute("BEGIN")
    save_users(store._conn, [JAN, HADEWYCH, User(JAN.guid, JAN.name)])
    assert store._conn.total_changes == changes
    save_users(store._conn, [User(JAN.guid, "Jan Jansen"), HADEWYCH])
    store._conn.execute("COMMIT")
    assert store._conn.total_changes == changes + 1
    rows = store._conn.execute("SELECT guid, name, username FROM users ORDER BY guid")
    assert [tuple(row) for row in rows] == [
        (HADEWYCH.guid, HADEWYCH.name, HADEWYCH.username),
        (JAN.guid, "Jan Jansen", JAN.username),
    ]


def _written(path: Path, pages: list[list[Blog]]) -> dict[str, object]:
    with Store.open(path) as store:
        for page in pages:
            store.upsert_blogs(page)
        store._conn.execute(
            "INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)"
        )
        conn = store._conn
        conn.row_factory = sqlite3.Row

        def table(sql: str) -> list[tuple[object, ...]]:
            return sorted((tuple(row) for row in conn.execute(sql)), key=repr)

        words = ("dijkversterking", "zuivering1", "verhuisd", "waterbeheer", "antwoord")
        return {
            "blogs": table("SELECT * FROM blogs"),
            "comments": table("SELECT * FROM comments"),
            "users": table("SELECT * FROM users"),
            "documents": table("SELECT blog_guid, comment_guid FROM search_docs"),
            "stats": table("SELECT * FROM group_stats"),
            "vocabulary": table("SELECT term FROM search_vocab"),
            "hits": {
                word: [(h.blog_guid, h.in_comment, h.snippet) for h in store.search(word)]
                for word in words
            },
            "threads": {f"b{n}": store.blog(f"b{n}") for n in range(6)},
        }


def test_a_page_leaves_the_cache_as_its_blogs_one_at_a_time_do(tmp_path: Path) -> None:
    """Over a cache that holds the blogs already: a comment moves to another blog
    of the page and one out of a blog not in it, a thread is left alone (None),
    one emptied, a comment is listed twice, and authors' fields change (one new
    to the cache, named with and then without a username)."""
    piet = User("user-7", "Piet P.")
    before = [*_page(5), make_blog("b9", comments=(make_comment("c9", "b9", 9, "Verhuisd"),))]
    moved = make_comment("c9", "b1", 30, "Verhuisd naar b1", owner=User("user-2", "Jan J."))
    twice = make_comment("c0a", "b2", 31, "Tweemaal genoemd", owner=User("user-2", "Jan T."))
    page = [
        make_blog("b0", title="Anders", owner=User("user-7", "Piet", username="piet")),
        make_blog("b1", comments=(moved, make_comment("c1a", "b1", 1, "Zuivering1 opnieuw"))),
        make_blog("b2", comments=(twice, twice)),
        make_blog("b3", comments=None, description="Zonder draad"),
        make_blog("b4", owner=User("user-1", "Hadewych A.", icon="/icon/9"), comments=()),
        make_blog("b5", comments=(make_comment("c3a", "b5", 40, "Naar b5", owner=piet),)),
    ]
    as_a_page = _written(tmp_path / "page.sqlite3", [before, page])
    one_at_a_time = _written(tmp_path / "one.sqlite3", [before, *([blog] for blog in page)])
    # A page naming a blog twice is written a row at a time, as it comes.
    row_by_row = _written(tmp_path / "rows.sqlite3", [before, *([blog, blog] for blog in page)])
    assert as_a_page == one_at_a_time == row_by_row
    assert [hit[:2] for hit in as_a_page["hits"]["verhuisd"]] == [("b1", True)]  # type: ignore[index]
