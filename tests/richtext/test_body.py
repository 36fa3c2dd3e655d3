import json

import pytest

from pleio_tui.richtext import RichTextError, body_to_markdown, tiptap_to_markdown


def test_tiptap_rich_description_wins() -> None:
    rich = json.dumps(
        {
            "type": "doc",
            "content": [{"type": "paragraph", "content": [{"type": "text", "text": "Hoi"}]}],
        }
    )
    assert body_to_markdown(rich, "<p>oud</p>") == "Hoi"


def test_draftjs_rich_description() -> None:
    rich = json.dumps({"blocks": [{"text": "oud", "type": "header-two"}], "entityMap": {}})
    assert body_to_markdown(rich, None) == "## oud"


def test_html_in_either_field() -> None:
    assert body_to_markdown(None, "<p>Hoi <b>jij</b></p>") == "Hoi **jij**"
    assert body_to_markdown("<p>Hoi</p><p>daar</p>", None) == "Hoi\n\ndaar"


def test_plain_text_is_escaped_and_keeps_its_lines() -> None:
    assert body_to_markdown("", "1. geen *lijst*\nregel\n\nalinea") == (
        "1\\. geen \\*lijst\\*\\\nregel\n\nalinea"
    )


def test_broken_json_falls_back_to_text() -> None:
    assert (
        body_to_markdown('{"type": "doc", "content": [', None) == '{"type": "doc", "content": \\['
    )
    assert body_to_markdown('{"type": "doc", "content": 5}', None) == ""
    assert body_to_markdown('{"type": "doc", "content": []}', "<p>oud</p>") == "oud"


def test_nothing_gives_empty_text() -> None:
    assert body_to_markdown(None, None) == ""
    assert body_to_markdown("  ", "") == ""


def test_result_is_terminal_safe() -> None:
    rich = json.dumps(
        {
            "type": "doc",
            "content": [
                {
                    "type": "paragraph",
                    "content": [{"type": "text", "text": "\x1b# a\x1b]0;PWNED\x07b\u202e"}],
                }
            ],
        }
    )
    assert body_to_markdown(rich, None) == "\\# a\\]0;PWNEDb"
    assert body_to_markdown(None, "<p>\x1b# kop\x9b</p>") == "\\# kop"


def test_absurdly_deep_documents_raise_or_fall_back_to_text() -> None:
    node: dict = {"type": "text", "text": "x"}
    for _ in range(3000):
        node = {"type": "blockquote", "content": [node]}
    with pytest.raises(RichTextError):
        tiptap_to_markdown({"type": "doc", "content": [node]})

    depth = 5000
    opening = '{"type":"blockquote","content":[' * depth
    rich = (
        '{"type":"doc","content":[' + opening + '{"type":"text","text":"x"}' + "]}" * depth + "]}"
    )
    with pytest.raises(RichTextError):
        tiptap_to_markdown(rich)
    assert body_to_markdown(rich, None).startswith('{"type":"doc"')
