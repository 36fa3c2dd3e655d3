"""What the generated site (`--demo-items N`) gives each kind beside blogs: the
mix of kinds in a busy group, and each item's title, body length and extra fields
(an event's date and place, a wiki page's parent, a file's folder and size, a
question's best answer). Drawn from the caller's seeded generator, so the same N
gives the same site."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from pleio_tui.server.timestamps import to_iso

MIX: tuple[tuple[str, int], ...] = (
    ("blog", 30),
    ("discussion", 25),
    ("question", 15),
    ("news", 5),
    ("event", 6),
    ("wiki", 7),
    ("statusupdate", 7),
    ("file", 4),
    ("folder", 1),
)
"""Percentages of a busy group's content: mostly blogs, discussions and
questions, some news, events, wiki pages, status updates and files."""
MIX_TEXT = ", ".join(f"{percent}% {kind}" for kind, percent in MIX)
UNCOMMENTED = frozenset({"wiki", "folder", "file"})
SITE_WIDE = frozenset({"news"})
"""Pleio's news belongs to the site, not to a group."""

LOCATIONS = (
    "Stadhuis, Spui 70, Den Haag",
    "Provinciehuis, Markt 11, Maastricht",
    "Gemeentehuis, Stationsplein 1, Zwolle",
    "Online (Teams)",
    "Rijkskantoor De Knoop, Croeselaan 2, Utrecht",
)
FOLDER_NAMES = ("Verslagen", "Presentaties", "Beleidsstukken", "Sjablonen", "Onderzoek")
FILE_KINDS = {"txt": "text/plain", "csv": "text/csv", "md": "text/markdown"}


def pick_kind(rng: random.Random) -> str:
    kinds = [kind for kind, _ in MIX]
    return rng.choices(kinds, weights=[percent for _, percent in MIX])[0]


@dataclass
class Trees:
    """Earlier wiki pages and folders, to hang new pages and files under."""

    wiki_pages: list[str] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)


def title_for(kind: str, rng: random.Random, topic: str, angle: str) -> str:
    if kind == "question":
        return f"{topic}: {angle}?".replace("??", "?")
    if kind == "event":
        return f"Netwerkbijeenkomst {topic.lower()}"
    if kind == "wiki":
        return f"Handboek {topic.lower()}"
    if kind == "statusupdate":
        return ""
    if kind == "folder":
        return f"{rng.choice(FOLDER_NAMES)} {topic.lower()}"
    if kind == "file":
        extension = rng.choice(tuple(FILE_KINDS))
        return f"{topic.lower().replace(' ', '-')}-{rng.randint(1, 99):02d}.{extension}"
    return f"{topic}: {angle}"


def paragraph_count(kind: str, usual: int) -> int:
    """Status updates and a file's description are a few sentences; folders
    have no body."""
    if kind in ("statusupdate", "file"):
        return 1
    if kind == "folder":
        return 0
    return usual


def extra_for(
    kind: str, guid: str, title: str, rng: random.Random, published: datetime, trees: Trees
) -> dict[str, Any]:
    """The extra fields of a new item of `kind`; remembers pages and folders."""
    extra: dict[str, Any] = {}
    if kind == "event":
        start = (published + timedelta(days=rng.randint(7, 60))).replace(
            hour=rng.choice((10, 13, 15)), minute=0, second=0, microsecond=0
        )
        extra["start_date"] = to_iso(start)
        extra["end_date"] = to_iso(start + timedelta(hours=rng.choice((1, 2, 3))))
        extra["location"] = rng.choice(LOCATIONS)
    elif kind == "question" and rng.random() < 0.1:
        extra["is_closed"] = True
    elif kind == "wiki":
        if trees.wiki_pages and rng.random() < 0.7:
            extra["parent"] = rng.choice(trees.wiki_pages[-20:])
        trees.wiki_pages.append(guid)
    elif kind == "folder":
        trees.folders.append(guid)
    elif kind == "file":
        if trees.folders and rng.random() < 0.6:
            extra["parent_folder"] = rng.choice(trees.folders[-5:])
        extra["mime_type"] = FILE_KINDS.get(title.rsplit(".", 1)[-1], "text/plain")
    return extra


def file_bytes(title: str, paragraphs: list[str]) -> bytes:
    """A file's contents: its name and its description, as text."""
    return "\n\n".join((title, *paragraphs)).encode("utf-8")
