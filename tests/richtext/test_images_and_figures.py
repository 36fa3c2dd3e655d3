"""Images as Pleio takes them: inline images, figures with captions, and images
from other hosts sent as links, because SecureRichText refuses them
(backend2: core/utils/tiptap_parser.py, core/utils/__init__.py's tiptap schema)."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pleio_tui.richtext import external_images, markdown_to_tiptap, tiptap_to_markdown
from pleio_tui.richtext.plain_text import tiptap_to_plain_text
from pleio_tui.server.secure_rich_text import external_attachment

from .doc_checks import assert_well_formed

SITE = "gemeente.pleio.nl"
# Node and mark types of backend2's tiptap schema.
PLEIO_NODES = {
    "doc", "paragraph", "blockquote", "heading", "text", "mention", "image", "figure", "file",
    "video", "hardBreak", "bulletList", "orderedList", "listItem", "table", "tableHeader",
    "tableRow", "tableCell",
}  # fmt: skip
PLEIO_MARKS = {"link", "italic", "bold", "underline"}


def doc_of(markdown: str, site_host: str | None = SITE) -> dict:
    return assert_well_formed(markdown_to_tiptap(markdown, site_host))


def test_an_image_alone_is_a_figure_and_its_italic_line_the_caption() -> None:
    assert doc_of("![kat](/a.png)\n*Een kat op de mat*\n\n![hond](/b.png)")["content"] == [
        {
            "type": "figure",
            "attrs": {"src": "/a.png", "alt": "kat", "title": "", "caption": "Een kat op de mat"},
        },
        {"type": "figure", "attrs": {"src": "/b.png", "alt": "hond", "title": ""}},
    ]


def test_a_line_that_is_not_all_italic_is_no_caption() -> None:
    [block] = doc_of("![kat](/a.png)\n*Een* kat")["content"]
    assert block["type"] == "paragraph"
    assert block["content"][0]["type"] == "image"


def test_figures_only_at_the_top_where_pleio_has_blocks() -> None:
    content = doc_of("- ![x](/x.png)\n\n> ![y](/y.png)\n\n| ![z](/z.png) |\n|---|\n| a |")
    kinds = set()
    stack = list(content["content"])
    while stack:
        node = stack.pop()
        kinds.add(node["type"])
        stack.extend(node.get("content", []))
    assert "figure" not in kinds and "image" in kinds


def test_a_figure_round_trips_with_its_caption() -> None:
    figure = {
        "type": "figure",
        "attrs": {"src": "/file/1/kat.png", "alt": "kat", "title": "Kat", "caption": "Op de mat"},
    }
    doc = {"type": "doc", "content": [figure]}
    markdown = tiptap_to_markdown(doc)
    assert markdown == '![kat](/file/1/kat.png "Kat")\n*Op de mat*'
    assert json.loads(markdown_to_tiptap(markdown, SITE)) == doc
    assert tiptap_to_plain_text(doc) == "Op de mat"


def test_an_inline_image_round_trips_in_place() -> None:
    markdown = "Zie ![kaart](/kaart.png) hier,\\\n![a](/a.png) en verder"
    doc = markdown_to_tiptap(markdown, SITE)
    once = tiptap_to_markdown(doc)
    assert once == markdown
    assert markdown_to_tiptap(once, SITE) == doc


def test_images_on_the_site_itself_stay_images() -> None:
    own = f"https://{SITE}/attachment/1"
    [block] = doc_of(f"x ![a]({own}) ![b](/b.png)")["content"]
    assert [n["attrs"]["src"] for n in block["content"] if n["type"] == "image"] == [own, "/b.png"]


def test_without_a_site_host_every_absolute_image_is_a_link() -> None:
    [block] = doc_of(f"![a](https://{SITE}/a.png)", None)["content"]
    assert block == {
        "type": "paragraph",
        "content": [
            {
                "type": "text",
                "text": "a",
                "marks": [{"type": "link", "attrs": {"href": f"https://{SITE}/a.png"}}],
            }
        ],
    }


def test_an_external_image_inside_a_link_keeps_the_outer_link() -> None:
    [block] = doc_of("[![logo](https://x.nl/l.png)](https://x.nl)")["content"]
    assert block["content"] == [
        {
            "type": "text",
            "text": "logo",
            "marks": [{"type": "link", "attrs": {"href": "https://x.nl"}}],
        }
    ]


def test_an_external_image_without_alt_shows_its_address() -> None:
    [block] = doc_of("![](https://x.nl/l.png)")["content"]
    assert block["content"][0]["text"] == "https://x.nl/l.png"


def test_external_images_lists_what_will_be_sent_as_links() -> None:
    markdown = (
        "![a](https://x.nl/a.png) en [![b](/b.png)](https://y.nl)\n\n"
        f"- ![c](https://{SITE}/c.png) ![d](http://e.org/d.gif)\n\n"
        "# ![e](https://x.nl/a.png)\n\n![f](javascript:x)"
    )
    assert external_images(markdown, SITE) == ["https://x.nl/a.png", "http://e.org/d.gif"]
    assert external_images("![c](https://h:8443/c.png)", "h:8443") == []


PIECES = st.sampled_from(
    ["![a](https://x.nl/a.png)", "![b](/b.png)", f"![c](https://{SITE}/c)", "*i*", "x", " ",
     "\n", "\n\n", "- ", "> ", "| a |\n|---|\n", "[l](https://y.nl)", "**"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_what_the_writer_makes_pleio_accepts(markdown: str) -> None:
    doc = doc_of(markdown)
    assert external_attachment(doc, SITE) is None
    stack = [doc]
    while stack:
        node = stack.pop()
        assert node["type"] in PLEIO_NODES, node
        assert {mark["type"] for mark in node.get("marks", [])} <= PLEIO_MARKS
        if node["type"] in ("image", "figure"):
            assert node["attrs"]["src"].startswith(("/", f"https://{SITE}/")), node
        stack.extend(node.get("content", []))
