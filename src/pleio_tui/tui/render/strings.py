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
    """A vote whose direction the cache does not know (Pleio does not say it)."""
    voted_up: str = "you voted up"
    voted_down: str = "you voted down"
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
    waiting_edit: str = "⏳ edit waiting to be sent"
    waiting_delete: str = "⏳ being deleted"
    format_age: AgeFormatter = english_age
    new_comment: str = "● new"
    """Beside a comment that came after the reader last read the post."""
    format_when: AgeFormatter = english_when
    """The full date and time, for the post's header."""


ENGLISH = PostStrings()

DUTCH = PostStrings(
    language="nl",
    by_author="Door {author}",
    in_group="in de groep {group}",
    voted="je hebt gestemd",
    voted_up="je stemde voor",
    voted_down="je stemde tegen",
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
    new_comment="● nieuw",
)
