"""What every resolver gets: the database, who is asking, and how the site is set up."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from pleio_tui.server.records import UserRecord

FULL_MEMBER_ROLES = frozenset({"owner", "admin", "member"})
GROUP_WRITER_ROLES = frozenset({"owner", "admin"})


@dataclass(frozen=True, slots=True)
class Viewer:
    user: UserRecord | None
    roles: dict[str, str] = field(default_factory=dict)
    """Group guid -> this user's role there (pending included)."""

    @property
    def logged_in(self) -> bool:
        return self.user is not None

    @property
    def is_admin(self) -> bool:
        return self.user is not None and self.user.is_admin

    @property
    def user_id(self) -> str | None:
        return None if self.user is None else self.user.guid

    def role_in(self, group_id: str) -> str | None:
        return self.roles.get(group_id)

    def is_full_member(self, group_id: str) -> bool:
        return self.roles.get(group_id) in FULL_MEMBER_ROLES

    def full_member_groups(self) -> list[str]:
        return [group for group, role in self.roles.items() if role in FULL_MEMBER_ROLES]


ANONYMOUS = Viewer(user=None)


@dataclass(frozen=True, slots=True)
class RequestContext:
    conn: sqlite3.Connection
    viewer: Viewer
    site_is_closed: bool


def load_viewer(conn: sqlite3.Connection, user: UserRecord | None) -> Viewer:
    if user is None:
        return ANONYMOUS
    rows = conn.execute(
        "SELECT group_id, role FROM memberships WHERE user_id = ?", (user.guid,)
    ).fetchall()
    return Viewer(user=user, roles={row["group_id"]: row["role"] for row in rows})
