"""An event's start and end go through the one date formatter the post header
uses, in Dutch and English, at 80x24, 120x40 and 200x50."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_app_support import graphql, make_app, open_blog, synced

from pleio_tui.config import Config
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.render.ages import format_span, format_when

SIZES = [(80, 24), (120, 40), (200, 50)]
EVENT = "Werksessie: participatie"
EVENT_DATES = """{ entities(subtype: "event", limit: 10) {
  edges { ... on Event { title startDate endDate timePublished } } } }"""
WHEN = {"nl": "Wanneer: ", "en": "When: "}
ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}")


def local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the machine's own zone, as the formatter shows it."""
    return datetime(year, month, day, hour, minute).astimezone()


@pytest.mark.parametrize(
    ("end", "nl", "en"),
    [
        (None, "zaterdag 12 maart 2022 om 14:05", "Saturday 12 March 2022, 14:05"),
        (
            local(2022, 3, 12, 16, 30),
            "zaterdag 12 maart 2022 om 14:05 – 16:30",
            "Saturday 12 March 2022, 14:05 – 16:30",
        ),
        (
            local(2022, 3, 13, 10),
            "zaterdag 12 maart 2022 om 14:05 – zondag 13 maart 2022 om 10:00",
            "Saturday 12 March 2022, 14:05 – Sunday 13 March 2022, 10:00",
        ),
        (local(2022, 3, 12, 14, 5), "zaterdag 12 maart 2022 om 14:05", None),
    ],
)
def test_an_events_span_in_both_languages(end: datetime | None, nl: str, en: str | None) -> None:
    start = local(2022, 3, 12, 14, 5)
    assert format_span(start, end, "nl") == nl
    assert format_span(start, end, "en") == (en or "Saturday 12 March 2022, 14:05")


def test_a_span_in_another_zone_is_shown_in_local_time() -> None:
    start = local(2022, 3, 12, 14, 5)
    elsewhere = start.astimezone(UTC) + timedelta(hours=1)
    assert format_span(start, elsewhere, "en") == "Saturday 12 March 2022, 14:05 – 15:05"


def post_text(app: PleioApp) -> str:
    post = app.main.post.view._post
    assert post is not None
    return " ".join(" ".join(strip.text.split()) for strip in post.finish().lines)


def site_event(site: LocalSite, session: str) -> dict[str, str]:
    edges = graphql(site.url, session, EVENT_DATES)["entities"]["edges"]
    return next(edge for edge in edges if edge["title"].startswith(EVENT))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
async def test_the_post_view_says_when_an_event_is_as_the_header_says_dates(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    event = site_event(demo_site, hadewych)
    start = datetime.fromisoformat(event["startDate"])
    end = datetime.fromisoformat(event["endDate"])
    published = datetime.fromisoformat(event["timePublished"])
    config = Config(language=lang, sync_interval_minutes=0)
    app = make_app(demo_site.url, hadewych, tmp_path, config=config)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        await open_blog(pilot, EVENT)
        text = post_text(app)
        assert WHEN[lang] + format_span(start, end, lang) in text, text
        assert format_when(published, lang) in text, text
        assert ISO_MOMENT.search(text) is None, text
