"""The inbox's rules without a terminal: which comment a notification points at,
and how a row says what happened (remote text never as markup or escapes)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pleio_tui.models import Blog, Comment, Notification, User
from pleio_tui.tui.controllers.inbox import comment_of
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.screens.inbox import describe, inbox_formatter

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
MARIEKE = User(guid="u-marieke", name="Marieke")
JAN = User(guid="u-jan", name="Jan")


def comment(guid: str, owner: User, at: datetime, replies: tuple[Comment, ...] = ()) -> Comment:
    return Comment(
        guid=guid,
        blog_guid="b",
        parent_guid="b",
        rich_description=None,
        description=guid,
        time_created=at,
        owner=owner,
        replies=replies,
    )


def notification(action: str, at: datetime, **fields: object) -> Notification:
    return Notification(id=1, action=action, time_created=at, is_unread=True, **fields)  # type: ignore[arg-type]


BLOG = Blog(
    guid="b",
    title="Blog",
    comments=(
        comment("later", MARIEKE, T0 + timedelta(hours=2)),
        comment(
            "first",
            MARIEKE,
            T0,
            replies=(comment("reply", JAN, T0 + timedelta(hours=1)),),
        ),
    ),
)


def test_a_commented_notification_points_at_the_performers_comment_of_that_time() -> None:
    assert comment_of(notification("commented", T0, performer=MARIEKE), BLOG) == "first"
    late = T0 + timedelta(hours=3)
    assert comment_of(notification("commented", late, performer=MARIEKE), BLOG) == "later"
    at_reply = T0 + timedelta(hours=1, seconds=1)
    assert comment_of(notification("commented", at_reply, performer=JAN), BLOG) == "reply"


def test_a_mention_in_a_comment_points_at_that_comment_and_others_at_none() -> None:
    mention = notification("mentioned", T0, entity_type="Comment", entity_guid="reply")
    assert comment_of(mention, BLOG) == "reply"
    gone = notification("mentioned", T0, entity_type="Comment", entity_guid="deleted")
    assert comment_of(gone, BLOG) is None
    assert comment_of(notification("created", T0, performer=MARIEKE), BLOG) is None
    stranger = User(guid="u-x", name="X")
    assert comment_of(notification("commented", T0, performer=stranger), BLOG) is None


def test_rows_say_what_happened_in_both_languages_and_keep_remote_text_plain() -> None:
    hostile = notification(
        "commented",
        T0,
        performer=User(guid="u", name="[b]Piet\x1b]0;PWNED\x07"),
        title="[@click=app.quit]x[/] \x1b[2JTitel",
        container_name="Groep\x9b31m",
    )
    for lang in ("nl", "en"):
        strings = Strings(lang)  # type: ignore[arg-type]
        text = describe(hostile, strings)
        assert "\x1b" not in text and "\x07" not in text
        assert "[@click=app.quit]x[/]" in text and "[b]Piet" in text
        row = inbox_formatter(strings)(hostile, 100, False)
        assert "\x1b" not in row.plain and "\x9b" not in row.plain
        assert not row.spans or all("click" not in str(span.style) for span in row.spans)
    assert describe(hostile, Strings("nl")).startswith("[b]Piet")
    assert "reageerde op" in describe(hostile, Strings("nl"))
    assert "commented on" in describe(hostile, Strings("en"))
    welcome = notification("welcome", T0)
    assert describe(welcome, Strings("en")) == "Welcome to the site"
    odd = notification("custom", T0, performer=MARIEKE, title="Iets")
    assert describe(odd, Strings("en")) == "Marieke (custom Iets)"
