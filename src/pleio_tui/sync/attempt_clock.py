"""How long ago an unconfirmed write left: the wait before its lookup (see
`outbox.LOOKUP_DELAY`) must not be cut short by a clock that is set.

Within one process this is counted on the monotonic clock, which nobody sets:
every attempt this process made is noted here when it leaves and when its answer
is lost. Across processes and restarts only the times in the cache are left,
and those come from the wall clock: a clock set forward after the answer was
lost still shortens the wait there, and nothing on this machine can tell. A time
in the cache that lies in the future shows the clock was set back since: the
wait then starts again, in full, from the moment that is seen.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from pleio_tui.models import OutboxItem

_Attempt = tuple[str, int, int, datetime | None]
"""A cache file, an item in it, its attempt number and its first attempt's time:
an item carried into a new file under the same id is another item, unless it is
the same write (the same first attempt)."""

_seen: dict[_Attempt, float] = {}
"""When this process last saw each attempt leave or lose its answer (monotonic)."""


def _key(cache: Path, item: OutboxItem) -> _Attempt:
    return (str(cache), item.id, item.attempts, item.first_sent_at)


def note_attempt(cache: Path, item: OutboxItem) -> None:
    """The item's attempt (as `item` shows it) left or lost its answer just now."""
    _seen[_key(cache, item)] = time.monotonic()


def since_last_attempt(cache: Path, item: OutboxItem) -> timedelta | None:
    """How long ago the item's last attempt left or lost its answer; None when
    nothing is known of it (an item never tried)."""
    noted = _seen.get(_key(cache, item))
    if noted is not None:
        return timedelta(seconds=time.monotonic() - noted)
    last = item.unconfirmed_at or item.changed_at
    if last is None:
        return None
    ago = datetime.now(UTC) - last
    if ago < timedelta(0):
        # The clock was set back since: count from now, in full.
        note_attempt(cache, item)
        return timedelta(0)
    return ago
