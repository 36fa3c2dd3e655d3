"""A plain English "3 days ago", the fallback when no translated formatter is given."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

AgeFormatter = Callable[[datetime], str]

_UNITS = (
    (365 * 86400, "year"),
    (30 * 86400, "month"),
    (7 * 86400, "week"),
    (86400, "day"),
    (3600, "hour"),
    (60, "minute"),
)


def english_age(moment: datetime, now: datetime | None = None) -> str:
    current = now if now is not None else datetime.now(moment.tzinfo)
    seconds = int((current - moment).total_seconds())
    for unit_seconds, name in _UNITS:
        if seconds >= unit_seconds:
            count = seconds // unit_seconds
            return f"{count} {name}{'' if count == 1 else 's'} ago"
    return "just now"
