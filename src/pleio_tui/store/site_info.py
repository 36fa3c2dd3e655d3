"""The site's own settings and who the viewer is, for starting offline."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pleio_tui.models import AccessOption, Site, User, Viewer
from pleio_tui.store.base import StoreBase
from pleio_tui.store.outbox_authors import assign_unassigned
from pleio_tui.store.users import save_user


def _site_to_json(site: Site) -> str:
    return json.dumps(
        {
            "guid": site.guid,
            "name": site.name,
            "language": site.language,
            "default_access_id": site.default_access_id,
            "access_ids": [[opt.id, opt.description] for opt in site.access_ids],
        },
        ensure_ascii=False,
    )


def _site_from_json(text: str) -> Site:
    data: dict[str, Any] = json.loads(text)
    return Site(
        guid=data["guid"],
        name=data["name"],
        language=data["language"],
        default_access_id=data["default_access_id"],
        access_ids=tuple(
            AccessOption(id=oid, description=desc) for oid, desc in data["access_ids"]
        ),
    )


def _viewer_to_json(viewer: Viewer) -> str:
    user = viewer.user
    return json.dumps(
        {
            "logged_in": viewer.logged_in,
            "is_admin": viewer.is_admin,
            "user": None
            if user is None
            else {
                "guid": user.guid,
                "name": user.name,
                "username": user.username,
                "icon": user.icon,
                "url": user.url,
            },
        },
        ensure_ascii=False,
    )


def _viewer_from_json(text: str) -> Viewer:
    data: dict[str, Any] = json.loads(text)
    user = data["user"]
    return Viewer(
        logged_in=data["logged_in"],
        is_admin=data["is_admin"],
        user=None if user is None else User(**user),
    )


def _put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO site_info (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


class SiteInfoMixin(StoreBase):
    def save_site(self, site: Site) -> None:
        self._put("site", _site_to_json(site))

    def load_site(self) -> Site | None:
        text = self._get("site")
        return None if text is None else _site_from_json(text)

    def save_viewer(self, viewer: Viewer) -> None:
        """The account logged in (or a visitor). Outbox items that had no author
        yet become the one the cache held before, else this one's; the account is
        kept among the users, so that items waiting for it can name it later."""
        user = viewer.user
        with self._write() as conn:
            assign_unassigned(conn, None if user is None else user.guid)
            save_user(conn, user)
            _put(conn, "viewer", _viewer_to_json(viewer))

    def load_viewer(self) -> Viewer | None:
        text = self._get("viewer")
        return None if text is None else _viewer_from_json(text)

    def _put(self, key: str, value: str) -> None:
        with self._write() as conn:
            _put(conn, key, value)

    def _get(self, key: str) -> str | None:
        value: str | None = self._scalar("SELECT value FROM site_info WHERE key = ?", (key,))
        return value
