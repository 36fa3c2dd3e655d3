"""Accounts and sessions: scrypt password hashes, and `sessionid` cookies whose
keys are stored hashed so that a copy of the database logs nobody in."""

from __future__ import annotations

import asyncio
import base64
import functools
import hashlib
import hmac
import secrets
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

from pleio_tui.server import notifications
from pleio_tui.server.records import UserRecord
from pleio_tui.server.repository import new_guid
from pleio_tui.server.timestamps import now_iso, to_iso

SESSION_COOKIE = "sessionid"
SESSION_LIFETIME = timedelta(weeks=2)
# Cheap enough for a test suite that logs in hundreds of times, still a real KDF.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
# scrypt lets go of the GIL: a thread of its own keeps a burst of logins off the
# event loop, one at a time, so that a burst takes one core and 16 MiB, not all.
_hashing = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pleio-site-scrypt")


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    encode = base64.b64encode
    return f"scrypt${SCRYPT_N}${encode(salt).decode()}${encode(digest).decode()}"


def password_matches(password: str, stored: str) -> bool:
    scheme, n, salt_text, digest_text = stored.split("$")
    if scheme != "scrypt":
        return False
    digest = hashlib.scrypt(
        password.encode(), salt=base64.b64decode(salt_text), n=int(n), r=SCRYPT_R, p=SCRYPT_P
    )
    return hmac.compare_digest(digest, base64.b64decode(digest_text))


def create_user(
    conn: sqlite3.Connection,
    username: str,
    name: str,
    password: str,
    *,
    is_admin: bool = False,
    password_hash: str | None = None,
) -> str:
    guid = new_guid()
    conn.execute(
        "INSERT INTO users (id, username, name, password_hash, is_admin, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (guid, username, name, password_hash or hash_password(password), int(is_admin), now_iso()),
    )
    notifications.welcome(conn, guid, now_iso())
    return guid


@functools.cache
def _unknown_user_hash() -> str:
    """What a password is checked against for a username nobody has: the same
    work as for a real account, so the answer's timing names no usernames."""
    return hash_password(secrets.token_urlsafe(16))


def _login_candidate(conn: sqlite3.Connection, username: str) -> tuple[UserRecord | None, str]:
    row = conn.execute("SELECT * FROM users WHERE username = ?", (username,)).fetchone()
    if row is None:
        return None, ""
    return UserRecord.from_row(row), str(row["password_hash"])


def _matches(password: str, stored: str) -> bool:
    """password_matches, against the unknown-user hash when there is no account."""
    return password_matches(password, stored or _unknown_user_hash()) and bool(stored)


async def check_login(conn: sqlite3.Connection, username: str, password: str) -> UserRecord | None:
    """The user these credentials are for, or None. The password is hashed in a
    worker thread; the database is read on the calling (event loop) thread."""
    user, stored = _login_candidate(conn, username)
    loop = asyncio.get_running_loop()
    matches = await loop.run_in_executor(_hashing, _matches, password, stored)
    return user if matches else None


def _key_hash(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()


def open_session(conn: sqlite3.Connection, user_id: str) -> str:
    session_key = secrets.token_urlsafe(32)
    expires = to_iso(datetime.now(UTC) + SESSION_LIFETIME)
    with conn:
        conn.execute(
            "INSERT INTO sessions (key_hash, user_id, expires_at) VALUES (?, ?, ?)",
            (_key_hash(session_key), user_id, expires),
        )
    return session_key


def session_user(conn: sqlite3.Connection, session_key: str | None) -> UserRecord | None:
    if not session_key:
        return None
    row = conn.execute(
        "SELECT u.* FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.key_hash = ? AND s.expires_at > ?",
        (_key_hash(session_key), now_iso()),
    ).fetchone()
    return None if row is None else UserRecord.from_row(row)


def close_session(conn: sqlite3.Connection, session_key: str | None) -> None:
    if session_key:
        with conn:
            conn.execute("DELETE FROM sessions WHERE key_hash = ?", (_key_hash(session_key),))


def prepare_hashing() -> None:
    """Make the unknown-user hash in the background, before the first login needs it."""
    _hashing.submit(_unknown_user_hash)
