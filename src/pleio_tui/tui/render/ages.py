"""Every date the app shows, from one place: how long ago for the last week
("3 dagen geleden" / "3 days ago"), then the date ("12 mrt 2022" / "12 Mar 2022");
the full date and time for a post's header, and from when to when for an event.

The words are written out here: a locale library's data would cost the first screen 10 ms.
Dates are shown in the machine's local time; a naive datetime is taken as UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Literal

AgeFormatter = Callable[[datetime], str]
Lang = Literal["nl", "en"]

RELATIVE_FOR = timedelta(days=7)
"""Younger than this shows as an age; older as a date (an age in weeks or years
makes the reader count back)."""

_MINUTE = timedelta(minutes=1)
_HOUR = timedelta(hours=1)
_DAY = timedelta(days=1)
_JUST_NOW = {"nl": "zojuist", "en": "just now"}
_AGO: dict[Lang, str] = {"nl": "{} geleden", "en": "{} ago"}
_UNIT_WORDS: dict[Lang, dict[str, tuple[str, str]]] = {
    "nl": {"minute": ("minuut", "minuten"), "hour": ("uur", "uur"), "day": ("dag", "dagen")},
    "en": {"minute": ("minute", "minutes"), "hour": ("hour", "hours"), "day": ("day", "days")},
}
_SHORT_MONTHS: dict[Lang, tuple[str, ...]] = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
_MONTHS: dict[Lang, tuple[str, ...]] = {
    "nl": (
        *("januari", "februari", "maart", "april", "mei", "juni", "juli"),
        *("augustus", "september", "oktober", "november", "december"),
    ),
    "en": (
        *("January", "February", "March", "April", "May", "June", "July"),
        *("August", "September", "October", "November", "December"),
    ),
}
_WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_AT: dict[Lang, str] = {"nl": "{date} om {time}", "en": "{date}, {time}"}


def format_age(dt: datetime, now: datetime, lang: Lang) -> str:
    """For lists and comments: "zojuist", "5 minuten geleden", "3 dagen geleden"
    within a week; from then on the date, "12 mrt 2022". A time in the future
    (clock skew) counts as just now."""
    age = as_utc(now) - as_utc(dt)
    if age < _MINUTE:
        return _JUST_NOW[lang]
    if age >= RELATIVE_FOR:
        return format_short_date(dt, lang)
    if age < _HOUR:
        unit, size = "minute", _MINUTE
    elif age < _DAY:
        unit, size = "hour", _HOUR
    else:
        unit, size = "day", _DAY
    count = age // size
    singular, plural = _UNIT_WORDS[lang][unit]
    return _AGO[lang].format(f"{count} {singular if count == 1 else plural}")


def format_short_date(dt: datetime, lang: Lang) -> str:
    """ "12 mrt 2022" / "12 Mar 2022", in local time."""
    local = local_time(dt)
    return f"{local.day} {_SHORT_MONTHS[lang][local.month - 1]} {local.year}"


def format_when(dt: datetime, lang: Lang) -> str:
    """The full moment, for a post's header: "zaterdag 12 maart 2022 om 14:05" /
    "Saturday 12 March 2022, 14:05", in local time."""
    local = local_time(dt)
    day = f"{_WEEKDAYS[lang][local.weekday()]} {local.day} {_MONTHS[lang][local.month - 1]}"
    return _AT[lang].format(date=f"{day} {local.year}", time=f"{local:%H:%M}")


def format_span(start: datetime, end: datetime | None, lang: Lang) -> str:
    """An event's time, as the post header says a moment: "zaterdag 12 maart 2022
    om 14:05 – 16:00" within a day, else both moments in full; in local time."""
    text = format_when(start, lang)
    if end is None or as_utc(end) == as_utc(start):
        return text
    first, last = local_time(start), local_time(end)
    if last.date() == first.date():
        return f"{text} – {last:%H:%M}"
    return f"{text} – {format_when(end, lang)}"


def english_age(moment: datetime, now: datetime | None = None) -> str:
    """The English age, for renderers given no formatter of the user's language."""
    return format_age(moment, now if now is not None else datetime.now(UTC), "en")


def english_when(moment: datetime) -> str:
    return format_when(moment, "en")


def as_utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt


def local_time(dt: datetime) -> datetime:
    return as_utc(dt).astimezone()
