import json
from pathlib import Path

import pytest

from pleio_tui.richtext import RichTextError, markdown_to_tiptap, tiptap_to_markdown


def doc(*blocks: dict) -> dict:
    return {"type": "doc", "content": list(blocks)}


def paragraph(*inline: dict) -> dict:
    return {"type": "paragraph", "content": list(inline)}


def text(value: str, *marks: str | dict) -> dict:
    node: dict = {"type": "text", "text": value}
    if marks:
        node["marks"] = [{"type": m} if isinstance(m, str) else m for m in marks]
    return node


def link(href: str, **extra: str) -> dict:
    return {"type": "link", "attrs": {"href": href, **extra}}


def test_accepts_a_json_string_or_a_dict() -> None:
    value = doc(paragraph(text("Hoi")))
    assert tiptap_to_markdown(value) == "Hoi"
    assert tiptap_to_markdown(json.dumps(value)) == "Hoi"


def test_marks() -> None:
    value = doc(
        paragraph(
            text("vet", "bold"),
            text(" "),
            text("schuin", "italic"),
            text(" "),
            text("beide", "bold", "italic"),
            text(" "),
            text("onder", "underline"),
            text(" "),
            text("site", link("https://pleio.nl", title="Pleio", target="_blank")),
            text(" "),
            text("vet link", "bold", link("https://x.nl")),
        )
    )
    assert tiptap_to_markdown(value) == (
        '**vet** *schuin* ***beide*** onder [site](https://pleio.nl "Pleio") '
        "[**vet link**](https://x.nl)"
    )


def test_unsafe_link_marks_keep_only_text_and_relative_links_stay() -> None:
    value = doc(
        paragraph(
            text("kwaad", link("javascript:alert(1)")),
            text(" "),
            text("intern", link("/blog/view/12/titel")),
        )
    )
    assert tiptap_to_markdown(value) == "kwaad [intern](/blog/view/12/titel)"


def test_whitespace_at_mark_edges_moves_outside() -> None:
    value = doc(paragraph(text("a"), text(" vet ", "bold"), text("b")))
    assert tiptap_to_markdown(value) == "a **vet** b"


def test_heading_and_hard_break_and_mention() -> None:
    value = doc(
        {"type": "heading", "attrs": {"level": 3}, "content": [text("Kop #")]},
        paragraph(
            text("regel"),
            {"type": "hardBreak"},
            {"type": "mention", "attrs": {"id": "9", "label": "Hadewych", "href": "/user/9"}},
        ),
    )
    assert tiptap_to_markdown(value) == "### Kop \\#\n\nregel\\\n@Hadewych"


def test_blockquote_and_lists() -> None:
    value = doc(
        {"type": "blockquote", "content": [paragraph(text("een")), paragraph(text("twee"))]},
        {
            "type": "orderedList",
            "attrs": {"order": 4},
            "content": [
                {"type": "listItem", "content": [paragraph(text("vier"))]},
                {
                    "type": "listItem",
                    "content": [
                        paragraph(text("vijf")),
                        {
                            "type": "bulletList",
                            "content": [{"type": "listItem", "content": [paragraph(text("x"))]}],
                        },
                    ],
                },
            ],
        },
    )
    assert tiptap_to_markdown(value) == "> een\n>\n> twee\n\n4. vier\n5. vijf\n   - x"


def test_adjacent_lists_of_one_kind_stay_apart() -> None:
    item = {"type": "listItem", "content": [paragraph(text("a"))]}
    value = doc(
        {"type": "bulletList", "content": [item]}, {"type": "bulletList", "content": [item]}
    )
    markdown = tiptap_to_markdown(value)
    assert markdown == "- a\n\n* a"
    assert len(json.loads(markdown_to_tiptap(markdown))["content"]) == 2


def test_image_file_video() -> None:
    value = doc(
        {"type": "image", "attrs": {"src": "/file/1/kat.png", "alt": "een [kat]", "title": "Kat"}},
        {"type": "image", "attrs": {"src": "javascript:x", "alt": "weg"}},
        {
            "type": "file",
            "attrs": {
                "url": "/file/2",
                "name": "nota.pdf",
                "mimeType": "application/pdf",
                "size": 2500000,
            },
        },
        {"type": "video", "attrs": {"guid": "dQw4", "platform": "youtube", "title": "Film"}},
        {"type": "video", "attrs": {"guid": "7", "platform": "onbekend", "title": "Elders"}},
    )
    assert tiptap_to_markdown(value).split("\n\n") == [
        '![een \\[kat\\]](/file/1/kat.png "Kat")',
        "weg",
        "📎 [nota.pdf](/file/2) (2.5 MB)",
        "▶ [Film](https://www.youtube.com/watch?v=dQw4)",
        "▶ Elders (onbekend)",
    ]


def test_figure_renders_its_children() -> None:
    value = doc(
        {"type": "figure", "content": [{"type": "image", "attrs": {"src": "/a.png", "alt": "a"}}]}
    )
    assert tiptap_to_markdown(value) == "![a](/a.png)"


def test_table_as_gfm_pipe_table() -> None:
    def cell(kind: str, *inline: dict) -> dict:
        return {
            "type": kind,
            "content": [paragraph(*inline)] if inline else [{"type": "paragraph"}],
        }

    value = doc(
        {
            "type": "table",
            "content": [
                {
                    "type": "tableRow",
                    "content": [cell("tableHeader", text("a")), cell("tableHeader", text("b|c"))],
                },
                {"type": "tableRow", "content": [cell("tableCell", text("1", "bold"))]},
            ],
        }
    )
    assert tiptap_to_markdown(value) == "| a | b\\|c |\n| --- | --- |\n| **1** |  |"


def test_text_that_looks_like_markdown_is_escaped() -> None:
    value = doc(
        paragraph(text("# geen kop")),
        paragraph(text("1. geen lijst *geen nadruk* [geen link] a_b <x> &amp;")),
        paragraph(text("- regel"), {"type": "hardBreak"}, text("> ook geen citaat")),
    )
    markdown = tiptap_to_markdown(value)
    assert markdown == (
        "\\# geen kop\n\n"
        "1\\. geen lijst \\*geen nadruk\\* \\[geen link\\] a_b \\<x> \\&amp;\n\n"
        "\\- regel\\\n\\> ook geen citaat"
    )
    assert json.loads(markdown_to_tiptap(markdown)) == value


def test_unknown_nodes_and_junk_render_their_text() -> None:
    value = doc(
        {"type": "callout", "content": [paragraph(text("binnen"))]},
        {"type": "weird", "content": [text("los")]},
        "junk",
        {"type": "paragraph", "content": "junk"},
        {"type": "paragraph", "content": [{"type": "text", "text": None, "marks": "x"}]},
        {"type": "heading", "attrs": {"level": "x"}, "content": [text("kop")]},
    )
    assert tiptap_to_markdown(value) == "binnen\n\nlos\n\n## kop"


def test_emphasis_that_markdown_cannot_hold_keeps_the_words() -> None:
    value = doc(paragraph(text("a"), text("(b)", "bold"), text("c")))
    markdown = tiptap_to_markdown(value)
    assert json.loads(markdown_to_tiptap(markdown))["content"][0]["content"][0]["text"] == "a(b)c"


@pytest.mark.parametrize("bad", ["{", "[1]", '{"type": "paragraph"}', "null"])
def test_malformed_input_raises(bad: str) -> None:
    with pytest.raises(RichTextError):
        tiptap_to_markdown(bad)


SEED = Path(__file__).parent / "seed_blog.md"


def test_seed_blog_structure_round_trips() -> None:
    markdown = SEED.read_text(encoding="utf-8").strip()
    value = json.loads(markdown_to_tiptap(markdown))
    kinds = [block["type"] for block in value["content"]]
    assert kinds == [
        "paragraph",
        "paragraph",
        "paragraph",
        "orderedList",
        "paragraph",
        "bulletList",
        "paragraph",
    ]
    assert len(value["content"][3]["content"]) == 5
    assert len(value["content"][5]["content"]) == 4
    last = value["content"][-1]["content"]
    assert last[1]["marks"][0]["attrs"]["href"].startswith("https://")
    assert tiptap_to_markdown(value) == markdown


def test_sublist_that_cannot_interrupt_a_paragraph_stays_apart() -> None:
    def item(*blocks: dict) -> dict:
        return {"type": "listItem", "content": list(blocks)}

    nested = {"type": "orderedList", "attrs": {"order": 3}, "content": [item(paragraph(text("c")))]}
    value = doc({"type": "bulletList", "content": [item(paragraph(text("a")), nested)]})
    markdown = tiptap_to_markdown(value)
    assert markdown == "- a\n\n  3. c"
    assert json.loads(markdown_to_tiptap(markdown)) == value


def test_marks_close_before_a_line_break() -> None:
    value = doc(paragraph(text("vet", "bold"), {"type": "hardBreak"}, text("gewoon")))
    markdown = tiptap_to_markdown(value)
    assert markdown == "**vet**\\\ngewoon"
    assert json.loads(markdown_to_tiptap(markdown)) == value


def test_exclamation_mark_before_a_link_does_not_make_an_image() -> None:
    value = doc(paragraph(text("let op!"), text("hier", link("https://x.nl"))))
    markdown = tiptap_to_markdown(value)
    assert markdown == "let op\\![hier](https://x.nl)"
    assert json.loads(markdown_to_tiptap(markdown)) == value
