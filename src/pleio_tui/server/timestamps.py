"""Times as the site stores and sends them: ISO 8601 in UTC with offset and
microseconds, so that text order is time order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def now_iso() -> str:
    return to_iso(datetime.now(UTC))


def days_ago_iso(days: float, *, now: datetime | None = None) -> str:
    return to_iso((now or datetime.now(UTC)) - timedelta(days=days))


def normalise_iso(text: str) -> str:
    """Any ISO 8601 moment (a naive one counts as UTC) in the stored form.

    Raises ValueError for text that is not a date and time."""
    return to_iso(datetime.fromisoformat(text))
