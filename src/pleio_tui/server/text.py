"""Derived text: slugs for urls, plain descriptions, excerpts, checked titles."""

from __future__ import annotations

import re
import unicodedata

from pleio_tui.richtext import tiptap_to_plain_text
from pleio_tui.server.errors import INVALID_VALUE, fail

EXCERPT_WORDS = 26
MAX_TITLE_LENGTH = 256


def slugify(text: str) -> str:
    """The slug Pleio puts in urls (Django's slugify): ascii, lower case, hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^\w\s-]", "", ascii_text.lower())
    return re.sub(r"[-\s]+", "-", cleaned).strip("-_")


def plain_text(rich_description: str | None) -> str:
    if not rich_description:
        return ""
    return tiptap_to_plain_text(rich_description).strip()


def excerpt(text: str, words: int = EXCERPT_WORDS) -> str:
    parts = text.split()
    if len(parts) <= words:
        return " ".join(parts)
    return " ".join(parts[:words]) + "…"


def checked_title(title: str | None) -> str:
    """The title trimmed, or `invalid_value` when empty or longer than Pleio allows."""
    trimmed = (title or "").strip()
    if not trimmed or len(trimmed) > MAX_TITLE_LENGTH:
        fail(INVALID_VALUE)
    return trimmed
