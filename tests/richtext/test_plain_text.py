import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pleio_tui.richtext import RichTextError, markdown_to_tiptap, tiptap_to_plain_text
from pleio_tui.richtext.plain_text import _block_text, _paragraphs_text


def test_paragraphs_are_apart_by_a_blank_line_and_breaks_kept() -> None:
    doc = markdown_to_tiptap("# Titel\n\neen\ntwee\n\n**drie**")
    assert tiptap_to_plain_text(doc) == "Titel\n\neen\ntwee\n\ndrie"


def test_list_items_each_on_a_line() -> None:
    doc = markdown_to_tiptap(
        "Intro:\n\n1. Gevestigde belangen\n2. Risico-aversie\n   - diep\n\nEind"
    )
    assert tiptap_to_plain_text(doc) == (
        "Intro:\n\nGevestigde belangen\nRisico-aversie\ndiep\n\nEind"
    )


def test_tables_rows_on_lines() -> None:
    doc = markdown_to_tiptap("| a | b |\n|---|---|\n| 1 | 2 |")
    assert tiptap_to_plain_text(doc) == "a | b\n1 | 2"


def test_mentions_images_files_and_videos_leave_their_label() -> None:
    doc = {
        "type": "doc",
        "content": [
            {
                "type": "paragraph",
                "content": [
                    {"type": "text", "text": "hoi "},
                    {"type": "mention", "attrs": {"id": "1", "label": "Jan", "href": "/u/1"}},
                ],
            },
            {"type": "image", "attrs": {"src": "/x.png", "alt": "kat"}},
            {"type": "file", "attrs": {"url": "/f/1", "name": "nota.pdf"}},
            {"type": "video", "attrs": {"guid": "abc", "platform": "youtube", "title": "Film"}},
        ],
    }
    assert tiptap_to_plain_text(doc) == "hoi @Jan\n\nkat\n\nnota.pdf\n\nFilm"


def test_unknown_nodes_and_junk_do_not_crash() -> None:
    doc = {
        "type": "doc",
        "content": [
            {"type": "callout", "content": [{"type": "text", "text": "binnen"}]},
            "not a node",
            {"content": "not a list"},
            {"type": "paragraph", "content": [{"type": "text", "text": 5}]},
        ],
    }
    assert tiptap_to_plain_text(doc) == "binnen"


@pytest.mark.parametrize("bad", ["{", "[]", '{"type": "paragraph"}', "null", '"doc"'])
def test_malformed_input_raises(bad: str) -> None:
    with pytest.raises(RichTextError):
        tiptap_to_plain_text(bad)
    assert issubclass(RichTextError, ValueError)


_INLINE = st.one_of(
    st.builds(lambda text: {"type": "text", "text": text}, st.text(max_size=12)),
    st.just({"type": "hardBreak"}),
    st.just({"type": "text", "text": 5}),
    st.just("not a node"),
)
_PARAGRAPH = st.one_of(
    st.builds(lambda kids: {"type": "paragraph", "content": kids}, st.lists(_INLINE, max_size=5)),
    st.just({"type": "paragraph"}),
    st.just(7),
)


@settings(max_examples=300)
@given(st.lists(_PARAGRAPH, max_size=6))
def test_a_doc_of_paragraphs_gives_what_the_general_rules_give(paragraphs: list[object]) -> None:
    """Such a doc (most posts and comments) is read in one pass, not node by node."""
    doc = {"type": "doc", "content": paragraphs}
    assert _paragraphs_text(doc) == _block_text(doc, depth=0).strip()
    assert tiptap_to_plain_text(doc) == _block_text(doc, depth=0).strip()
