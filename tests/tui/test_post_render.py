"""Posts rendered to lines: body, comment thread, related blogs, links, hostile text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.style import Style

from pleio_tui.models import Blog, Comment, FeedRow, User
from pleio_tui.richtext import markdown_to_tiptap
from pleio_tui.tui.render import DUTCH, ENGLISH, RenderedPost, render_post
from pleio_tui.tui.render.markdown_lines import LINK_META_KEY, render_markdown
from pleio_tui.tui.render.post import FIRST_SCREEN_LINES

SITE = "https://www.pleio.test"
NOW = datetime.now(UTC)
HOSTILE_TITLE = "\x1b]0;PWNED\x07[@click=app.quit]x[/]"

SEED_BODY = """\
NSOB en PBL hebben door middel van bijeenkomsten en gesprekken onderzocht wat de \
veranderende verhoudingen in de samenleving betekenen voor overheidssturing.

In verschillende vormen doen de volgende vijf belemmeringen zich met regelmaat voor:

1. Gevestigde belangen
2. Risico-aversie en afrekencultuur
3. Inrichting van de eigen interne organisatie
4. Ongeschreven regels, gewoonten en werkpraktijken
5. Scepsis en normatieve kritiek

Sturen in de energieke samenleving vergt een combinatie van vier elementen:

- Ambitie & visie
- Systeeminterventies door het veranderen van defaults
- Verleiden en stimuleren door sturen op keuze-architectuur
- Dynamiek uitlokken door continue bijstelling van beleid

Zie bijv ook [Regels verminderen betekent ook normen laten vervagen](https://www.pleio.test/blog/view/42/regels).
"""


def user(name: str) -> User:
    return User(guid=f"user-{name.lower()}", name=name)


def comment(guid: str, author: str, text: str, *, parent: str = "blog-1", days: int = 1) -> Comment:
    return Comment(
        guid=guid,
        blog_guid="blog-1",
        parent_guid=parent,
        rich_description=markdown_to_tiptap(text),
        description="",
        time_created=NOW - timedelta(days=days),
        owner=user(author),
    )


def seed_blog(**changes: object) -> Blog:
    reply = comment("reply-1", "Hadewych", "Dank je, Jan.", parent="comment-1")
    thread = (
        comment("comment-1", "Jan", "Mooi stuk over *sturen*.")._replace(replies=(reply,)),
        comment("comment-2", "Admin", "Zie ook de bijeenkomst.", days=2),
    )
    blog = Blog(
        guid="blog-1",
        title="Leren door doen; overheidsparticipatie in een energieke samenleving",
        url="/blog/view/blog-1/leren-door-doen",
        rich_description=markdown_to_tiptap(SEED_BODY),
        description="",
        tags=("participatie",),
        time_published=NOW - timedelta(days=1447),
        group_guid="group-1",
        group_name="Van buiten naar binnen in het ministerie van V&J",
        owner=user("Hadewych"),
        votes=2,
        is_bookmarked=True,
        comment_count=3,
        comments=thread,
    )
    return blog._replace(**changes)  # type: ignore[arg-type]


def texts(post: RenderedPost) -> list[str]:
    return [strip.text.rstrip() for strip in post.finish().lines]


def line_with(lines: list[str], needle: str) -> int:
    return next(number for number, line in enumerate(lines) if needle in line)


def test_seed_blog_renders_header_body_lists_and_link() -> None:
    post = render_post(seed_blog(), 80, site_url=SITE)
    lines = texts(post)
    joined = "\n".join(lines)
    assert "Leren door doen" in lines[0]
    assert "By Hadewych in Van buiten naar binnen in het ministerie van V&J" in joined
    assert "#participatie" in joined and "▲ 2" in joined and "★ bookmarked" in joined
    assert "NSOB en PBL hebben door middel van bijeenkomsten" in joined
    assert any(line.strip() == "1. Gevestigde belangen" for line in lines)
    assert any(line.strip() == "5. Scepsis en normatieve kritiek" for line in lines)
    assert any(line.strip() == "• Ambitie & visie" for line in lines)
    assert "Regels verminderen betekent ook normen laten vervagen" in joined
    assert "vervagen[1]" in joined  # the link is numbered in the text
    assert [link.url for link in post.links] == ["https://www.pleio.test/blog/view/42/regels"]
    assert "Regels verminderen" in lines[post.links[0].line]
    # Listed under the body, its address whole on a line of its own.
    listed = line_with(lines, "[1] Regels verminderen")
    assert lines[listed + 1].strip() == "https://www.pleio.test/blog/view/42/regels"
    # Wrapped to the width: no line is wider than the pane.
    assert all(strip.cell_length <= 80 for strip in post.lines)


def test_comments_and_replies_are_threaded_with_indentation() -> None:
    post = render_post(seed_blog(), 80, site_url=SITE)
    lines = texts(post)
    assert "Comments (3)" in "\n".join(lines)
    jan = line_with(lines, "Jan · 1 day ago")
    reply = line_with(lines, "Hadewych · 1 day ago")
    admin = line_with(lines, "Admin · 2 days ago")
    assert jan < reply < admin
    assert lines[jan + 1].strip() == "Mooi stuk over sturen."
    indent = lines[reply].index("Hadewych")
    assert indent > lines[jan].index("Jan")
    assert lines[admin].index("Admin") == lines[jan].index("Jan")
    assert "Dank je, Jan." in lines[reply + 1]


def test_the_comment_index_maps_lines_to_comments() -> None:
    post = render_post(seed_blog(), 80, site_url=SITE).finish()
    lines = texts(post)
    assert [span.guid for span in post.comments] == ["comment-1", "reply-1", "comment-2"]
    assert [span.depth for span in post.comments] == [0, 1, 0]
    for span in post.comments:
        assert span.author in lines[span.start]
        for line in range(span.start, span.end):
            assert post.comment_at(line) == span
    assert post.comment_at(line_with(lines, "Dank je, Jan.")).guid == "reply-1"
    assert post.comment_at(0) is None
    assert post.comment_at(line_with(lines, "Gevestigde belangen")) is None
    assert post.comment_position("comment-2") == 2


def test_hostile_title_is_literal_and_escape_free() -> None:
    post = render_post(seed_blog(title=HOSTILE_TITLE), 80, site_url=SITE).finish()
    assert "[@click=app.quit]x[/]" in post.lines[0].text
    for strip in post.lines:
        for segment in strip:
            assert "\x1b" not in segment.text and "\x07" not in segment.text


def test_only_http_and_mailto_links_become_links() -> None:
    markdown = (
        "[klik](javascript:alert(1)) [bel](tel:0612345678) [ftp](ftp://files.test/x) "
        "![pixel](data:image/png;base64,AAAA) [mail](mailto:info@pleio.test) [rel](/groups/view/1)"
    )
    rendered = render_markdown(markdown, 300, site_url=SITE)
    line = rendered.lines[0]
    assert [link.url for link in rendered.links] == [
        "mailto:info@pleio.test",
        "https://www.pleio.test/groups/view/1",
    ]
    linked = {
        line.plain[span.start : span.end]
        for span in line.spans
        if isinstance(span.style, Style) and span.style._meta and LINK_META_KEY in span.style.meta
    }
    assert linked == {"mail", "rel"}
    assert "mail[1]" in line.plain and "rel[2]" in line.plain
    # Terminal hyperlinks (OSC 8) carry the whole target, and only safe ones.
    targets = {
        span.style.link for span in line.spans if isinstance(span.style, Style) and span.style.link
    }
    assert targets == {"mailto:info@pleio.test", "https://www.pleio.test/groups/view/1"}
    # Refused targets are not even printed as text to copy.
    for refused in ("tel:0612345678", "ftp://files.test/x", "data:image/png"):
        assert refused not in line.plain
    assert "bel" in line.plain and "[image: pixel]" in line.plain


def test_headings_quotes_code_tables_and_nested_lists() -> None:
    markdown = (
        "# Kop\n\n> geciteerd\n\n```\nx = 1\n```\n\n"
        "| naam | rol |\n|---|---|\n| Jan | lid |\n\n"
        "- buiten\n  - binnen\n    1. diep\n\n---\n"
    )
    lines = [line.plain.rstrip() for line in render_markdown(markdown, 60, site_url=SITE).lines]
    assert lines[0] == "Kop"
    assert "▌ geciteerd" in lines
    assert "x = 1" in lines
    table = [line for line in lines if "Jan" in line]
    assert table and "lid" in table[0]
    assert "• buiten" in lines
    assert "  ◦ binnen" in lines
    assert "    1. diep" in lines
    assert lines[-1] == "─" * 60


def test_related_blogs_and_dutch_frame() -> None:
    related = [
        FeedRow(
            guid="blog-2",
            title="OMG - Met open deuren slaan!",
            author_name="Hadewych",
            group_guid="group-1",
            group_name="Van buiten naar binnen",
            time_published=NOW - timedelta(days=3),
            comment_count=0,
            votes=0,
            excerpt="",
            is_read=True,
            is_bookmarked=False,
        )
    ]
    lines = texts(render_post(seed_blog(), 80, strings=DUTCH, site_url=SITE, related=related))
    joined = "\n".join(lines)
    assert "Door Hadewych in de groep Van buiten naar binnen in het ministerie" in joined
    assert "Reacties (3)" in joined
    heading = line_with(lines, "Gerelateerde blogs")
    assert "OMG - Met open deuren slaan!" in lines[heading + 1]


def test_cache_keys_on_what_is_shown() -> None:
    blog = seed_blog()
    first = render_post(blog, 80, site_url=SITE)
    assert render_post(blog, 80, site_url=SITE) is first
    assert render_post(blog, 60, site_url=SITE) is not first
    assert render_post(blog, 80, strings=DUTCH, site_url=SITE) is not first
    voted = render_post(blog._replace(votes=3, has_voted=True), 80, site_url=SITE)
    assert voted is not first
    assert "▲ 3 (you voted)" in "\n".join(texts(voted))
    assert ENGLISH.language != DUTCH.language


def test_a_long_post_returns_its_first_screen_and_finishes_on_demand() -> None:
    paragraph = "Sturen op energie in de samenleving is iets heel anders. " * 8
    body = "\n\n".join(f"## Deel {n}\n\n{paragraph}" for n in range(300))
    post = render_post(seed_blog(rich_description=markdown_to_tiptap(body)), 80, site_url=SITE)
    assert not post.complete
    assert len(post.lines) >= FIRST_SCREEN_LINES
    partial = [strip.text for strip in post.lines]
    post.finish()
    assert post.complete
    assert len(post.lines) > 2000
    assert [strip.text for strip in post.lines[: len(partial)]] == partial
    headings = [strip.text.strip() for strip in post.lines if strip.text.strip().startswith("Deel")]
    assert headings == [f"Deel {n}" for n in range(300)]
    assert [span.guid for span in post.comments] == ["comment-1", "reply-1", "comment-2"]


def test_hostile_targets_never_become_terminal_hyperlinks() -> None:
    markdown = (
        "[a](javascript:alert(1)) [b](http://evil.test/\x1b]8;;x\x07) [c](data:text/html,x) "
        "[d](vbscript:x) [e](https://ok.test/pad)"
    )
    rendered = render_markdown(markdown, 200, site_url=SITE)
    targets = [
        span.style.link
        for line in rendered.lines
        for span in line.spans
        if isinstance(span.style, Style) and span.style.link
    ]
    assert "https://ok.test/pad" in targets
    for target in targets:
        assert target.startswith(("http://", "https://", "mailto:")), target
        assert not any(ord(char) < 32 or ord(char) == 127 for char in target), target
