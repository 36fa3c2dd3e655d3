"""Fuzzing the renderers with hostile text: whatever a site sends, what the post
view and the list rows draw is inert.

Random blogs (titles, names, group names, tags, Tiptap bodies with random link
targets, image sources and mention labels, comments and replies), mixed with the
corpus, huge strings and lone surrogates, go through `render_post` and the row
formatters. No segment carries a control or bidi character, no style a mouse
action, every link is http(s) or mailto, and every line encodes as UTF-8.
"""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from typing import Any

from corpus import HOSTILE, HOSTILE_HREFS, HUGE, LONE_SURROGATE, assert_inert
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.text import Text
from screen_probe import assert_strips_inert

from pleio_tui.models import Blog, Comment, FeedRow, GroupRow, Membership, SearchHit, User
from pleio_tui.richtext import body_to_markdown, safe_link, tiptap_to_markdown
from pleio_tui.tui.render import DUTCH, ENGLISH, render_post
from pleio_tui.tui.widgets.feed_rows import format_feed_row
from pleio_tui.tui.widgets.group_rows import group_row_formatter
from pleio_tui.tui.widgets.search_rows import search_row_formatter

SITE = "https://www.pleio.test"
NOW = datetime(2024, 5, 1, tzinfo=UTC)
SAFE_SCHEMES = ("http://", "https://", "mailto:")
SCHEME = re.compile(r"^\s*[A-Za-z][A-Za-z0-9+.\-]*:")

HOSTILE_TEXT = st.one_of(
    st.sampled_from([*HOSTILE.values(), LONE_SURROGATE, "\ud800", "\udfff"]),
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x20FF), max_size=40),
    st.lists(st.sampled_from([*HOSTILE.values(), "a", " ", "\n", "*", "["]), max_size=6).map(
        "".join
    ),
)
HREF = st.one_of(
    st.sampled_from([*HOSTILE_HREFS, "https://ok.example/a", "mailto:a@b.nl", "/groups/view/1"]),
    HOSTILE_TEXT,
)


def text_node(value: str, href: str | None) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": value}
    if href is not None:
        node["marks"] = [{"type": "link", "attrs": {"href": href}}, {"type": "bold"}]
    return node


INLINE = st.one_of(
    st.builds(text_node, HOSTILE_TEXT, st.none() | HREF),
    st.builds(
        lambda label: {"type": "mention", "attrs": {"id": "1", "label": label}}, HOSTILE_TEXT
    ),
    st.just({"type": "hardBreak"}),
)
BLOCK = st.one_of(
    st.lists(INLINE, min_size=1, max_size=4).map(
        lambda content: {"type": "paragraph", "content": content}
    ),
    st.builds(
        lambda src, alt: {"type": "image", "attrs": {"src": src, "alt": alt}}, HREF, HOSTILE_TEXT
    ),
    st.builds(
        lambda level, content: {"type": "heading", "attrs": {"level": level}, "content": content},
        st.integers(-1, 8),
        st.lists(INLINE, min_size=1, max_size=2),
    ),
    st.lists(INLINE, min_size=1, max_size=2).map(
        lambda content: {
            "type": "bulletList",
            "content": [
                {"type": "listItem", "content": [{"type": "paragraph", "content": content}]}
            ],
        }
    ),
)
DOC = st.lists(BLOCK, max_size=5).map(lambda blocks: json.dumps({"type": "doc", "content": blocks}))


def make_comment(guid: str, parent: str, body: str, author: str) -> Comment:
    return Comment(
        guid=guid,
        blog_guid="blog",
        parent_guid=parent,
        rich_description=body,
        description="",
        time_created=NOW,
        owner=User(guid="u", name=author),
    )


@st.composite
def hostile_blogs(draw: st.DrawFn) -> Blog:
    comments = []
    for number in range(draw(st.integers(0, 3))):
        top = make_comment(f"c{number}", "blog", draw(DOC), draw(HOSTILE_TEXT))
        replies = tuple(
            make_comment(f"r{number}-{n}", top.guid, draw(DOC), draw(HOSTILE_TEXT))
            for n in range(draw(st.integers(0, 2)))
        )
        comments.append(top._replace(replies=replies))
    return Blog(
        guid="blog",
        title=draw(HOSTILE_TEXT),
        url=draw(HREF),
        rich_description=draw(DOC),
        description=draw(HOSTILE_TEXT),
        tags=tuple(draw(st.lists(HOSTILE_TEXT, max_size=3))),
        time_published=NOW,
        group_guid="g",
        group_name=draw(HOSTILE_TEXT),
        owner=User(guid="u", name=draw(HOSTILE_TEXT)),
        votes=draw(st.integers(-3, 3)),
        comment_count=len(comments),
        comments=tuple(comments),
    )


def assert_row_inert(row: Text, where: str) -> None:
    assert_inert(row.plain, where)
    for span in row.spans:
        style = span.style
        assert isinstance(style, str) or not style._meta, f"{where}: meta on a row"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_blogs(), st.integers(20, 120), st.sampled_from([ENGLISH, DUTCH]))
def test_any_hostile_blog_renders_inert(blog: Blog, width: int, strings: Any) -> None:
    rendered = render_post(blog, width, strings=strings, site_url=SITE).finish()
    text = assert_strips_inert(rendered.lines, "render_post")
    text.encode("utf-8")  # no lone surrogate survives to the terminal's encoder
    for link in rendered.links:
        assert link.url.startswith(SAFE_SCHEMES), link.url
        assert safe_link(link.url) == link.url


@settings(max_examples=100, deadline=None)
@given(DOC, HOSTILE_TEXT)
def test_converted_bodies_hold_only_safe_link_targets(body: str, description: str) -> None:
    for markdown in (tiptap_to_markdown(body), body_to_markdown(body, description)):
        assert_inert(markdown, "markdown")
        markdown.encode("utf-8")
        for target in markdown.split("](")[1:]:
            url = target.split(")")[0].split(" ")[0].strip("<>")
            # A relative target stays (Pleio's own links are relative); any scheme
            # but the safe ones is dropped.
            assert url.startswith(SAFE_SCHEMES) or not SCHEME.match(url), url


@settings(max_examples=100, deadline=None)
@given(HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, st.integers(8, 100))
def test_list_rows_are_inert(title: str, author: str, group: str, snippet: str, width: int) -> None:
    feed = FeedRow("b", title, author, "g", group, NOW, 3, 2, snippet, False, True)
    assert_strips_inert(format_feed_row(feed, width, False), "feed row")
    group_row = GroupRow("g", group, 4, Membership.JOINED, True, False, 2, 5)
    assert_row_inert(group_row_formatter()(group_row, width, True), "group row")
    hit = SearchHit("b", title, group, author, NOW, snippet, in_comment=True)
    assert_row_inert(search_row_formatter()(hit, width, False), "search row")


def test_a_huge_hostile_body_renders_inert_and_in_time() -> None:
    body = json.dumps(
        {"type": "doc", "content": [{"type": "paragraph", "content": [text_node(HUGE, None)]}]}
    )
    blog = Blog(guid="huge", title="Enorm", rich_description=body, owner=User("u", HUGE))
    started = time.perf_counter()
    rendered = render_post(blog, 100, site_url=SITE).finish()
    assert time.perf_counter() - started < 20
    text = assert_strips_inert(rendered.lines, "huge post")
    # The body wrapped whole, up to its last characters, the escape made text.
    assert "AAAA[2JBBBBBBBBBB" in "".join(line.strip() for line in text.splitlines())
