"""An archived blog (Pleio's toggleEntityArchived) stays readable from the cache,
marked as archived in the post header and its feed row, in both languages."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from pleio_tui.models import Blog, FeedRow, User
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.panes.feed_pane import feed_formatter
from pleio_tui.tui.render import DUTCH, ENGLISH, PostStrings, render_post

BODY = json.dumps(
    {"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "x"}]}]}
)


def blog(status: str) -> Blog:
    return Blog(
        "b1",
        "Oud nieuws",
        rich_description=BODY,
        status_published=status,
        owner=User("u1", "Hadewych"),
        time_published=datetime(2024, 5, 1, tzinfo=UTC),
        comments=(),
    )


def header(status: str, strings: PostStrings) -> str:
    post = render_post(blog(status), 80, strings=strings, site_url="https://pleio.test")
    return "\n".join(strip.text for strip in post.finish().lines[:6])


def row(archived: bool) -> FeedRow:
    return FeedRow(
        "b1", "Oud nieuws", "Hadewych", "g", "Groep", None, 0, 0, "", True, False, archived
    )


def test_the_post_header_says_archived() -> None:
    assert "gearchiveerd" in header("archived", DUTCH)
    assert "archived" in header("archived", ENGLISH)
    assert "archived" not in header("published", ENGLISH)


def test_the_feed_row_says_archived_in_the_users_language() -> None:
    for lang, word in (("nl", "gearchiveerd"), ("en", "archived")):
        formatter = feed_formatter(Strings(lang))
        assert word in str(formatter(row(True), 60, False))
        assert word not in str(formatter(row(False), 60, False))
