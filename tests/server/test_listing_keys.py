"""The site pages a listing by key: `offset` and `limit` as on Pleio, the same
listing as one long page, and a page deep in the listing costs what the first one
costs, while blogs with equal keys stay unordered."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from pleio_tui.server import LocalSite, blog_listing, db
from pleio_tui.server import repository as repo
from pleio_tui.server.access import readable_blogs_sql
from pleio_tui.server.context import Viewer
from pleio_tui.server.timestamps import now_iso

BLOGS = 3000
PAGE = 50


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("listing-site")
    LocalSite(path, demo=True, demo_blogs=BLOGS).prepare()
    return path


@pytest.fixture
def conn(site_dir: Path) -> Iterator[sqlite3.Connection]:
    opened = db.connect(site_dir)
    yield opened
    opened.close()


def _query(order_by: str, descending: bool = True) -> repo.BlogQuery:
    now = now_iso()
    sql, params = readable_blogs_sql(Viewer(None), now)
    return repo.BlogQuery(sql, params, order_by=order_by, descending=descending, now=now)


def _keys(conn: sqlite3.Connection, query: repo.BlogQuery, records: list[object]) -> list[str]:
    column = blog_listing.ORDER_COLUMNS[query.order_by].removeprefix("b.")
    guids = [record.guid for record in records]  # type: ignore[attr-defined]
    found = dict(conn.execute(f"SELECT id, {column} FROM blogs"))
    return [found[guid] for guid in guids]


@pytest.mark.parametrize(
    ("order_by", "descending"),
    [("timePublished", True), ("timeUpdated", True), ("lastAction", True), ("timeCreated", False)],
)
def test_pages_make_the_same_listing_as_one_long_page(
    conn: sqlite3.Connection, order_by: str, descending: bool
) -> None:
    query = _query(order_by, descending)
    total, whole = repo.list_blogs(conn, query, 0, 10_000)
    paged: list[object] = []
    for offset in range(0, total, PAGE):
        page_total, page = repo.list_blogs(conn, query, offset, PAGE)
        assert page_total == total
        paged.extend(page)
    assert len(paged) == total > BLOGS // 3  # the rest is for members only
    # Keys in the same order; blogs with equal keys may come in any order.
    assert _keys(conn, query, paged) == _keys(conn, query, whole)


def _steps(conn: sqlite3.Connection, call: object) -> int:
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0

    conn.set_progress_handler(count, 100)
    try:
        call()  # type: ignore[operator]
    finally:
        conn.set_progress_handler(None, 0)
    return counted[0]


def test_a_deep_page_costs_what_the_first_one_costs(conn: sqlite3.Connection) -> None:
    query = _query("timePublished")
    total, _ = repo.list_blogs(conn, query, 0, PAGE)
    first = _steps(conn, lambda: repo.list_blogs(conn, query, PAGE, PAGE))
    offset = PAGE
    while offset + PAGE < total - PAGE:
        repo.list_blogs(conn, query, offset, PAGE)
        offset += PAGE
    deep = _steps(conn, lambda: repo.list_blogs(conn, query, offset, PAGE))
    assert deep < 2 * first + 10, (first, deep)
    # Plain OFFSET would read every row before the page.
    plain = _steps(
        conn,
        lambda: conn.execute(
            f"{blog_listing.BLOG_SELECT} WHERE {query.visibility_sql}"
            " ORDER BY b.published_at DESC LIMIT ? OFFSET ?",
            [*query.visibility_params, PAGE, offset],
        ).fetchall(),
    )
    assert deep * 5 < plain, (deep, plain)


@pytest.mark.parametrize("group", [False, True])
@pytest.mark.parametrize("order_by", ["timePublished", "timeUpdated", "lastAction"])
def test_a_page_walks_the_order_s_index_and_sorts_only_its_run_of_ties(
    conn: sqlite3.Connection, order_by: str, group: bool
) -> None:
    plans: list[str] = []
    query = _query(order_by)
    if group:
        (group_id,) = conn.execute("SELECT group_id FROM blogs LIMIT 1 OFFSET 100").fetchone()
        query = repo.BlogQuery(
            query.visibility_sql, query.visibility_params, group_id=group_id,
            order_by=order_by, now=query.now,
        )  # fmt: skip
    original = conn.execute

    def explained(sql: str, params: object = ()) -> object:
        if "listing_key" in sql:
            plans.extend(row[3] for row in original(f"EXPLAIN QUERY PLAN {sql}", params))
        return original(sql, params)

    class Explaining:
        execute = staticmethod(explained)

        def __getattr__(self, name: str) -> object:
            return getattr(conn, name)

    for offset in (0, PAGE, 2 * PAGE):
        repo.list_blogs(Explaining(), query, offset, PAGE)  # type: ignore[arg-type]
    assert plans and not any("FOR ORDER BY" in step for step in plans), plans
    assert any("RIGHT PART OF ORDER BY" in step for step in plans), plans


def test_a_write_starts_the_cursors_afresh(conn: sqlite3.Connection) -> None:
    query = _query("timePublished")
    total, _ = repo.list_blogs(conn, query, 0, PAGE)
    _, second = repo.list_blogs(conn, query, PAGE, PAGE)
    newest = second[0].guid
    conn.execute(
        "UPDATE blogs SET published_at = '2000-01-01T00:00:00+00:00' WHERE id = ?", (newest,)
    )
    conn.commit()
    _, again = repo.list_blogs(conn, query, PAGE, PAGE)
    assert newest not in [record.guid for record in again]
    _, last = repo.list_blogs(conn, query, total - 1, PAGE)
    assert [record.guid for record in last] == [newest]
