"""Paging a listing by key, so that a page costs the same at any depth.

Pleio pages with `offset` and `limit`, and so does this site; but OFFSET makes
SQLite read and throw away every row before the page, and the count that comes
with each page reads them all. Here each page that is served leaves a cursor:
the key of its last row and how many rows come before the first row with that
key. The next page starts from the nearest cursor at or before its offset: it
seeks to that key along an index and skips only the rows of that key already
served, whatever the depth. The listing's total is counted once.

Rows with equal keys stay unordered, as on Pleio: a page is ordered by the key,
then at random, so a run of ties is shuffled anew on every request (only that
run is sorted, not the listing). Cursors and totals belong to one state of the
data: any write, on this connection or another, starts them afresh.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field

LISTINGS_KEPT = 64
CURSORS_KEPT = 4096
"""Per listing: a 100,000-blog site paged by 20 leaves 5,000; the oldest go first."""


@dataclass(frozen=True, slots=True)
class Cursor:
    key: object
    before: int
    """Rows of the listing before the first row whose key is `key`."""


@dataclass(slots=True)
class _Listing:
    state: tuple[int, int, str | None]
    count: Callable[[], tuple[int, bool]]
    positions: list[int] = field(default_factory=list)
    cursors: dict[int, Cursor] = field(default_factory=dict)
    _counted: tuple[int, bool] | None = None

    @property
    def counted(self) -> tuple[int, bool]:
        """The rows of the listing, and whether any has no key: counted when
        first asked, once for this state of the data."""
        if self._counted is None:
            self._counted = self.count()
        return self._counted

    def nearest(self, offset: int) -> Cursor | None:
        at = bisect_right(self.positions, offset)
        return self.cursors[self.positions[at - 1]] if at else None

    def remember(self, position: int, cursor: Cursor) -> None:
        if position in self.cursors:
            return
        if len(self.positions) >= CURSORS_KEPT:
            self.cursors.pop(self.positions.pop(0))
        self.cursors[position] = cursor
        self.positions.insert(bisect_right(self.positions, position), position)


class ListingPages:
    """The cursors and totals of the listings served lately."""

    def __init__(self) -> None:
        self._listings: OrderedDict[Hashable, _Listing] = OrderedDict()

    def listing(
        self,
        conn: sqlite3.Connection,
        shape: Hashable,
        valid_until: str | None,
        count: Callable[[], tuple[int, bool]],
    ) -> _Listing:
        """The listing `shape` in the data's present state; `count` is called
        when its total is first asked for.

        `valid_until`: the moment a row the listing leaves out by time would join
        it (a scheduled blog), after which its positions are no longer right.
        """
        state = (conn.total_changes, _data_version(conn), valid_until)
        found = self._listings.get(shape)
        if found is None or found.state != state:
            found = _Listing(state, count)
            self._listings[shape] = found
            if len(self._listings) > LISTINGS_KEPT:
                self._listings.popitem(last=False)
        self._listings.move_to_end(shape)
        return found


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the file."""
    return int(conn.execute("PRAGMA data_version").fetchone()[0])


def cursor_after(
    offset: int, keys: Sequence[object], start: Cursor | None
) -> tuple[int, Cursor] | None:
    """Where the next page can start: the first row of the page's last run of
    equal keys, with the rows before it. None when that run began before the page
    and `start` does not say where, or the key is NULL (not comparable)."""
    if not keys or keys[-1] is None:
        return None
    last = keys[-1]
    first_of_run = len(keys) - 1
    while first_of_run > 0 and keys[first_of_run - 1] == last:
        first_of_run -= 1
    if first_of_run > 0:
        position = offset + first_of_run
        return position, Cursor(last, position)
    if start is not None and start.key == last:
        return start.before, start
    return None
