"""The words a rendered post is framed with, in the reader's language."""

from __future__ import annotations

from typing import NamedTuple

from pleio_tui.tui.render.ages import AgeFormatter, english_age, english_when


class PostStrings(NamedTuple):
    """Templates are filled with `str.format`, so remote values are inserted, never parsed."""

    language: str = "en"
    by_author: str = "By {author}"
    in_group: str = "in {group}"
    votes: str = "▲ {count}"
    voted: str = "you voted"
    bookmarked: str = "★ bookmarked"
    archived: str = "archived"
    comments_heading: str = "Comments ({count})"
    no_comments: str = "No comments yet"
    comments_not_loaded: str = "Comments not loaded yet"
    related_heading: str = "Related blogs"
    links_heading: str = "Links"
    comment_links_heading: str = "Links in the comments"
    image: str = "image"
    untitled: str = "(untitled)"
    unknown_author: str = "(unknown)"
    waiting: str = "⏳ waiting to be sent"
    """In place of the age of a comment still in the outbox."""
    format_age: AgeFormatter = english_age
    format_when: AgeFormatter = english_when
    """The full date and time, for the post's header."""


ENGLISH = PostStrings()

DUTCH = PostStrings(
    language="nl",
    by_author="Door {author}",
    in_group="in de groep {group}",
    voted="je hebt gestemd",
    bookmarked="★ bewaard",
    archived="gearchiveerd",
    comments_heading="Reacties ({count})",
    no_comments="Nog geen reacties",
    comments_not_loaded="Reacties nog niet geladen",
    related_heading="Gerelateerde blogs",
    links_heading="Links",
    comment_links_heading="Links in de reacties",
    image="afbeelding",
    untitled="(zonder titel)",
    unknown_author="(onbekend)",
)
