"""The site's own settings, written once into a new data directory."""

from __future__ import annotations

import sqlite3

from pleio_tui.server import db
from pleio_tui.server.repository import new_guid

DEFAULT_SITE_NAME = "Pleio lokaal"


def ensure_site_settings(conn: sqlite3.Connection, name: str = DEFAULT_SITE_NAME) -> None:
    with conn:
        if db.get_setting(conn, "site_guid") is None:
            db.put_setting(conn, "site_guid", new_guid())
        if db.get_setting(conn, "site_name") is None:
            db.put_setting(conn, "site_name", name)


BEST_ANSWERS_KEY = "questioner_can_choose_best_answer"
"""Pleio's QUESTIONER_CAN_CHOOSE_BEST_ANSWER: off unless a site turns it on. While
off nobody, not even a site admin, chooses a best answer, and none is put first."""


def best_answers_enabled(conn: sqlite3.Connection) -> bool:
    return db.get_setting(conn, BEST_ANSWERS_KEY) == "1"


def set_best_answers(conn: sqlite3.Connection, enabled: bool) -> None:
    with conn:
        db.put_setting(conn, BEST_ANSWERS_KEY, "1" if enabled else "0")
