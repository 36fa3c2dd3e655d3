"""PostView in a running app: what the screen shows, scrolling, comment selection."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from textual.app import App, ComposeResult

from pleio_tui.models import Blog, Comment, User
from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.tui.render import DUTCH
from pleio_tui.tui.widgets.post_view import PostView

SIZE = (80, 24)
NOW = datetime.now(UTC)
SITE = "https://www.pleio.test"
HOSTILE_TITLE = "\x1b]0;PWNED\x07[@click=app.quit]x[/]"


def comment(guid: str, author: str, text: str, parent: str = "blog-1") -> Comment:
    return Comment(
        guid=guid,
        blog_guid="blog-1",
        parent_guid=parent,
        rich_description=markdown_to_tiptap(text),
        description="",
        time_created=NOW - timedelta(hours=2),
        owner=User(guid=f"user-{author}", name=author),
    )


def blog(title: str = "Leren door doen", paragraphs: int = 3) -> Blog:
    body = "\n\n".join(
        f"Alinea {n}: sturen op energie in de samenleving is iets heel anders."
        for n in range(paragraphs)
    )
    first = comment("comment-1", "Jan", "Eerste reactie.")._replace(
        replies=(comment("reply-1", "Hadewych", "Een antwoord.", parent="comment-1"),),
    )
    return Blog(
        guid="blog-1",
        title=title,
        rich_description=markdown_to_tiptap(body),
        description="",
        owner=User(guid="user-h", name="Hadewych"),
        group_name="Van buiten naar binnen",
        time_published=NOW - timedelta(days=3),
        comment_count=3,
        comments=(first, comment("comment-2", "Admin", "Tweede reactie.")),
    )


class PostApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.selections: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield PostView(site_url=SITE, empty_text="Choose a blog to read")

    def on_post_view_comment_selected(self, message: PostView.CommentSelected) -> None:
        self.selections.append(message.guid)


def screen_lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def view(app: App[None]) -> PostView:
    return app.query_one(PostView)


async def test_empty_state_then_a_post_then_clear() -> None:
    app = PostApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert screen_lines(app)[0].strip() == "Choose a blog to read"
        view(app).show_blog(blog())
        await pilot.pause()
        lines = screen_lines(app)
        assert lines[0].strip() == "Leren door doen"
        # The header has the full moment, in local time.
        published = (NOW - timedelta(days=3)).astimezone()
        when = f"{published:%A} {published.day} {published:%B %Y, %H:%M}"
        assert f"By Hadewych in Van buiten naar binnen · {when}" in lines[1]
        assert any("Alinea 0: sturen op energie" in line for line in lines)
        view(app).clear()
        await pilot.pause()
        assert screen_lines(app)[0].strip() == "Choose a blog to read"


async def test_hostile_title_shows_literally_without_escapes() -> None:
    app = PostApp()
    async with app.run_test(size=SIZE) as pilot:
        view(app).show_blog(blog(title=HOSTILE_TITLE))
        await pilot.pause()
        strips = app.screen._compositor.render_strips()
        assert "[@click=app.quit]x[/]" in strips[0].text
        for strip in strips:
            for segment in strip:
                assert "\x1b" not in segment.text and "\x07" not in segment.text
        assert app.is_running


async def test_keys_scroll_a_long_post() -> None:
    app = PostApp()
    async with app.run_test(size=SIZE) as pilot:
        widget = view(app)
        widget.show_blog(blog(paragraphs=200))
        widget.focus()
        await pilot.pause()
        await pilot.press("j", "j")
        assert widget.scroll_offset.y == 2
        await pilot.press("space")
        assert widget.scroll_offset.y == 2 + 24
        await pilot.press("k")
        assert widget.scroll_offset.y == 25
        await pilot.press("G")
        await pilot.pause()
        assert widget.rendered is not None and widget.rendered.complete
        assert any("Admin" in line for line in screen_lines(app))
        await pilot.press("g")
        assert widget.scroll_offset.y == 0


async def test_shift_j_and_k_select_comments() -> None:
    app = PostApp()
    async with app.run_test(size=SIZE) as pilot:
        widget = view(app)
        widget.show_blog(blog())
        widget.focus()
        await pilot.pause()
        assert widget.selected_comment_guid is None
        await pilot.press("J")
        assert widget.selected_comment_guid == "comment-1"
        await pilot.press("J")
        assert widget.selected_comment_guid == "reply-1"
        await pilot.press("J", "J")
        assert widget.selected_comment_guid == "comment-2"
        await pilot.press("K")
        assert widget.selected_comment_guid == "reply-1"
        await pilot.pause()
        assert app.selections == ["comment-1", "reply-1", "comment-2", "reply-1"]

        # The selected comment's lines carry the highlight; the others do not.
        post = widget.rendered
        assert post is not None
        span = post.comments[1]
        top = widget.scroll_offset.y
        selected = widget.render_line(span.start - top)
        other = widget.render_line(post.comments[0].start - top)
        assert "Hadewych" in selected.text
        assert {segment.style.bgcolor for segment in selected if segment.style} != {
            segment.style.bgcolor for segment in other if segment.style
        }


async def test_same_post_again_keeps_the_selection_and_language_switch_rerenders() -> None:
    app = PostApp()
    async with app.run_test(size=SIZE) as pilot:
        widget = view(app)
        widget.show_blog(blog())
        widget.focus()
        await pilot.press("J", "J")
        assert widget.selected_comment_guid == "reply-1"
        widget.show_blog(blog()._replace(votes=5))
        assert widget.selected_comment_guid == "reply-1"
        widget.set_strings(DUTCH)
        await pilot.pause()
        assert any("Door Hadewych in de groep" in line for line in screen_lines(app))
        assert widget.selected_comment_guid == "reply-1"


async def test_a_narrower_pane_rewraps_the_post() -> None:
    app = PostApp()
    async with app.run_test(size=SIZE) as pilot:
        widget = view(app)
        widget.show_blog(
            blog(title="Een titel die lang genoeg is om bij veertig kolommen af te breken")
        )
        await pilot.pause()
        wide = widget.rendered
        assert wide is not None
        await pilot.resize_terminal(40, 24)
        await pilot.pause()
        narrow = widget.rendered
        assert narrow is not None and narrow.width < wide.width
        assert all(len(line.rstrip()) <= 40 for line in screen_lines(app))
        assert screen_lines(app)[1].strip() != ""
