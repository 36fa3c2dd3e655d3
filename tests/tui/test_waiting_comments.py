"""A comment or reply still in the outbox shows in its thread at once, marked as
waiting, in the place the site will put it."""

from __future__ import annotations

from datetime import UTC, datetime

from pleio_tui.models import Blog, Comment, OutboxItem, OutboxKind, OutboxState, User
from pleio_tui.tui.i18n import EN, NL, Strings
from pleio_tui.tui.panes.reading_view import post_strings
from pleio_tui.tui.render import render_post
from pleio_tui.tui.render.waiting import is_waiting, with_waiting_comments

WHEN = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
ME = User(guid="u1", name="Hadewych")


def comment(guid: str, text: str) -> Comment:
    return Comment(guid, "b1", "b1", None, text, WHEN, owner=User(guid="u2", name="Jan"))


BLOG = Blog(guid="b1", title="Een blog", comments=(comment("c1", "Eerste"),), comment_count=1)


def item(
    number: int, target: str, body: str, state: OutboxState = OutboxState.PENDING
) -> OutboxItem:
    return OutboxItem(number, OutboxKind.COMMENT, target, body=body, state=state, created_at=WHEN)


def test_a_comment_goes_first_and_a_reply_under_its_comment() -> None:
    items = [
        item(1, "b1", "Nieuw"),
        item(2, "c1", "Antwoord", OutboxState.SENDING),
        item(3, "b1", "Al verstuurd", OutboxState.SENT),
        item(4, "other-blog", "Elders"),
        OutboxItem(5, OutboxKind.VOTE, "b1", score=1),
    ]
    shown = with_waiting_comments(BLOG, items, ME)
    assert shown.comments is not None
    first, second = shown.comments
    assert (first.description, is_waiting(first), first.author_name) == ("Nieuw", True, "Hadewych")
    assert second.guid == "c1" and not is_waiting(second)
    assert [(r.description, is_waiting(r)) for r in second.replies] == [("Antwoord", True)]
    assert with_waiting_comments(BLOG, items[2:], ME) is BLOG


def test_the_marker_shows_in_both_languages() -> None:
    shown = with_waiting_comments(BLOG, [item(1, "b1", "Nog **onderweg**")], ME)
    for strings, table in ((Strings("nl"), NL), (Strings("en"), EN)):
        post = render_post(shown, 80, strings=post_strings(strings)).finish()
        lines = [strip.text for strip in post.lines]
        header = next(n for n, line in enumerate(lines) if table["post.waiting"] in line)
        assert "Hadewych" in lines[header] and "Nog onderweg" in lines[header + 1]
        assert sum(table["post.waiting"] in line for line in lines) == 1
