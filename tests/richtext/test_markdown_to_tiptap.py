import json

from pleio_tui.richtext import markdown_to_tiptap

from .doc_checks import assert_well_formed


def blocks(markdown: str) -> list[dict]:
    return assert_well_formed(markdown_to_tiptap(markdown))["content"]


def text(value: str, *marks: dict) -> dict:
    node: dict = {"type": "text", "text": value}
    if marks:
        node["marks"] = list(marks)
    return node


BOLD = {"type": "bold"}
ITALIC = {"type": "italic"}


def paragraph(*inline: dict) -> dict:
    return {"type": "paragraph", "content": list(inline)}


def test_empty_input_is_a_doc_with_one_empty_paragraph() -> None:
    assert json.loads(markdown_to_tiptap("")) == {"type": "doc", "content": [{"type": "paragraph"}]}
    assert blocks("   \n\n  ") == [{"type": "paragraph"}]


def test_paragraphs_with_bold_and_italic() -> None:
    assert blocks("Hoi **vet** en *schuin*\n\nTwee ***beide***") == [
        paragraph(text("Hoi "), text("vet", BOLD), text(" en "), text("schuin", ITALIC)),
        paragraph(text("Twee "), text("beide", BOLD, ITALIC)),
    ]


def test_headings_keep_their_level() -> None:
    assert blocks("# Een\n\n### Drie") == [
        {"type": "heading", "attrs": {"level": 1}, "content": [text("Een")]},
        {"type": "heading", "attrs": {"level": 3}, "content": [text("Drie")]},
    ]


def test_safe_links_become_link_marks() -> None:
    [block] = blocks('[site](https://pleio.nl "Pleio") en [mail](mailto:a@b.nl)')
    link = {"type": "link", "attrs": {"href": "https://pleio.nl", "title": "Pleio"}}
    mail = {"type": "link", "attrs": {"href": "mailto:a@b.nl"}}
    assert block == paragraph(text("site", link), text(" en "), text("mail", mail))


def test_unsafe_links_stay_plain_text() -> None:
    [block] = blocks("[a](javascript:alert(1)) [c](ftp://x.nl)")
    assert all("marks" not in node for node in block["content"])
    assert "".join(node["text"] for node in block["content"]) == ("[a](javascript:alert(1)) c")


def test_newlines_become_hard_breaks() -> None:
    assert blocks("een\ntwee  \ndrie") == [
        paragraph(
            text("een"), {"type": "hardBreak"}, text("twee"), {"type": "hardBreak"}, text("drie")
        )
    ]


def test_nested_lists_and_ordered_start() -> None:
    [ordered] = blocks("3. drie\n4. vier\n   - diep\n")
    assert ordered["type"] == "orderedList"
    assert ordered["attrs"] == {"order": 3}
    first, second = ordered["content"]
    assert first == {"type": "listItem", "content": [paragraph(text("drie"))]}
    assert second["content"][1] == {
        "type": "bulletList",
        "content": [{"type": "listItem", "content": [paragraph(text("diep"))]}],
    }


def test_empty_list_item_still_opens_with_a_paragraph() -> None:
    assert blocks("-\n- x") == [
        {
            "type": "bulletList",
            "content": [
                {"type": "listItem", "content": [{"type": "paragraph"}]},
                {"type": "listItem", "content": [paragraph(text("x"))]},
            ],
        }
    ]


def test_blockquote() -> None:
    assert blocks("> geciteerd\n>\n> verder") == [
        {
            "type": "blockquote",
            "content": [paragraph(text("geciteerd")), paragraph(text("verder"))],
        }
    ]


def test_code_keeps_its_text_and_lines() -> None:
    assert blocks("Zie `x = 1`.\n\n```python\nif a:\n    b()\n```") == [
        paragraph(text("Zie x = 1.")),
        paragraph(text("if a:"), {"type": "hardBreak"}, text("    b()")),
    ]


def test_images_stay_inline_in_their_paragraph() -> None:
    """Pleio's schema declares `image` inline (group "inline"): it stays where it stands."""
    assert blocks('voor ![een *kat*](/kat.png "Kat") na') == [
        paragraph(
            text("voor "),
            {"type": "image", "attrs": {"src": "/kat.png", "alt": "een kat", "title": "Kat"}},
            text(" na"),
        )
    ]


def test_an_image_from_elsewhere_becomes_a_link_to_it() -> None:
    link = {"type": "link", "attrs": {"href": "https://x.nl/kat.png"}}
    assert blocks('voor ![een *kat*](https://x.nl/kat.png "Kat") na') == [
        paragraph(text("voor "), text("een kat", link), text(" na"))
    ]


def test_image_with_unsafe_source_keeps_only_its_alt_text() -> None:
    assert blocks("![plaatje](javascript:x)") == [paragraph(text("![plaatje](javascript:x)"))]
    assert blocks("![plaatje](data:image/png;base64,AAAA)") == [paragraph(text("plaatje"))]


def test_tables_with_header_and_empty_cells() -> None:
    [table] = blocks("| a | **b** |\n|---|---|\n| 1 |   |\n")
    header, row = table["content"]
    assert [cell["type"] for cell in header["content"]] == ["tableHeader", "tableHeader"]
    assert header["content"][1]["content"] == [paragraph(text("b", BOLD))]
    assert [cell["type"] for cell in row["content"]] == ["tableCell", "tableCell"]
    assert row["content"][1]["content"] == [{"type": "paragraph"}]


def test_raw_html_stays_text() -> None:
    assert blocks("<b>hoi</b>") == [paragraph(text("<b>hoi</b>"))]


def test_thematic_break_leaves_no_node() -> None:
    assert blocks("a\n\n---\n\nb") == [paragraph(text("a")), paragraph(text("b"))]


def test_links_to_pages_of_the_same_site_stay_links() -> None:
    doc = json.loads(
        markdown_to_tiptap("[blog](/blog/view/1/x) [rel](rel/x) [net](//evil.example)")
    )
    texts = doc["content"][0]["content"]
    assert texts[0]["marks"] == [{"type": "link", "attrs": {"href": "/blog/view/1/x"}}]
    assert all("marks" not in node for node in texts[1:])
