"""`--demo-blogs N`: N generated blogs with comments in one big group, for
measuring the client on a site of realistic size; `--demo-items N`: N items of
every kind in the same way (demo_generated_kinds.py holds the mix). The same N
gives the same content (titles, bodies, authors, comments) every time."""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pleio_tui.server import demo_generated_kinds as kinds
from pleio_tui.server import repository as repo
from pleio_tui.server.timestamps import to_iso

GROUP_NAME = "Kennisnetwerk Digitale Overheid"
GROUP_DESCRIPTION = (
    "Een netwerk van ambtenaren die werken aan digitale dienstverlening, data en "
    "informatievoorziening. Deel je praktijk, vraag collega's om raad."
)
GROUP_OWNER = "pieter"
GROUP_MEMBERS = ("hadewych", "marieke", "fatima", "joost")
SEED = 20240521
SPAN_DAYS = 3 * 365

SUBJECTS = (
    "de gemeente",
    "het waterschap",
    "de provincie",
    "ons team",
    "de uitvoering",
    "de burger",
    "de ondernemer",
    "het ministerie",
    "de regio",
    "het wijkteam",
    "de informatieadviseur",
    "het datateam",
    "het klantcontactcentrum",
    "de raad",
)
VERBS = (
    "onderzoekt",
    "verbetert",
    "herziet",
    "bespreekt",
    "vereenvoudigt",
    "meet",
    "deelt",
    "ontwerpt",
    "test",
    "evalueert",
    "begeleidt",
    "automatiseert",
)
OBJECTS = (
    "de digitale formulieren",
    "het zaakgericht werken",
    "de open data",
    "de API-strategie",
    "de toegankelijkheid van de website",
    "het informatiebeheer",
    "de privacytoets",
    "het archief",
    "de datakwaliteit",
    "de inkoop van software",
    "de digitale inclusie",
    "de berichtenbox",
    "de basisregistraties",
    "het algoritmeregister",
    "de cloudstrategie",
)
MANNERS = (
    "samen met inwoners",
    "in kleine stappen",
    "met een proeftuin",
    "zonder extra budget",
    "op basis van gebruikersonderzoek",
    "met hulp van de VNG",
    "in drie sprints",
    "volgens de Common Ground-principes",
    "met open source",
    "met een vast team",
)
OPINIONS = (
    "Dat levert meer op dan we dachten.",
    "Het kost tijd, maar het loont.",
    "Niet alles ging in één keer goed.",
    "De eerste resultaten zijn bemoedigend.",
    "We leren vooral van wat misging.",
    "Collega's reageren enthousiast.",
    "Het vraagt om een andere manier van werken.",
    "Er zijn nog veel vragen open.",
)
QUESTIONS = (
    "Hoe pakken jullie dit aan?",
    "Wie heeft hier ervaring mee?",
    "Wat zouden jullie anders doen?",
    "Herkennen jullie dit?",
)
TITLE_TOPICS = (
    "Zaakgericht werken",
    "Open data",
    "Digitale toegankelijkheid",
    "Informatiebeheer",
    "Datakwaliteit",
    "Common Ground",
    "Digitale inclusie",
    "Algoritmeregister",
    "Cloudbeleid",
    "Berichtenbox",
    "Basisregistraties",
    "Privacy by design",
    "Gebruikersonderzoek",
    "Archivering",
    "Informatieveiligheid",
    "API's",
)
TITLE_ANGLES = (
    "lessen uit de praktijk",
    "waar beginnen we?",
    "een tussenstand",
    "wat werkt wel en wat niet",
    "vijf vragen aan een collega",
    "van pilot naar praktijk",
    "de eerste honderd dagen",
    "een kijkje in de keuken",
    "meer dan techniek",
    "wat de burger ervan merkt",
)
COMMENT_LINES = (
    "Goed stuk, dank voor het delen.",
    "Dit herken ik van onze eigen organisatie.",
    "Heb je de aanpak ergens op papier staan?",
    "Interessant, we zitten in dezelfde fase.",
    "Mooi voorbeeld. Mag ik dit doorsturen aan mijn team?",
    "Hoe hebben jullie de bestuurders meegekregen?",
    "Wij liepen tegen dezelfde problemen aan.",
    "Zou je dit op de volgende netwerkbijeenkomst willen toelichten?",
)
REPLY_LINES = (
    "Zeker, ik stuur je een bericht.",
    "Goede vraag, daar schrijf ik binnenkort over.",
    "Dank je! Laten we het er eens over hebben.",
    "Ja, de aanpak staat op de intranetpagina.",
)


def _sentence(rng: random.Random) -> str:
    text = (
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(MANNERS)}."
    )
    return text[0].upper() + text[1:]


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.5:
        sentences.append(rng.choice(OPINIONS))
    return " ".join(sentences)


def _paragraph_count(rng: random.Random) -> int:
    # Mostly short posts, some long reads.
    return rng.choices((1, 2, 3, 5, 8, 14, 25), weights=(10, 25, 25, 20, 10, 7, 3))[0]


def _tiptap(paragraphs: Sequence[str]) -> str:
    content = [{"type": "paragraph", "content": [{"type": "text", "text": p}]} for p in paragraphs]
    return json.dumps({"type": "doc", "content": content}, ensure_ascii=False)


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass(frozen=True, slots=True)
class _Comment:
    guid: str
    parent_guid: str | None
    owner: str
    text: str
    hours_after: float


def _comments(rng: random.Random, authors: Sequence[str]) -> Iterator[_Comment]:
    for _ in range(rng.choices((0, 1, 2, 3, 4), weights=(15, 30, 25, 20, 10))[0]):
        parent = _Comment(
            _guid(rng), None, rng.choice(authors), rng.choice(COMMENT_LINES), rng.uniform(1, 72)
        )
        yield parent
        if rng.random() < 0.3:
            yield _Comment(
                _guid(rng),
                parent.guid,
                rng.choice(authors),
                rng.choice(REPLY_LINES),
                parent.hours_after + rng.uniform(1, 24),
            )


def _ensure_group(conn: sqlite3.Connection, users: dict[str, str], created: str) -> str:
    row = conn.execute("SELECT id FROM groups WHERE name = ?", (GROUP_NAME,)).fetchone()
    if row is not None:
        return str(row[0])
    guid = repo.new_guid()
    rich = _tiptap([GROUP_DESCRIPTION])
    conn.execute(
        "INSERT INTO groups (id, name, rich_description, description, tags, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (guid, GROUP_NAME, rich, GROUP_DESCRIPTION, json.dumps(["digitale overheid"]), created),
    )
    repo.set_membership(conn, guid, users[GROUP_OWNER], "owner", created)
    for username in GROUP_MEMBERS:
        repo.set_membership(conn, guid, users[username], "member", created)
    return guid


def seed_generated_blogs(
    conn: sqlite3.Connection, count: int, users: dict[str, str], now: datetime
) -> str:
    """Insert `count` blogs into the network group (created if needed); returns its guid.
    The caller holds the transaction: one for all rows keeps 10,000 blogs fast."""
    return _seed(conn, count, users, now, mixed=False)


def seed_generated_items(
    conn: sqlite3.Connection, count: int, users: dict[str, str], now: datetime
) -> str:
    """As `seed_generated_blogs`, with `count` items of every kind in the mix of
    `demo_generated_kinds.MIX` (news beside the group, as Pleio keeps it)."""
    return _seed(conn, count, users, now, mixed=True)


@dataclass
class _Rows:
    items: list[tuple[object, ...]] = field(default_factory=list)
    comments: list[tuple[object, ...]] = field(default_factory=list)
    votes: list[tuple[object, ...]] = field(default_factory=list)
    files: list[tuple[object, ...]] = field(default_factory=list)


def _thread(
    rows: _Rows,
    guid: str,
    rng: random.Random,
    authors: Sequence[str],
    users: dict[str, str],
    published: datetime,
    now: datetime,
) -> tuple[datetime, str | None]:
    """The item's comments into `rows`; its last action and its first comment."""
    last_action = published
    first: str | None = None
    comments = list(_comments(rng, authors))
    latest = max((comment.hours_after for comment in comments), default=0.0)
    # Comments on the newest items would land in the future: their times shrink
    # towards the item's publication, so that they stay in order and every item
    # keeps its own last action (held all at `now`, hundreds of items would tie).
    squeeze = min(1.0, (now - published) / timedelta(hours=latest + 1)) if latest else 1.0
    for comment in comments:
        moment = published + timedelta(hours=comment.hours_after * squeeze)
        last_action = max(last_action, moment)
        moment_iso = to_iso(moment)
        if first is None:
            first = comment.guid
        rows.comments.append(
            (
                comment.guid,
                guid,
                comment.parent_guid,
                users[comment.owner],
                _tiptap([comment.text]),
                comment.text,
                moment_iso,
                moment_iso,
            )
        )
    return last_action, first


def _seed(
    conn: sqlite3.Connection, count: int, users: dict[str, str], now: datetime, *, mixed: bool
) -> str:
    rng = random.Random(SEED)
    group_guid = _ensure_group(conn, users, to_iso(now - timedelta(days=SPAN_DAYS + 30)))
    authors = (GROUP_OWNER, *GROUP_MEMBERS)
    rows = _Rows()
    trees = kinds.Trees()
    for index in range(count):
        guid = _guid(rng)
        kind = kinds.pick_kind(rng) if mixed else "blog"
        topic, angle = rng.choice(TITLE_TOPICS), rng.choice(TITLE_ANGLES)
        title = kinds.title_for(kind, rng, topic, angle)
        usual = _paragraph_count(rng)
        paragraphs = [_paragraph(rng) for _ in range(kinds.paragraph_count(kind, usual))]
        if kind in ("blog", "discussion") and rng.random() < 0.3:
            paragraphs.append(rng.choice(QUESTIONS))
        # Spread evenly over the span, oldest first, so that index order is time order.
        published = now - timedelta(days=SPAN_DAYS * (count - index) / count)
        published_iso = to_iso(published)
        extra = kinds.extra_for(kind, guid, title, rng, published, trees)
        last_action, first_comment = published, None
        if kind not in kinds.UNCOMMENTED:
            last_action, first_comment = _thread(rows, guid, rng, authors, users, published, now)
        if kind == "question" and first_comment is not None and rng.random() < 0.5:
            extra["best_answer"] = first_comment
        if kind == "file":
            content = kinds.file_bytes(title, paragraphs)
            extra["size"] = len(content)
            rows.files.append((guid, content))
        for voter in rng.sample(authors, rng.randint(0, 3)):
            rows.votes.append((guid, users[voter], 1 if rng.random() < 0.85 else -1))
        rows.items.append(
            (
                guid,
                users[rng.choice(authors)],
                None if kind in kinds.SITE_WIDE else group_guid,
                title,
                _tiptap(paragraphs) if paragraphs else None,
                "\n\n".join(paragraphs),
                json.dumps(["digitale overheid"]),
                rng.choice((1, 2)),
                published_iso,
                published_iso,
                published_iso,
                to_iso(last_action),
                kind,
                json.dumps(extra),
            )
        )
        if len(rows.items) >= INSERT_BATCH:
            _insert(conn, rows)
    _insert(conn, rows)
    return group_guid


INSERT_BATCH = 5000
"""Items held before they are written: 100,000 at once would hold about a gigabyte."""


def _insert(conn: sqlite3.Connection, rows: _Rows) -> None:
    """Write the rows and empty the lists."""
    conn.executemany(
        "INSERT INTO blogs (id, owner_id, group_id, title, rich_description, description, tags,"
        " access_id, write_access_id, created_at, updated_at, published_at, last_action,"
        " subtype, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
        rows.items,
    )
    conn.executemany(
        "INSERT INTO comments (id, blog_id, parent_id, owner_id, rich_description, description,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows.comments,
    )
    conn.executemany("INSERT INTO votes (entity_id, user_id, score) VALUES (?, ?, ?)", rows.votes)
    conn.executemany("INSERT INTO file_contents (file_id, content) VALUES (?, ?)", rows.files)
    for batch in (rows.items, rows.comments, rows.votes, rows.files):
        batch.clear()
