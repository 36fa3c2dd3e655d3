"""Every character the terminal must never get, one by one and mixed into text,
through every path remote text takes to the screen; checked against the list in
terminal_rules, not the sanitizer's own table."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pleio_tui.richtext import (
    body_to_markdown,
    terminal_safe,
    terminal_safe_line,
    tiptap_to_markdown,
    tiptap_to_plain_text,
)

from .terminal_rules import ESC, NEVER_SHOWN, SAMPLES, forbidden_in

HOSTILE_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SAMPLES), st.characters(codec="utf-8"), st.just(ESC)),
    max_size=80,
)


def test_the_list_holds_what_a_terminal_acts_on() -> None:
    for char in (ESC, "\x9b", "\x07", "\x00", "\x7f", "\u202e", "\u2066", "\r", "\ud800"):
        assert char in NEVER_SHOWN
    assert "\n" not in NEVER_SHOWN


def test_no_forbidden_character_survives_alone() -> None:
    for char in sorted(NEVER_SHOWN):
        text = f"voor{char}[31mna{char}"
        assert forbidden_in(terminal_safe(text)) == [], f"U+{ord(char):04X}"
        assert forbidden_in(terminal_safe_line(text), allowed=frozenset()) == []


@pytest.mark.parametrize("char", SAMPLES, ids=lambda c: f"U+{ord(c):04X}")
def test_no_forbidden_character_survives_a_post_body(char: str) -> None:
    doc = {
        "type": "doc",
        "content": [
            {"type": "paragraph", "content": [{"type": "text", "text": f"a{char}b"}]},
            {
                "type": "heading",
                "attrs": {"level": 2},
                "content": [{"type": "text", "text": f"kop{char}"}],
            },
        ],
    }
    assert forbidden_in(tiptap_to_markdown(doc), allowed=frozenset("\n")) == []
    assert forbidden_in(body_to_markdown(json.dumps(doc), None)) == []
    assert forbidden_in(body_to_markdown(None, f"plain{char}text")) == []


@settings(max_examples=300, deadline=None)
@given(HOSTILE_TEXT)
def test_terminal_safe_removes_every_forbidden_character(text: str) -> None:
    assert forbidden_in(terminal_safe(text)) == []
    assert forbidden_in(terminal_safe_line(text), allowed=frozenset()) == []


@settings(max_examples=200, deadline=None)
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_bodies_from_hostile_text_hold_no_forbidden_character(rich: str, description: str) -> None:
    assert forbidden_in(body_to_markdown(rich, description)) == []
    doc = {
        "type": "doc",
        "content": [{"type": "paragraph", "content": [{"type": "text", "text": rich or "x"}]}],
    }
    assert forbidden_in(tiptap_to_markdown(doc)) == []
    assert forbidden_in(terminal_safe(tiptap_to_plain_text(doc))) == []
