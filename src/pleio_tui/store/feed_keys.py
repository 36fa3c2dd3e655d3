"""Feed windows found by key, not by offset: a window deep in a feed of 100,000
blogs costs about what the first one does.

A feed runs along its index, newest first (time_published DESC, guid DESC), and
blogs without a publication time come after the others: two stretches, each
walked with one keyset predicate. The key of every CHECKPOINT_EVERY-th row of a
stretch is a checkpoint. Checkpoints are found once per state of the cache, only
where the list has asked, by hops along the index from the nearest one known
(or from either end of the stretch), each hop skipping at most CHECKPOINT_EVERY
keys. A window at row N starts at the checkpoint at or before N, reads rowids
alone along the index, and joins authors and groups for the rows it returns.

The checkpoints are dropped whenever the cache file changed (`PRAGMA
data_version` for other connections, `total_changes` for this one), so a window
always reads the cache as it is, as an OFFSET would.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar

from pleio_tui.store.errors import translated_errors

RowT = TypeVar("RowT")
Key = tuple[Any, str]
"""(time_published, guid) of a row."""

CHECKPOINT_EVERY = 1000
"""Rows between checkpoints: a window reads at most this many rowids before its
first row, and one hop along the index skips at most this many keys."""

FEED_ORDER = "b.time_published DESC, b.guid DESC"
"""Newest first; guid breaks ties so windows never overlap or skip. Blogs without
a publication time sort last (NULL is the smallest value in SQLite)."""
BACKWARD_ORDER = "b.time_published ASC, b.guid ASC"


class Stretch(NamedTuple):
    """Rows of a feed that one keyset predicate walks along the index, in order.

    A hop from a key looks first among rows with the same time (`ties_*`), then
    among the others (`rest_*`): plain column ranges skip keys twice as fast as
    the row-value comparison does.
    """

    name: str
    rows: str
    at_or_after: str
    ties_after: str
    ties_before: str
    rest_after: str | None
    rest_before: str | None


DATED = Stretch(
    "dated",
    rows="b.time_published IS NOT NULL",
    at_or_after="(b.time_published, b.guid) <= (:tp, :guid)",
    ties_after="b.time_published = :tp AND b.guid < :guid",
    ties_before="b.time_published = :tp AND b.guid > :guid",
    rest_after="b.time_published < :tp",
    rest_before="b.time_published > :tp",
)
UNDATED = Stretch(
    "undated",
    rows="b.time_published IS NULL",
    at_or_after="b.guid <= :guid",
    ties_after="b.guid < :guid",
    ties_before="b.guid > :guid",
    rest_after=None,
    rest_before=None,
)
STRETCHES = (DATED, UNDATED)


class FeedQueries(NamedTuple):
    """The statements of one feed (all groups or one group). Every one reads
    along the feed's index; none skips more than CHECKPOINT_EVERY keys."""

    blogs: str = ""
    """Which blogs are in the feed (a condition on `b`), or '' for all."""

    def _where(self, *conditions: str) -> str:
        present = [condition for condition in (self.blogs, *conditions) if condition]
        return f" WHERE {' AND '.join(present)}" if present else ""

    def count(self, *conditions: str) -> str:
        return f"SELECT count(*) FROM blogs AS b{self._where(*conditions)}"

    def end_key(self, stretch: Stretch, *, last: bool) -> str:
        order = BACKWARD_ORDER if last else FEED_ORDER
        return (
            f"SELECT b.time_published, b.guid FROM blogs AS b{self._where(stretch.rows)}"
            f" ORDER BY {order} LIMIT 1"
        )

    def hop(self, condition: str, *, backward: bool) -> str:
        """The key :skip rows past the first row meeting `condition`."""
        order = BACKWARD_ORDER if backward else FEED_ORDER
        return (
            f"SELECT b.time_published, b.guid FROM blogs AS b{self._where(condition)}"
            f" ORDER BY {order} LIMIT 1 OFFSET :skip"
        )

    def window_keys(self, stretch: Stretch) -> str:
        return (
            f"SELECT b.rowid, b.guid FROM blogs AS b"
            f"{self._where(stretch.rows, stretch.at_or_after)}"
            f" ORDER BY {FEED_ORDER} LIMIT :limit"
        )

    def key_of(self) -> str:
        return f"SELECT b.time_published FROM blogs AS b{self._where('b.guid = :guid')}"


class KeysetFeed(Generic[RowT]):
    """A RowSource (and KeyedRowSource) over a feed, read by key.

    `rows_sql` selects the shown columns of the blogs whose rowids are in the
    JSON array :rowids; `make_row` turns one into a row. Use it on the thread
    whose Store made it.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        queries: FeedQueries,
        params: dict[str, Any],
        rows_sql: str,
        make_row: Callable[[sqlite3.Row], RowT],
        key_of_row: Callable[[RowT], str],
    ) -> None:
        self._conn = conn
        self._path = path
        self.queries = queries
        self.params = dict(params)
        self.rows_sql = rows_sql
        self._make_row = make_row
        self._key_of_row = key_of_row
        self._version: tuple[int, int] | None = None
        self._sizes: tuple[int, int] | None = None
        self._known: dict[str, dict[int, Key]] = {}
        """Per stretch: keys at known positions (multiples of CHECKPOINT_EVERY, the ends)."""

    # --- the cache as it is now ---

    def _current(self) -> None:
        """Forget what was learnt about an older state of the cache."""
        data_version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        version = (data_version, self._conn.total_changes)
        if version != self._version:
            self._version = version
            self._known.clear()
            self._sizes = None

    def _stretch_sizes(self) -> tuple[int, int]:
        if self._sizes is None:
            total = self._count(self.queries.count(), self.params)
            undated = self._count(self.queries.count(UNDATED.rows), self.params)
            self._sizes = (total - undated, undated)
        return self._sizes

    def _count(self, sql: str, params: dict[str, Any]) -> int:
        return int(self._conn.execute(sql, params).fetchone()[0])

    # --- RowSource ---

    def count(self) -> int:
        with translated_errors(self._path):
            self._current()
            return sum(self._stretch_sizes())

    def window(self, offset: int, limit: int) -> list[RowT]:
        if limit <= 0:
            return []
        with translated_errors(self._path):
            self._current()
            picked: list[tuple[int, str]] = []
            start = 0
            position = max(offset, 0)
            for stretch, size in zip(STRETCHES, self._stretch_sizes(), strict=True):
                if len(picked) < limit and position < start + size:
                    picked += self._keys(stretch, size, position - start, limit - len(picked))
                    position = start + size
                start += size
            return self._joined(picked)

    def index_of(self, key: str) -> int | None:
        """The row of the blog with guid `key`, or None when the feed lacks it."""
        with translated_errors(self._path):
            self._current()
            found = self._conn.execute(self.queries.key_of(), {**self.params, "guid": key})
            row = found.fetchone()
            if row is None:
                return None
            params = {**self.params, "tp": row[0], "guid": key}
            if row[0] is None:
                dated, _ = self._stretch_sizes()
                return dated + self._count(
                    self.queries.count(UNDATED.rows, UNDATED.ties_before), params
                )
            ties = self._count(self.queries.count(DATED.ties_before), params)
            return ties + self._count(self.queries.count(str(DATED.rest_before)), params)

    # --- reading by key ---

    def _keys(self, stretch: Stretch, size: int, local: int, limit: int) -> list[tuple[int, str]]:
        """(rowid, guid) of up to `limit` rows from row `local` of `stretch`."""
        number, skip = divmod(local, CHECKPOINT_EVERY)
        checkpoint = self._checkpoint(stretch, size, number * CHECKPOINT_EVERY)
        if checkpoint is None:
            return []
        tp, guid = checkpoint
        params = {**self.params, "tp": tp, "guid": guid, "limit": skip + limit}
        rows = self._conn.execute(self.queries.window_keys(stretch), params).fetchall()
        return [(rowid, guid) for rowid, guid in rows[skip:]]

    def _checkpoint(self, stretch: Stretch, size: int, target: int) -> Key | None:
        """The key at row `target` of `stretch`, hopping from the nearest known row."""
        known = self._known.setdefault(stretch.name, {})
        if target in known:
            return known[target]
        ends = {0: False, size - 1: True}  # first and last row, read when nearest
        position = min([*known, *ends], key=lambda place: abs(place - target))
        if position not in known:
            end = self._conn.execute(
                self.queries.end_key(stretch, last=ends[position]), self.params
            )
            row = end.fetchone()
            if row is None:
                return None
            known[position] = (row[0], row[1])
        while position != target:
            if position < target:
                step = min(target, (position // CHECKPOINT_EVERY + 1) * CHECKPOINT_EVERY)
            else:
                step = max(target, (position - 1) // CHECKPOINT_EVERY * CHECKPOINT_EVERY)
            key = self._hop(stretch, known[position], step - position)
            if key is None:  # written under us since the sizes were counted
                return None
            known[step] = key
            position = step
        return known[target]

    def _hop(self, stretch: Stretch, key: Key, distance: int) -> Key | None:
        """The key `distance` rows after `key` (before it when negative)."""
        backward = distance < 0
        skip = abs(distance) - 1
        params = {**self.params, "tp": key[0], "guid": key[1]}
        ties = stretch.ties_before if backward else stretch.ties_after
        rest = stretch.rest_before if backward else stretch.rest_after
        tied = 0 if rest is None else self._count(self.queries.count(stretch.rows, ties), params)
        if rest is None or skip < tied:
            condition, params["skip"] = f"{stretch.rows} AND {ties}", skip
        else:
            condition, params["skip"] = rest, skip - tied
        row = self._conn.execute(self.queries.hop(condition, backward=backward), params).fetchone()
        return None if row is None else (row[0], row[1])

    def _joined(self, picked: list[tuple[int, str]]) -> list[RowT]:
        """The shown columns of the picked rows, in the order they were picked."""
        if not picked:
            return []
        # A JSON array for json_each, written by hand: rowids are integers.
        rowids = "[" + ",".join(str(rowid) for rowid, _ in picked) + "]"
        found = self._conn.execute(self.rows_sql, {"rowids": rowids}).fetchall()
        rows = {self._key_of_row(row): row for row in map(self._make_row, found)}
        return [rows[guid] for _, guid in picked if guid in rows]
