"""A synthetic offline cache of any size, written through the Store as a sync would:
items of every kind in the mix of the generated local site (`--demo-items`).

The same count gives the same cache: words, titles, bodies and comments come from
a seeded generator. Word frequencies follow Zipf's law, as in real prose, so a
search for a common word matches a large share of the cache and a rare one a few
posts: `COMMON_WORD`, `MIDDLE_WORD` and `RARE_WORD` name such words.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from itertools import accumulate
from pathlib import Path

from pleio_tui.api.parse_content import UNCOMMENTED as PLEIO_UNCOMMENTED
from pleio_tui.models import Blog, Comment, ContentDetails, Group, Membership, User
from pleio_tui.server.demo_generated_kinds import MIX, SITE_WIDE
from pleio_tui.store import Store

SEED = 20240521
BATCH = 500
GROUP_COUNT = 20
START = datetime(2019, 1, 1, tzinfo=UTC)
_SYLLABLES = (
    "be", "ver", "ge", "over", "heid", "ing", "lijk", "werk", "stel", "zaak", "raad", "data",
    "plan", "wet", "net", "dienst", "keten", "regel", "team", "wijk", "burger", "gemeen",
    "pro", "vin", "cie", "dig", "itaal", "open", "bron", "kennis", "beleid", "uit", "voer",
)  # fmt: skip
VOCABULARY_SIZE = 30_000


def _vocabulary() -> list[str]:
    rng = random.Random(SEED)
    words: list[str] = []
    seen: set[str] = set()
    while len(words) < VOCABULARY_SIZE:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


WORDS = _vocabulary()
_CUMULATIVE_WEIGHTS = list(accumulate(1.0 / (rank + 1) for rank in range(VOCABULARY_SIZE)))
STOPWORD = WORDS[0]
"""In nearly every document, as "de" or "het" would be."""
UNCOMMENTED = PLEIO_UNCOMMENTED | {"file"}
"""As on the generated local site: files are commentable, but seldom commented."""
USERS = tuple(User(guid=f"user-{n}", name=f"Ambtenaar {n}") for n in range(200))


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choices(WORDS, cum_weights=_CUMULATIVE_WEIGHTS, k=count))


def _tiptap(paragraphs: Sequence[str]) -> str:
    content = [
        {"type": "paragraph", "content": [{"type": "text", "text": text}]} for text in paragraphs
    ]
    return json.dumps({"type": "doc", "content": content})


def group_guid(number: int) -> str:
    return f"group-{number % GROUP_COUNT}"


def groups() -> list[Group]:
    return [
        Group(
            guid=group_guid(number),
            name=f"Kennisnetwerk {number}",
            membership=Membership.JOINED if number < 3 else Membership.NOT_JOINED,
            member_count=40 + number,
        )
        for number in range(GROUP_COUNT)
    ]


def _comment(rng: random.Random, blog_guid: str, number: int, when: datetime) -> Comment:
    text = _words(rng, rng.randint(15, 60))
    return Comment(
        guid=f"{blog_guid}-c{number}",
        blog_guid=blog_guid,
        parent_guid=blog_guid,
        rich_description=_tiptap([text]),
        description=text,
        time_created=when + timedelta(hours=number + 1),
        owner=rng.choice(USERS),
    )


def _kind(rng: random.Random) -> str:
    return rng.choices([kind for kind, _ in MIX], weights=[percent for _, percent in MIX])[0]


def _details(kind: str, number: int, rng: random.Random, when: datetime) -> ContentDetails:
    """What only this kind has: an event's date and place, a wiki page's parent,
    a file's size and folder (earlier items of the same group, by number)."""
    earlier = number - GROUP_COUNT * rng.randint(1, 40)
    if kind == "event":
        start = when + timedelta(days=rng.randint(7, 60))
        return ContentDetails(
            start_date=start, end_date=start + timedelta(hours=2), location=_words(rng, 3)
        )
    if kind == "question":
        return ContentDetails(is_closed=rng.random() < 0.1)
    if kind == "wiki" and earlier >= 0:
        return ContentDetails(parent=(item_guid(earlier), _words(rng, 3)))
    if kind == "file":
        folder = (item_guid(earlier), _words(rng, 2)) if earlier >= 0 else None
        return ContentDetails(
            size=rng.randint(10_000, 5_000_000), mime_type="application/pdf", folder=folder
        )
    return ContentDetails()


def item_guid(number: int) -> str:
    return f"item-{number:06d}"


def item(number: int, comments_per_item: float = 1.0) -> Blog:
    """Item `number` of the synthetic site, of a kind drawn from the mix of the
    generated local site (mostly blogs, discussions and questions): about 1 KiB
    of text (a few words for a status update, none for a folder) and, on average,
    `comments_per_item` comments (none on wiki pages, files and folders)."""
    rng = random.Random(SEED * 1_000_003 + number)
    guid = item_guid(number)
    kind = _kind(rng)
    when = START + timedelta(minutes=30 * number)
    paragraph_count = {"statusupdate": 1, "file": 1, "folder": 0}.get(kind, 3)
    paragraphs = [_words(rng, rng.randint(30, 60)) for _ in range(paragraph_count)]
    comment_count = 0 if kind in UNCOMMENTED else rng.randint(0, round(2 * comments_per_item))
    group: str | None = None if kind in SITE_WIDE else group_guid(number)
    return Blog(
        guid=guid,
        title="" if kind == "statusupdate" else _words(rng, rng.randint(4, 9)).capitalize(),
        url=f"/{kind}/view/{guid}/synthetic",
        rich_description=_tiptap(paragraphs) if paragraphs else None,
        description="\n\n".join(paragraphs),
        time_created=when,
        time_published=when,
        group_guid=group,
        group_name=None if group is None else f"Kennisnetwerk {group.removeprefix('group-')}",
        owner=rng.choice(USERS),
        can_comment=kind not in UNCOMMENTED,
        comment_count=comment_count,
        comments=tuple(_comment(rng, guid, n, when) for n in range(comment_count)),
        subtype=kind,
        details=_details(kind, number, rng, when),
    )


def items(count: int) -> Iterator[list[Blog]]:
    for start in range(0, count, BATCH):
        yield [item(number) for number in range(start, min(count, start + BATCH))]


GENERATOR_VERSION = 2
"""Bump when the generated content changes, so kept caches are rebuilt."""


def build_cache(path: Path, item_count: int) -> Path:
    """A cache file at `path` holding `item_count` items with their comments."""
    with Store.open(path) as store:
        store.upsert_groups(groups())
        for batch in items(item_count):
            store.upsert_blogs(batch)
    return path


def kept_cache(directory: Path, item_count: int, *, fresh: bool = False) -> Path:
    """The cache of `item_count` items in `directory`, built only when missing
    (or when `fresh`): 100,000 items take about a minute to write."""
    path = directory / f"synthetic-v{GENERATOR_VERSION}-{item_count}.sqlite3"
    if path.exists() and not fresh:
        return path
    directory.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    for leftover in directory.glob(partial.name + "*"):
        leftover.unlink()
    build_cache(partial, item_count)  # closing the Store folds the WAL into the file
    partial.replace(path)
    return path
