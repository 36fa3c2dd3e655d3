"""Every kind of content beside blogs in the cache: the `details` of its kind as
JSON beside its row in `blogs` (which holds all kinds, each with its subtype),
and the reads that only some kinds need."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any

from pleio_tui.models import Blog, ContentDetails, OutboxItem, OutboxKind
from pleio_tui.store.base import StoreBase
from pleio_tui.store.outbox import insert_item

BLOG = "blog"


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _pair(value: Any) -> tuple[str, str] | None:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return value[0], value[1]
    return None


def details_to_db(details: ContentDetails) -> str | None:
    """None for the empty details (every blog): nothing to store. A path is
    found in the cache when read, never stored."""
    details = details._replace(path=())
    if details == ContentDetails():
        return None
    values = details._asdict()
    del values["path"]
    for key in ("start_date", "end_date"):
        if values[key] is not None:
            values[key] = values[key].isoformat()
    return json.dumps(values, separators=(",", ":"))


def details_from_db(text: str | None) -> ContentDetails:
    if not text:
        return ContentDetails()
    try:
        values = json.loads(text)
    except ValueError:
        return ContentDetails()
    if not isinstance(values, dict):
        return ContentDetails()
    known = {k: v for k, v in values.items() if k in ContentDetails._fields and k != "path"}
    known["start_date"] = _time(known.get("start_date"))
    known["end_date"] = _time(known.get("end_date"))
    for key in ("parent", "folder"):
        known[key] = _pair(known.get(key))
    known["children"] = tuple(
        p for p in (_pair(child) for child in known.get("children") or ()) if p is not None
    )
    return ContentDetails(**known)


MAX_DEPTH = 30
"""Ancestors followed at most: a cycle the site let through ends here too."""
_FOLDER_CONTENTS = """
SELECT guid, title FROM blogs
 WHERE subtype IN ('folder', 'file') AND json_extract(details, '$.folder[0]') = ?
 ORDER BY subtype = 'file', title COLLATE NOCASE
"""


def _ancestors(
    conn: sqlite3.Connection, nearest: tuple[str, str], key: str
) -> tuple[tuple[str, str], ...]:
    """From the nearest ancestor up, by the cached items' own `key` ("parent" for
    wiki pages, "folder" for files and folders); the top first. An ancestor not
    in the cache ends the path with the name its child knows it by."""
    path: list[tuple[str, str]] = []
    step: tuple[str, str] | None = nearest
    while step is not None and len(path) < MAX_DEPTH and step[0] not in dict(path):
        row = conn.execute("SELECT title, details FROM blogs WHERE guid = ?", (step[0],)).fetchone()
        if row is None:
            path.append(step)
            break
        path.append((step[0], row[0]))
        step = getattr(details_from_db(row[1]), key)
    return tuple(reversed(path))


def with_place(conn: sqlite3.Connection, item: Blog) -> Blog:
    """A wiki page with its whole path; a file or folder with its folders; a
    folder with what it holds (folders first, then files, by name)."""
    details = item.details
    if item.subtype == "wiki" and details.parent is not None:
        details = details._replace(path=_ancestors(conn, details.parent, "parent"))
    elif item.subtype in ("file", "folder") and details.folder is not None:
        details = details._replace(path=_ancestors(conn, details.folder, "folder"))
    if item.subtype == "folder":
        rows = conn.execute(_FOLDER_CONTENTS, (item.guid,)).fetchall()
        details = details._replace(children=tuple((row[0], row[1]) for row in rows))
    return item if details is item.details else item._replace(details=details)


class ContentCacheMixin(StoreBase):
    def content_count(self, subtypes: tuple[str, ...] | None = None) -> int:
        """Cached items of the kinds beside blogs (of `subtypes`, when given),
        archived ones left out, as the site counts what it lists."""
        if subtypes is None:
            return int(
                self._scalar(
                    "SELECT count(*) FROM blogs WHERE subtype <> 'blog'"
                    " AND status_published <> 'archived'",
                    (),
                )
            )
        marks = ", ".join("?" for _ in subtypes)
        return int(
            self._scalar(
                f"SELECT count(*) FROM blogs WHERE subtype IN ({marks})"
                " AND status_published <> 'archived'",
                subtypes,
            )
        )

    def content_guids(self) -> set[str]:
        """Cached, not archived items of the kinds beside blogs."""
        rows = self._rows(
            "SELECT guid FROM blogs WHERE subtype <> 'blog' AND status_published <> 'archived'",
            (),
        )
        return {row[0] for row in rows}

    def set_attendance(self, guid: str, state: str | None) -> None:
        """Show my answer to an event before the site confirms it."""
        with self._write() as conn:
            _change_details(conn, guid, is_attending=state)

    def set_best_answer(self, guid: str, answer_guid: str | None) -> None:
        """Show a question's best answer before the site confirms it."""
        with self._write() as conn:
            _change_details(conn, guid, best_answer_guid=answer_guid)

    def queue_attendance(self, guid: str, state: str) -> OutboxItem:
        """Queue my answer to an event and show it at once, in one transaction: a
        crash or a full disk keeps both or neither."""
        with self._write() as conn:
            item = insert_item(conn, OutboxKind.ATTEND, guid, state, "", 0, None, None)
            _change_details(conn, guid, is_attending=state)
            return item

    def queue_best_answer(self, question: str, answer: str, *, choose: bool) -> OutboxItem:
        """Queue making `answer` the question's best answer (or not any more) and
        show it at once, in one transaction."""
        with self._write() as conn:
            item = insert_item(
                conn, OutboxKind.BEST_ANSWER, answer, "", "", int(choose), None, question
            )
            _change_details(conn, question, best_answer_guid=answer if choose else None)
            return item


def _change_details(conn: sqlite3.Connection, guid: str, **changes: Any) -> None:
    row = conn.execute("SELECT details FROM blogs WHERE guid = ?", (guid,)).fetchone()
    if row is None:
        return
    details = details_from_db(row[0])._replace(**changes)
    conn.execute("UPDATE blogs SET details = ? WHERE guid = ?", (details_to_db(details), guid))
