"""Converting model values to SQLite columns and back."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, datetime, timedelta

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def time_to_db(value: datetime | None) -> int | None:
    """Microseconds since the epoch; a naive datetime is taken to be UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - _EPOCH) // _MICROSECOND


def time_from_db(value: int | None) -> datetime | None:
    if value is None:
        return None
    return _EPOCH + timedelta(microseconds=value)


def required_time_from_db(value: int) -> datetime:
    return _EPOCH + timedelta(microseconds=value)


def now_db() -> int:
    return time_to_db(datetime.now(UTC)) or 0


def strings_to_db(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def strings_from_db(value: str) -> tuple[str, ...]:
    return tuple(str(item) for item in json.loads(value))


def fold(text: str) -> str:
    """Lower case without diacritics: "Coördinatie" and "coordinatie" fold alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
