import json

from hypothesis import given, settings
from hypothesis import strategies as st

from pleio_tui.richtext import (
    body_to_markdown,
    markdown_to_tiptap,
    terminal_safe,
    terminal_safe_line,
    tiptap_to_markdown,
    tiptap_to_plain_text,
)
from pleio_tui.richtext.document import KNOWN_NODE_TYPES

from .doc_checks import assert_well_formed
from .terminal_rules import SAMPLES, forbidden_in

HOSTILE_CHARS = st.one_of(st.characters(), st.sampled_from(SAMPLES))
"""Any character, with those a terminal acts on (ESC, C1, bidi...) never left to chance."""
MARKDOWNISH = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("*_`#->+|[]()!\\<&:\n \t1.=~")),
        st.characters(codec="utf-8"),
        st.sampled_from([char for char in SAMPLES if not 0xD800 <= ord(char) <= 0xDFFF]),
    ),
    max_size=200,
)

WORD = st.text(
    alphabet=st.sampled_from(list("abcXYZéß019") + list("*_`#-+.()!&[]<>|\\:~=")),
    min_size=1,
    max_size=8,
)
WORDS = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
SEGMENT = st.one_of(
    WORDS,
    WORDS.map(lambda words: f"**{words}**"),
    WORDS.map(lambda words: f"*{words}*"),
    st.tuples(WORDS, st.sampled_from(["https://example.org/a", "mailto:a@b.nl"])).map(
        lambda pair: f"[{pair[0]}]({pair[1]})"
    ),
)
INLINE = st.lists(SEGMENT, min_size=1, max_size=4).map(" ".join)
PARAGRAPH = st.lists(INLINE, min_size=1, max_size=3).map("\n".join)
HEADING = st.tuples(st.integers(1, 6), INLINE).map(lambda pair: "#" * pair[0] + " " + pair[1])


def _list(marker: str, items: list[str], nested: list[str]) -> str:
    lines = [f"{marker} {item}" for item in items]
    lines += [f"   - {item}" for item in nested]
    return "\n".join(lines)


LISTS = st.one_of(
    st.builds(
        _list, st.just("-"), st.lists(INLINE, min_size=1, max_size=3), st.lists(INLINE, max_size=2)
    ),
    st.builds(
        _list, st.just("1."), st.lists(INLINE, min_size=1, max_size=3), st.lists(INLINE, max_size=2)
    ),
)
QUOTE = st.lists(PARAGRAPH, min_size=1, max_size=2).map(
    lambda paragraphs: "\n>\n".join("> " + p.replace("\n", "\n> ") for p in paragraphs)
)
DOCUMENT = st.lists(st.one_of(PARAGRAPH, HEADING, LISTS, QUOTE), min_size=1, max_size=5).map(
    "\n\n".join
)


NODE_TYPES = [*sorted(KNOWN_NODE_TYPES - {"doc"}), "callout", "", "doc"]
SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 10**12), st.text(HOSTILE_CHARS, max_size=20)
)
ATTRS = st.dictionaries(
    st.sampled_from(["level", "order", "start", "href", "src", "alt", "label", "size", "url"]),
    SCALAR,
    max_size=3,
)
MARK = st.fixed_dictionaries(
    {"type": st.sampled_from(["bold", "italic", "underline", "link", "strike", 7])},
    optional={"attrs": st.one_of(ATTRS, SCALAR)},
)
JUNK_NODE = st.recursive(
    st.one_of(
        SCALAR,
        st.fixed_dictionaries(
            {
                "type": st.just("text"),
                "text": st.one_of(st.text(HOSTILE_CHARS, max_size=30), SCALAR),
            },
            optional={"marks": st.one_of(st.lists(st.one_of(MARK, SCALAR), max_size=3), SCALAR)},
        ),
    ),
    lambda inner: st.fixed_dictionaries(
        {"type": st.one_of(st.sampled_from(NODE_TYPES), SCALAR)},
        optional={"content": st.one_of(st.lists(inner, max_size=4), SCALAR), "attrs": ATTRS},
    ),
    max_leaves=25,
)
JUNK_DOC = st.lists(JUNK_NODE, max_size=5).map(lambda content: {"type": "doc", "content": content})


@settings(max_examples=200, deadline=None)
@given(JUNK_DOC)
def test_any_doc_renders_without_crashing(doc: dict) -> None:
    markdown = tiptap_to_markdown(doc)
    assert forbidden_in(markdown) == []
    tiptap_to_plain_text(doc)
    body_to_markdown(json.dumps(doc), None)


@settings(max_examples=200, deadline=None)
@given(DOCUMENT)
def test_markdown_round_trip_is_stable(markdown: str) -> None:
    once = tiptap_to_markdown(markdown_to_tiptap(markdown))
    twice = tiptap_to_markdown(markdown_to_tiptap(once))
    assert twice == once


@settings(max_examples=200, deadline=None)
@given(DOCUMENT)
def test_round_trip_keeps_the_document(markdown: str) -> None:
    first = markdown_to_tiptap(tiptap_to_markdown(markdown_to_tiptap(markdown)))
    second = markdown_to_tiptap(tiptap_to_markdown(first))
    assert json.loads(second) == json.loads(first)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_markdown_to_tiptap_is_always_well_formed(markdown: str) -> None:
    assert_well_formed(markdown_to_tiptap(markdown))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from(SAMPLES))))
def test_terminal_safe_never_lets_a_forbidden_char_through(text: str) -> None:
    assert forbidden_in(terminal_safe(text)) == []
    assert forbidden_in(terminal_safe_line(text), allowed=frozenset()) == []


@settings(max_examples=200, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(HOSTILE_CHARS)), st.one_of(st.none(), MARKDOWNISH))
def test_body_to_markdown_never_raises(rich: str, description: str | None) -> None:
    result = body_to_markdown(rich, description)
    assert forbidden_in(result) == []
