"""Listing blogs as `entities` does: visibility, filters, one order key, and
pages found by key (listing_keys.py) so that any depth costs the same."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pleio_tui.server.listing_keys import ListingPages, cursor_after
from pleio_tui.server.records import BlogRecord

BLOG_SELECT = (
    "SELECT b.*, g.name AS group_name FROM blogs b LEFT JOIN groups g ON g.id = b.group_id"
)
ORDER_COLUMNS = {
    "timeCreated": "b.created_at",
    "timeUpdated": "b.updated_at",
    "timePublished": "b.published_at",
    "lastAction": "b.last_action",
    "title": "b.title COLLATE NOCASE",
    "startDate": "json_extract(b.extra, '$.start_date')",
}


@dataclass(frozen=True, slots=True)
class BlogQuery:
    """A listing of blogs: visibility as a WHERE fragment from access.py, then filters."""

    visibility_sql: str
    visibility_params: Sequence[object]
    group_id: str | None = None
    outside_groups: bool = False
    owner_id: str | None = None
    tags: Sequence[str] = ()
    order_by: str = "timePublished"
    descending: bool = True
    pinned_first: bool = False
    now: str | None = None
    """The moment the visibility compares publication times with, if any."""
    subtypes: Sequence[str] = ("blog",)


_PAGES = ListingPages()
# The index each order walks, site-wide and within a group. Named, because the
# planner would rather take the publication time's range from the visibility
# and sort the whole listing.
_KEY_INDEXES = {
    "timeCreated": ("blogs_by_created", None),
    "timeUpdated": ("blogs_by_updated", "blogs_by_group_updated"),
    "timePublished": ("blogs_by_published", "blogs_by_group"),
    "lastAction": ("blogs_by_last_action", "blogs_by_group_last_action"),
}
_PAGED_BY_KEY = frozenset({"timeCreated", "timeUpdated", "timePublished", "lastAction"})
"""Orders whose key compares in SQL as in Python (title sorts without case)."""


def list_blogs(
    conn: sqlite3.Connection, query: BlogQuery, offset: int, limit: int
) -> tuple[int, list[BlogRecord]]:
    total, records = list_blogs_lazily(conn, query, offset, limit)
    return total(), records


def list_blogs_lazily(
    conn: sqlite3.Connection, query: BlogQuery, offset: int, limit: int
) -> tuple[Callable[[], int], list[BlogRecord]]:
    """A page of the listing, and its total as a call: counting reads every
    readable row, so it is done only when the answer asks for `total` (or a
    page past the first needs to know whether every row has a key)."""
    where = [f"({query.visibility_sql})"]
    params: list[object] = list(query.visibility_params)
    where.append(f"b.subtype IN ({', '.join('?' for _ in query.subtypes)})")
    params.extend(query.subtypes)
    if query.outside_groups:
        where.append("b.group_id IS NULL")
    elif query.group_id is not None:
        where.append("b.group_id = ?")
        params.append(query.group_id)
    if query.owner_id is not None:
        where.append("b.owner_id = ?")
        params.append(query.owner_id)
    for tag in query.tags:
        where.append("EXISTS (SELECT 1 FROM json_each(b.tags) WHERE value = ?)")
        params.append(tag)
    condition = " AND ".join(where)
    key = ORDER_COLUMNS[query.order_by]
    direction = "DESC" if query.descending else "ASC"
    # One key and no tie-breaker, as on Pleio: blogs with equal times come in an
    # order that may differ from one request to the next, so this site shuffles them.
    order = [f"{key} {direction}", "random()"]
    if query.pinned_first:
        order.insert(0, "b.is_pinned DESC")
    listing = _PAGES.listing(
        conn,
        _listing_shape(conn, query, condition, params),
        _next_publication(conn, query.now),
        lambda: _count(conn, condition, params, key),
    )
    keyed_order = query.order_by in _PAGED_BY_KEY and not query.pinned_first
    # The first page starts at the top whatever the keys: no count needed to
    # walk the index. A deeper one needs every row to have a key.
    by_key = keyed_order and (offset == 0 or not listing.counted[1])
    start = listing.nearest(offset) if by_key and offset > 0 else None
    select = BLOG_SELECT_KEYED.format(key=key, index=_index_hint(query) if by_key else "")
    if start is None:
        rows = conn.execute(
            f"{select} WHERE {condition} ORDER BY {', '.join(order)} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
    else:
        compare = "<=" if query.descending else ">="
        rows = conn.execute(
            # The cursor's bound first: SQLite seeks with the first of two bounds on
            # the key, and the visibility's own (published before now) reaches back
            # to the newest blog.
            f"{select} WHERE {key} {compare} ? AND {condition}"
            f" ORDER BY {', '.join(order)} LIMIT ? OFFSET ?",
            [start.key, *params, limit, offset - start.before],
        ).fetchall()
    if by_key:
        after = cursor_after(offset, [row["listing_key"] for row in rows], start)
        if after is not None:
            listing.remember(*after)
    return (lambda: listing.counted[0]), [BlogRecord.from_row(row) for row in rows]


BLOG_SELECT_KEYED = (
    "SELECT b.*, g.name AS group_name, {key} AS listing_key"
    " FROM blogs b {index} LEFT JOIN groups g ON g.id = b.group_id"
)


def _index_hint(query: BlogQuery) -> str:
    site_wide, in_group = _KEY_INDEXES[query.order_by]
    index = in_group if query.group_id is not None and not query.outside_groups else site_wide
    return "" if index is None else f"INDEXED BY {index}"


def _listing_shape(
    conn: sqlite3.Connection, query: BlogQuery, condition: str, params: list[object]
) -> tuple[object, ...]:
    """What makes two requests the same listing: the moment of each is left out."""
    (database,) = [row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"]
    fixed = tuple("now" if value == query.now else value for value in params)
    return (id(conn), database, condition, fixed, query.order_by, query.descending)


def _next_publication(conn: sqlite3.Connection, now: str | None) -> str | None:
    """When the next scheduled blog appears, changing the positions in listings."""
    if now is None:
        return None
    row = conn.execute("SELECT min(published_at) FROM blogs WHERE published_at > ?", (now,))
    return row.fetchone()[0]


def _count(
    conn: sqlite3.Connection, condition: str, params: list[object], key: str
) -> tuple[int, bool]:
    row = conn.execute(
        f"SELECT count(*), count(*) - count({key})"
        f" FROM blogs b LEFT JOIN groups g ON g.id = b.group_id WHERE {condition}",
        params,
    ).fetchone()
    return int(row[0]), bool(row[1])
