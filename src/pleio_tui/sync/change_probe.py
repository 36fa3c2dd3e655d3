"""What the newest few items of every kind, asked for in a sync's first request,
tell: whether anything changed, and whether they show every change.

Every change moves an item to the top of one of the two orders: an edit or a new
item by `timeUpdated`, a new comment by `lastAction`. When the last sync caught
up, every change since then lies above the first item the cache holds as it is:
a probe that reaches such an item in both orders shows every change, and only
those items are fetched. A probe that does not (all of it changed, or a sync was
cut short before) leaves the walks through the pages of each kind to find where
the changes end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pleio_tui.api.changes import ChangeMark, Changes
from pleio_tui.store import Store
from pleio_tui.sync.freshness import stale_guids


@dataclass(frozen=True, slots=True)
class ProbeVerdict:
    shown_by_order: tuple[bool, bool]
    """By `timeUpdated` and by `lastAction`: whether the probe shows every change
    in that order."""
    blogs: frozenset[str]
    """Blogs the probe shows changed (new, edited or commented on)."""
    content: frozenset[str]
    """Items of the other kinds the probe shows changed."""

    @property
    def complete(self) -> bool:
        """The probe shows every change: nothing beyond `blogs` and `content` changed."""
        return all(self.shown_by_order)


def _shows_every_change(
    marks: Sequence[ChangeMark], stale: set[str], probe: int, caught_up: bool
) -> bool:
    return (
        not stale
        or len(marks) < probe  # the site holds no more than these
        or (caught_up and len(stale) < len(marks))
    )


def read_probe(store: Store, changes: Changes, probe: int, caught_up: bool) -> ProbeVerdict:
    """`caught_up`: the last incremental sync saved every change it listed."""
    orders = (changes.newest_by_update, changes.newest_by_action)
    # One query for both orders: they mostly name the same items.
    stale = stale_guids(store, (mark for marks in orders for mark in marks))
    shown = [
        _shows_every_change(marks, stale.intersection(m.guid for m in marks), probe, caught_up)
        for marks in orders
    ]
    blogs = {mark.guid for marks in orders for mark in marks if mark.is_blog and mark.guid in stale}
    content = {mark.guid for marks in orders for mark in marks if mark.guid in stale} - blogs
    return ProbeVerdict((shown[0], shown[1]), frozenset(blogs), frozenset(content))
