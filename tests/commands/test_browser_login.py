"""`login --from-browser`: the session read from a browser's cookie store (a
Firefox profile, a Chromium profile encrypted with Linux's "peanuts" v10 key),
checked with the site, kept in the keyring, never printed."""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from pathlib import Path

import pytest
from command_helpers import cli

from pleio_tui.config import load_config
from pleio_tui.credentials import load_session
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite

pytest.importorskip("rookiepy")

FIREFOX_SCHEMA = """
CREATE TABLE moz_cookies (
    id INTEGER PRIMARY KEY, originAttributes TEXT NOT NULL DEFAULT '', name TEXT,
    value TEXT, host TEXT, path TEXT, expiry INTEGER, lastAccessed INTEGER,
    creationTime INTEGER, isSecure INTEGER, isHttpOnly INTEGER,
    inBrowserElement INTEGER DEFAULT 0, sameSite INTEGER DEFAULT 0,
    rawSameSite INTEGER DEFAULT 0, schemeMap INTEGER DEFAULT 0,
    CONSTRAINT moz_uniqueid UNIQUE (name, host, path, originAttributes))
"""


def firefox_profile(folder: Path, cookies: list[tuple[str, str, str]]) -> Path:
    """A Firefox profile folder whose cookies.sqlite holds (host, name, value) rows."""
    folder.mkdir(parents=True, exist_ok=True)
    expiry = int(time.time()) + 14 * 24 * 3600
    now = int(time.time() * 1_000_000)
    with sqlite3.connect(folder / "cookies.sqlite") as db:
        db.execute(FIREFOX_SCHEMA)
        db.executemany(
            "INSERT INTO moz_cookies (name, value, host, path, expiry, lastAccessed,"
            " creationTime, isSecure, isHttpOnly) VALUES (?, ?, ?, '/', ?, ?, ?, 0, 1)",
            [(name, value, host, expiry, now, now) for host, name, value in cookies],
        )
    return folder


def test_login_from_a_firefox_profile(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    jan = demo_site.login("jan")
    profile = firefox_profile(
        tmp_path / "abcd.default-release",
        [
            # A substring of the host must not pass for it: 127.0.0.10 is another host.
            ("127.0.0.10", "sessionid", jan),
            ("127.0.0.1", "csrftoken", "niet-dit"),
            ("127.0.0.1", "sessionid", hadewych),
        ],
    )

    code = cli("login", demo_site.url, "--from-browser", "firefox", "--profile", str(profile))

    out, err = capfd.readouterr()
    assert code == 0, err
    assert f"Logged in to {demo_site.url} as Hadewych" in err
    assert hadewych not in out + err and jan not in out + err
    assert load_session(demo_site.url) == Secret(hadewych)
    config = load_config(AppDirs.default().config_file)
    [entry] = config.sites
    assert (entry.url, entry.browser, entry.profile) == (demo_site.url, "firefox", str(profile))
    assert hadewych not in AppDirs.default().config_file.read_text(encoding="utf-8")


def test_a_cookie_the_site_does_not_know_is_refused_in_one_line(
    demo_site: LocalSite, tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    profile = firefox_profile(tmp_path / "p", [("127.0.0.1", "sessionid", "verlopen-sessie")])

    assert cli("login", demo_site.url, "--from-browser", "firefox", "--profile", str(profile)) == 1

    err = capfd.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "verlopen-sessie" not in err
    assert "does not know this session" in err and "in firefox again" in err
    assert load_session(demo_site.url) is None
    assert not AppDirs.default().config_file.exists()


@pytest.mark.parametrize(
    ("cookies", "said"),
    [
        ([("127.0.0.1", "csrftoken", "x")], "firefox has no sessionid cookie for 127.0.0.1"),
        (None, "no firefox cookie store in"),
    ],
)
def test_a_missing_cookie_or_store_is_said_in_one_line(
    demo_site: LocalSite,
    tmp_path: Path,
    cookies: list[tuple[str, str, str]] | None,
    said: str,
    capfd: pytest.CaptureFixture[str],
) -> None:
    profile = tmp_path / "leeg"
    profile.mkdir()
    if cookies is not None:
        firefox_profile(profile, cookies)

    assert cli("login", demo_site.url, "--from-browser", "firefox", "--profile", str(profile)) == 1

    err = capfd.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and said in err and "Traceback" not in err
    assert load_session(demo_site.url) is None


def test_without_the_library_it_names_the_extra(
    demo_site: LocalSite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "rookiepy", None)  # import fails as if missing

    assert cli("login", demo_site.url, "--from-browser", "firefox") == 2

    err = capfd.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pleio-tui[browser]" in err


CHROMIUM_SCHEMA = """
CREATE TABLE meta(key LONGVARCHAR NOT NULL UNIQUE PRIMARY KEY, value LONGVARCHAR);
CREATE TABLE cookies(
    creation_utc INTEGER NOT NULL, host_key TEXT NOT NULL, top_frame_site_key TEXT NOT NULL,
    name TEXT NOT NULL, value TEXT NOT NULL, encrypted_value BLOB NOT NULL, path TEXT NOT NULL,
    expires_utc INTEGER NOT NULL, is_secure INTEGER NOT NULL, is_httponly INTEGER NOT NULL,
    last_access_utc INTEGER NOT NULL, has_expires INTEGER NOT NULL,
    is_persistent INTEGER NOT NULL, priority INTEGER NOT NULL, samesite INTEGER NOT NULL,
    source_scheme INTEGER NOT NULL, source_port INTEGER NOT NULL,
    last_update_utc INTEGER NOT NULL, source_type INTEGER NOT NULL,
    has_cross_site_ancestor INTEGER NOT NULL);
INSERT INTO meta VALUES ('version', '24');
"""


def peanuts_v10(host: str, value: str) -> bytes:
    """What a headless Chromium on Linux (no key ring) stores: AES-128-CBC under
    PBKDF2("peanuts"), prefixed v10; from version 24 on, the host's SHA-256 first."""
    from cryptography.hazmat.primitives import padding
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = hashlib.pbkdf2_hmac("sha1", b"peanuts", b"saltysalt", 1, 16)
    plain = hashlib.sha256(host.encode()).digest() + value.encode()
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(b" " * 16)).encryptor()
    return b"v10" + encryptor.update(padded) + encryptor.finalize()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the v10 key of Linux")
def test_login_from_a_headless_chromium_profile(
    demo_site: LocalSite,
    hadewych: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)  # no key ring to ask
    profile = tmp_path / "chromium" / "Default"
    profile.mkdir(parents=True)
    expires = (int(time.time()) + 11644473600 + 14 * 24 * 3600) * 1_000_000
    with sqlite3.connect(profile / "Cookies") as db:
        db.executescript(CHROMIUM_SCHEMA)
        db.execute(
            "INSERT INTO cookies VALUES (0, '127.0.0.1', '', 'sessionid', '', ?, '/', ?,"
            " 0, 1, 0, 1, 1, 1, 0, 1, ?, 0, 0, 0)",
            (peanuts_v10("127.0.0.1", hadewych), expires, demo_site.port),
        )

    code = cli("login", demo_site.url, "--from-browser", "chromium", "--profile", str(profile))

    out, err = capfd.readouterr()
    assert code == 0, err
    assert hadewych not in out + err
    assert load_session(demo_site.url) == Secret(hadewych)


def test_the_cookie_is_chosen_as_a_browser_sends_it() -> None:
    from pleio_tui.browser_login import best_cookie, domain_matches

    assert domain_matches("gemeente.pleio.nl", "gemeente.pleio.nl")
    assert domain_matches(".pleio.nl", "gemeente.pleio.nl")
    assert not domain_matches("evilpleio.nl", "pleio.nl")
    assert not domain_matches("pleio.nl.evil.com", "pleio.nl")
    assert not domain_matches("0.0.1", "127.0.0.1")  # no parent domains of an address
    later = time.time() + 3600
    cookies = [
        {"domain": ".pleio.nl", "name": "sessionid", "value": "ouder", "expires": later},
        {"domain": "gemeente.pleio.nl", "name": "sessionid", "value": "eigen", "expires": later},
        {"domain": "gemeente.pleio.nl", "name": "sessionid", "value": "oud", "expires": 1},
        {"domain": "xgemeente.pleio.nl", "name": "sessionid", "value": "ander", "expires": later},
    ]
    chosen = best_cookie(cookies, "gemeente.pleio.nl")
    assert chosen is not None and chosen["value"] == "eigen"
    assert best_cookie(cookies[:1], "gemeente.pleio.nl")["value"] == "ouder"  # type: ignore[index]
    assert best_cookie(cookies[2:3], "gemeente.pleio.nl") is None
