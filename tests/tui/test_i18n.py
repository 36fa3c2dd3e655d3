"""The Dutch and English tables, ages and dates, and the choice of language."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from pleio_tui.tui.i18n import (
    CLIENT_ERROR_CODES,
    EN,
    NL,
    PLEIO_ERROR_CODES,
    Strings,
    format_age,
    language_for,
    one_line,
)
from pleio_tui.tui.keys import BINDING_IDS
from pleio_tui.tui.render.ages import format_when

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FIELD = re.compile(r"\{(\w+)\}")


def test_both_languages_have_the_same_message_ids() -> None:
    assert set(NL) - set(EN) == set()
    assert set(EN) - set(NL) == set()


@pytest.mark.parametrize("msg_id", sorted(NL))
def test_a_message_uses_the_same_placeholders_in_both_languages(msg_id: str) -> None:
    assert set(FIELD.findall(NL[msg_id])) == set(FIELD.findall(EN[msg_id]))


def test_no_message_is_left_empty_or_untranslated_by_accident() -> None:
    assert all(text.strip() for text in (*NL.values(), *EN.values()))
    same = {k for k in NL if NL[k] == EN[k] and len(NL[k]) > 12}
    assert same == set(), f"identical in both languages: {sorted(same)}"


@pytest.mark.parametrize("code", PLEIO_ERROR_CODES + CLIENT_ERROR_CODES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_error_code_has_its_own_message(code: str, lang: str) -> None:
    strings = Strings(lang)  # type: ignore[arg-type]
    assert f"error.{code}" in (NL if lang == "nl" else EN)
    if code != "unknown":
        assert strings.error(code) != strings("error.unknown", code=code)


@pytest.mark.parametrize("binding_id", sorted(BINDING_IDS))
def test_every_key_binding_is_described(binding_id: str) -> None:
    assert f"key.{binding_id}" in NL


def test_an_unknown_error_code_is_shown_without_markup_or_escapes() -> None:
    message = Strings("en").error("weird\x1b[31m[@click=app.quit]x")
    assert message.startswith("Unknown error from the site: weird")
    assert "\x1b" not in message
    assert "[" not in message and "]" not in message


def test_remote_values_are_flattened_to_one_clean_line() -> None:
    hostile = "Evil\x1b]0;title\x07\ntitle\u202eRTL\x9b"
    text = Strings("nl")("composer.comment_on", title=hostile)
    assert text == "Reactie op Evil]0;title titleRTL"
    assert one_line("a\tb\r\nc") == "a b  c"


def test_a_missing_value_leaves_the_placeholder_and_a_missing_id_shows_itself() -> None:
    strings = Strings("en")
    assert strings("composer.comment_on") == "Comment on {title}"
    assert strings("no.such.id") == "no.such.id"


def test_plurals() -> None:
    assert Strings("nl").plural("post.comments", 1) == "1 reactie"
    assert Strings("nl").plural("post.comments", 3) == "3 reacties"
    assert Strings("en").plural("confirm.quit_unsent", 2).startswith("2 unsent items")


@pytest.mark.parametrize(
    ("age", "nl", "en"),
    [
        (timedelta(seconds=30), "zojuist", "just now"),
        (timedelta(minutes=1), "1 minuut geleden", "1 minute ago"),
        (timedelta(minutes=59, seconds=59), "59 minuten geleden", "59 minutes ago"),
        (timedelta(hours=5, minutes=40), "5 uur geleden", "5 hours ago"),
        (timedelta(days=1), "1 dag geleden", "1 day ago"),
        (timedelta(days=3, hours=23), "3 dagen geleden", "3 days ago"),
        (timedelta(days=6, hours=23), "6 dagen geleden", "6 days ago"),
        # From a week on, the date: nobody counts back 1447 days.
        (timedelta(days=7), "24 apr 2024", "24 Apr 2024"),
        (timedelta(days=45), "17 mrt 2024", "17 Mar 2024"),
        (timedelta(days=1447, hours=3), "15 mei 2020", "15 May 2020"),
        (timedelta(minutes=-5), "zojuist", "just now"),
    ],
)
def test_format_age(age: timedelta, nl: str, en: str) -> None:
    assert format_age(NOW - age, NOW, "nl") == nl
    assert format_age(NOW - age, NOW, "en") == en


def test_format_age_takes_naive_times_as_utc_and_mixes_zones() -> None:
    naive_then = datetime(2024, 4, 28, 12, 0)
    assert format_age(naive_then, NOW, "en") == "3 days ago"
    amsterdam = timezone(timedelta(hours=2))
    assert format_age(NOW.astimezone(amsterdam) - timedelta(hours=2), NOW, "en") == "2 hours ago"


def test_the_post_header_has_the_full_date_and_time() -> None:
    moment = datetime(2022, 3, 12, 14, 5, tzinfo=UTC).astimezone()  # shown in local time
    local = moment.replace(hour=14, minute=5)
    assert format_when(local, "nl") == "zaterdag 12 maart 2022 om 14:05"
    assert format_when(local, "en") == "Saturday 12 March 2022, 14:05"


@pytest.mark.parametrize(
    ("config_lang", "site_language", "expected"),
    [
        ("en", "nl", "en"),
        ("nl", "en", "nl"),
        ("EN-gb", None, "en"),
        (None, "nl", "nl"),
        (None, "en", "en"),
        (None, "nl_NL", "nl"),
        (None, "fr", "en"),
        ("de", "nl", "nl"),
        (None, None, "nl"),
        ("", "", "nl"),
    ],
)
def test_language_for(config_lang: str | None, site_language: str | None, expected: str) -> None:
    assert language_for(config_lang, site_language) == expected


def test_the_other_language() -> None:
    assert Strings("nl").other == Strings("en")
    assert Strings("en").other.lang == "nl"
