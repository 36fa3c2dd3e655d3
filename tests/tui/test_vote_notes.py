"""Which way the user voted, as the post and its comments show it."""

from __future__ import annotations

from datetime import UTC, datetime

from pleio_tui.models import Blog, Comment
from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.tui.render import DUTCH, ENGLISH, PostStrings, render_post

NOW = datetime.now(UTC)


def blog(own_vote: int | None, comment_vote: int | None) -> Blog:
    comment = Comment(
        guid="c1",
        blog_guid="b1",
        parent_guid="b1",
        rich_description=markdown_to_tiptap("Een reactie"),
        description="Een reactie",
        time_created=NOW,
        votes=-1 if comment_vote == -1 else 1,
        has_voted=comment_vote != 0,
        own_vote=comment_vote,
    )
    return Blog(
        guid="b1",
        title="Titel",
        votes=3,
        has_voted=own_vote != 0,
        own_vote=own_vote,
        comments=(comment,),
    )


def text(shown: Blog, strings: PostStrings = DUTCH) -> list[str]:
    post = render_post(shown, 80, strings=strings).finish()
    return [line.text.strip() for line in post.lines]


def test_the_post_says_up_down_or_only_that_the_user_voted() -> None:
    assert "▲ 3 (je stemde voor)" in text(blog(1, 0))
    assert "▲ 3 (je stemde tegen)" in text(blog(-1, 0))
    assert "▲ 3 (je hebt gestemd)" in text(blog(None, 0))  # voted elsewhere, way unknown
    assert "▲ 3" in text(blog(0, 0))
    assert "▲ 3 (you voted down)" in text(blog(-1, 0), ENGLISH)


def test_a_comment_says_which_way_the_user_voted_on_it() -> None:
    lines = text(blog(0, -1))
    assert any(line.endswith("▲ -1 (je stemde tegen)") for line in lines), lines
    lines = text(blog(0, 1), ENGLISH)
    assert any(line.endswith("▲ 1 (you voted up)") for line in lines), lines
