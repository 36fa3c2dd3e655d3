import json

import pytest

from pleio_tui.richtext import RichTextError, draftjs_to_markdown


def block(text: str, kind: str = "unstyled", depth: int = 0, **ranges: list) -> dict:
    return {
        "key": "k",
        "text": text,
        "type": kind,
        "depth": depth,
        "inlineStyleRanges": ranges.get("styles", []),
        "entityRanges": ranges.get("entities", []),
        "data": {},
    }


def raw(*blocks: dict, entities: dict | None = None) -> dict:
    return {"blocks": list(blocks), "entityMap": entities or {}}


def test_block_types() -> None:
    content = raw(
        block("Titel", "header-one"),
        block("Sub", "header-three"),
        block("regel een"),
        block("regel twee"),
        block(""),
        block("nieuwe alinea"),
        block("punt", "unordered-list-item"),
        block("dieper", "unordered-list-item", depth=1),
        block("terug", "unordered-list-item"),
        block("eerst", "ordered-list-item"),
        block("dan", "ordered-list-item"),
        block("citaat", "blockquote"),
    )
    assert draftjs_to_markdown(content) == (
        "# Titel\n\n### Sub\n\nregel een\\\nregel twee\n\nnieuwe alinea\n\n"
        "- punt\n  - dieper\n- terug\n\n1. eerst\n2. dan\n\n> citaat"
    )


def test_inline_styles_and_links_with_utf16_offsets() -> None:
    content = raw(
        block(
            "😀 vet schuin onder link",
            styles=[
                {"offset": 3, "length": 3, "style": "BOLD"},
                {"offset": 7, "length": 6, "style": "ITALIC"},
                {"offset": 14, "length": 5, "style": "UNDERLINE"},
            ],
            entities=[{"offset": 20, "length": 4, "key": 0}],
        ),
        entities={
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "https://pleio.nl"}}
        },
    )
    assert draftjs_to_markdown(json.dumps(content)) == (
        "😀 **vet** *schuin* onder [link](https://pleio.nl)"
    )


def test_unsafe_links_keep_their_text() -> None:
    content = raw(
        block("klik", entities=[{"offset": 0, "length": 4, "key": 0}]),
        entities={"0": {"type": "LINK", "data": {"url": "javascript:alert(1)"}}},
    )
    assert draftjs_to_markdown(content) == "klik"


def test_atomic_image_and_document_entities() -> None:
    content = raw(
        block(" ", "atomic", entities=[{"offset": 0, "length": 1, "key": 0}]),
        block("bijlage: nota", entities=[{"offset": 9, "length": 4, "key": 1}]),
        entities={
            "0": {"type": "IMAGE", "data": {"src": "/file/1/foto.jpg", "alt": "foto"}},
            "1": {"type": "DOCUMENT", "data": {"url": "/file/2", "name": "nota.pdf", "size": 1200}},
        },
    )
    assert draftjs_to_markdown(content) == (
        "![foto](/file/1/foto.jpg)\n\nbijlage:\n\n📎 [nota.pdf](/file/2) (1.2 kB)"
    )


def test_broken_ranges_and_entities_are_ignored() -> None:
    content = raw(
        block(
            "tekst",
            styles=[{"offset": "x", "length": 2, "style": "BOLD"}, {"offset": 99, "length": 2}],
            entities=[{"offset": 0, "length": 2, "key": 42}, "junk"],
        ),
        "junk",
    )
    assert draftjs_to_markdown(content) == "tekst"


@pytest.mark.parametrize("bad", ["{", "[]", '{"blocks": "x"}', '{"type": "doc"}'])
def test_not_draftjs_raises(bad: str) -> None:
    with pytest.raises(RichTextError):
        draftjs_to_markdown(bad)
