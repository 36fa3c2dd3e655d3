"""The words of a post or comment as the full-text index sees them, and the one
stored form of a body.

The cache keeps a body once: the rich text as the site sent it. Pleio derives
the plain `description` from it; the cache keeps that only where it differs from
what the same rules give (legacy HTML, or a site that derives otherwise), and an
empty stored description means "derive it". The index holds no copy of the text
either: its content is a view that derives the text with `search_body`, so the
text indexed, the text a snippet is cut from and the text deleted from the index
must all come from this one function of the stored columns.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pleio_tui.richtext.errors import RichTextError
from pleio_tui.richtext.plain_text import tiptap_to_plain_text

_MIN_TERM = 4
"""Shorter words need no substring lookup: a query of three letters inside a
three-letter word is that word, which the word index finds by itself."""
_MAX_TERM = 64
_WORD = re.compile(r"[^\W_]+")
"""What FTS5's unicode61 tokenizer keeps as a word: letters and digits."""
_LONG_WORD = re.compile(rf"[^\W_]{{{_MIN_TERM},}}")
"""A whole word of at least _MIN_TERM characters (the match is greedy, and a
shorter word cannot start one)."""
_COMBINING = re.compile(r"[\u0300-\u036f]+")


@lru_cache(maxsize=64)
def plain_from_rich(rich_description: str | None) -> str | None:
    """The plain text of a Tiptap body by Pleio's rules; None when it is not Tiptap.

    Cached for a few bodies: saving a blog derives it for the stored description
    and again for the index.
    """
    if not rich_description or not rich_description.lstrip().startswith("{"):
        return None
    try:
        return tiptap_to_plain_text(rich_description)
    except (RichTextError, TypeError, ValueError, AttributeError):
        return None


_MARK = "\0"
"""A stored description that starts with this is the derived text followed by the
rest of it: Pleio ends a description with blank lines the derivation trims. Two
marks keep one that is stored as it came (an empty one, or one that starts so)."""
_MAX_TAIL = 16


def stored_description(rich_description: str | None, description: str) -> str:
    """What the cache keeps of `description`: empty when the rich text gives it back,
    only the whitespace after it when that is all that differs."""
    plain = plain_from_rich(rich_description)
    if plain is not None:
        if description == plain:
            return ""
        tail = description[len(plain) :]
        if description.startswith(plain) and len(tail) <= _MAX_TAIL and tail.isspace():
            return _MARK + tail
    if (not description and plain) or description.startswith(_MARK):
        return _MARK + _MARK + description
    return description


def description_of(rich_description: str | None, stored: str) -> str:
    """The description the site sent, from what `stored_description` kept."""
    if stored.startswith(_MARK + _MARK):
        return stored[2 * len(_MARK) :]
    if not stored or stored.startswith(_MARK):
        return (plain_from_rich(rich_description) or "") + stored[len(_MARK) :]
    return stored


def search_body(abstract: str | None, rich_description: str | None, description: str) -> str:
    """The indexed body: the abstract, then the body's plain text (legacy bodies as
    the Markdown a reader is shown)."""
    text = plain_from_rich(rich_description)
    if not text:
        text = _legacy_text(rich_description, description)
    return "\n\n".join(part for part in (abstract or "", text) if part)


def _legacy_text(rich_description: str | None, description: str) -> str:
    # Imported here: it brings markdown-it, which opening the store does not need.
    from pleio_tui.richtext.body import body_to_markdown

    return body_to_markdown(rich_description, description)


def fold(text: str) -> str:
    """Lower case without diacritics, as the word index folds its terms."""
    text = text.lower()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words_of(text: str) -> set[str]:
    """The distinct folded words of `text` worth a substring lookup."""
    # Folded and searched once per distinct stretch between spaces (a word never
    # spans one): a page of posts repeats most of its words many times.
    words = set(_LONG_WORD.findall(fold(" ".join(set(text.split())))))
    if max(map(len, words), default=0) > _MAX_TERM:
        words = {word for word in words if len(word) <= _MAX_TERM}
    return words


def is_plain_word(word: str) -> bool:
    """Whether `word` is one whole word to the tokenizer (so safe in a LIKE pattern)."""
    return _WORD.fullmatch(word) is not None
