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
