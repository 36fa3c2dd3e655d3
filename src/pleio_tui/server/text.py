"""Derived text: slugs for urls, plain descriptions, excerpts, checked titles and abstracts."""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from typing import Any

from pleio_tui.server.errors import INVALID_VALUE, fail

EXCERPT_WORDS = 26
MAX_TITLE_LENGTH = 256
TEXT_TOO_LONG = "text_too_long"
MAX_ABSTRACT_CHARACTERS = 320
"""Pleio's MAX_CHARACTERS_IN_ABSTRACT as it ships (a site setting there)."""


def slugify(text: str) -> str:
    """The slug Pleio puts in urls (Django's slugify): ascii, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^\w\s-]", "", ascii_text.lower())
    return re.sub(r"[-\s]+", "-", cleaned).strip("-_")


def tiptap_to_text(rich_description: str | None) -> str | None:
    """The plain text Pleio derives from rich text, by its own rules (and not by the
    client's converter, so that a fault in one shows against the other):

    text as it is, a hard break as a newline, a mention as @label, and every other
    node its children's text followed by a newline; each top-level node gets one
    more newline. So a paragraph ends in a blank line and each table cell stands on
    lines of its own. Anything that is not a Tiptap doc comes back unchanged."""
    if not isinstance(rich_description, str):
        return rich_description
    try:
        doc = json.loads(rich_description)
    except ValueError:
        return rich_description
    if not isinstance(doc, dict) or doc.get("type") != "doc":
        return rich_description
    try:
        return "".join(_node_text(node) + "\n" for node in _child_nodes(doc))
    except RecursionError:
        return ""


def _child_nodes(node: dict[str, Any]) -> list[dict[str, Any]]:
    content = node.get("content")
    if not isinstance(content, list):
        return []
    return [child for child in content if isinstance(child, dict)]


def _node_text(node: dict[str, Any]) -> str:
    kind = node.get("type")
    if kind == "text":
        text = node.get("text")
        return text if isinstance(text, str) else ""
    if kind == "hardBreak":
        return "\n"
    if kind == "mention":
        attrs = node.get("attrs")
        label = attrs.get("label") if isinstance(attrs, dict) else None
        return "@" + (label if isinstance(label, str) else "")
    return "".join(_node_text(child) for child in _child_nodes(node)) + "\n"


def plain_text(rich_description: str | None) -> str:
    """The derived text as the `description` column keeps it ("" for no rich text)."""
    return tiptap_to_text(rich_description) or ""


def excerpt(text: str | None, words: int = EXCERPT_WORDS) -> str:
    parts = (text or "").split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + "…"


def checked_title(title: str | None) -> str:
    """The title trimmed, or `invalid_value` when empty or longer than Pleio allows."""
    trimmed = (title or "").strip()
    if not trimmed or len(trimmed) > MAX_TITLE_LENGTH:
        fail(INVALID_VALUE)
    return trimmed


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def checked_abstract(abstract: str | None) -> str | None:
    """The abstract as sent, or `text_too_long` when its text (markup left out, ends
    trimmed) is longer than Pleio allows."""
    if abstract is None:
        return None
    reader = _TextOfHtml()
    reader.feed(abstract)
    reader.close()
    if len("".join(reader.parts).strip()) > MAX_ABSTRACT_CHARACTERS:
        fail(TEXT_TOO_LONG)
    return abstract
