"""Lists and quotes nested any depth show all their text: indentation stops at a
cap, the content never does. Checked on the renderer, on a whole post as the post
view shows it, and on what is sent to the site."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pleio_tui.models import Blog, User
from pleio_tui.richtext import markdown_to_tiptap, tiptap_to_plain_text
from pleio_tui.tui.render import DUTCH, render_post
from pleio_tui.tui.render.markdown_lines import render_markdown

SITE = "https://www.pleio.test"
DEPTHS = (10, 20, 50)
WIDTHS = (24, 40, 80)


def nested_list(depth: int, ordered: bool = False) -> str:
    marker = "1." if ordered else "-"
    step = 3 if ordered else 2
    return "".join(f"{' ' * step * level}{marker} woord{level} en meer\n" for level in range(depth))


def nested_quote(depth: int) -> str:
    return "> " * depth + "citaat" + str(depth) + " met genoeg woorden om te vouwen"


def mixed(depth: int) -> str:
    """A list in a quote in a list, again and again."""
    lines = []
    indent = ""
    for level in range(depth):
        if level % 2:
            indent += "> "
            lines.append(f"{indent}tekst{level}")
        else:
            lines.append(f"{indent}- item{level}")
            indent += "  "
    return "\n".join(lines) + "\n"


def words_shown(markdown: str, width: int) -> tuple[str, int]:
    lines = render_markdown(markdown, width, site_url=SITE).lines
    return " ".join(line.plain for line in lines), max(line.cell_len for line in lines)


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_level_of_a_deep_list_shows_its_text(depth: int, width: int) -> None:
    for ordered in (False, True):
        shown, widest = words_shown(nested_list(depth, ordered), width)
        for level in range(depth):
            assert f"woord{level}" in shown, (level, ordered)
        assert widest <= width


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_deep_quote_shows_its_text(depth: int, width: int) -> None:
    shown, widest = words_shown(nested_quote(depth), width)
    assert f"citaat{depth}" in shown and "vouwen" in shown
    assert widest <= width


@pytest.mark.parametrize("depth", DEPTHS)
def test_lists_in_quotes_in_lists_show_every_level(depth: int) -> None:
    shown, widest = words_shown(mixed(depth), 30)
    for level in range(depth):
        word = f"tekst{level}" if level % 2 else f"item{level}"
        assert word in shown, level
    assert widest <= 30


def test_indentation_stops_at_a_third_of_the_width() -> None:
    lines = render_markdown(nested_list(20), 30, site_url=SITE).lines
    text_starts = [len(line.plain) - len(line.plain.lstrip(" •◦▪")) for line in lines]
    assert max(text_starts) <= 30 // 3 + 2


def test_nesting_past_the_stack_still_shows_the_words() -> None:
    shown, _ = words_shown("> " * 2000 + "onderaan", 40)
    assert "onderaan" in shown


@pytest.mark.parametrize("depth", DEPTHS)
def test_a_deep_post_shows_all_its_text_in_the_post_view(depth: int) -> None:
    body = nested_list(depth) + "\n" + nested_quote(depth)
    blog = Blog(
        guid="b1",
        title="Diep",
        owner=User(guid="u1", name="Hadewych"),
        rich_description=markdown_to_tiptap(body),
        time_created=datetime(2024, 1, 1, tzinfo=UTC),
        comments=(),
    )
    post = render_post(blog, 36, site_url=SITE, strings=DUTCH).finish()
    shown = " ".join(line.text for line in post.lines)
    assert max(line.cell_length for line in post.lines) <= 36
    for level in range(depth):
        assert f"woord{level}" in shown, level
    assert f"citaat{depth}" in shown


@pytest.mark.parametrize("depth", DEPTHS)
def test_deep_text_is_sent_whole(depth: int) -> None:
    doc = markdown_to_tiptap(nested_list(depth) + "\n" + nested_quote(depth))
    plain = tiptap_to_plain_text(doc)
    assert f"woord{depth - 1}" in plain and f"citaat{depth}" in plain
