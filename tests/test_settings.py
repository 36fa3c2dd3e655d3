"""Config file, site addresses, where files live, and the session in the keyring."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pleio_tui.config import ConfigError, load_config
from pleio_tui.context import NoSiteError, site_context
from pleio_tui.credentials import (
    KeyringUnavailableError,
    forget_session,
    load_session,
    save_session,
)
from pleio_tui.paths import AppDirs, site_slug
from pleio_tui.secret import Secret
from pleio_tui.site_url import SiteUrlError, parse_site_url


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_config_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "nope.toml")
    assert config.site is None and config.language is None and config.keys == {}


def test_config_reads_site_language_keys_and_sync(tmp_path: Path) -> None:
    path = write(
        tmp_path / "c.toml",
        'site = "https://x.pleio.nl"\nlanguage = "en"\n'
        '[keys]\n"post.comment" = "C"\n[sync]\ninterval_minutes = 5\n',
    )
    config = load_config(path)
    assert config.site == "https://x.pleio.nl"
    assert config.language == "en"
    assert config.keys == {"post.comment": "C"}
    assert config.sync_interval_minutes == 5


def test_an_unchanged_config_is_not_parsed_again(tmp_path: Path) -> None:
    """The kept parse stands in for TOML while the text is the same; a changed or
    damaged copy is parsed afresh."""
    path = write(tmp_path / "c.toml", 'site = "https://x.pleio.nl"\n')
    copy = tmp_path / "cache" / "config.json"
    assert load_config(path, parsed_copy=copy).site == "https://x.pleio.nl"
    assert copy.stat().st_mode & 0o777 == 0o600
    assert copy.parent.stat().st_mode & 0o777 == 0o700
    kept = json.loads(copy.read_text(encoding="utf-8"))
    kept["data"]["site"] = "https://kept.pleio.nl"
    copy.write_text(json.dumps(kept), encoding="utf-8")
    assert load_config(path, parsed_copy=copy).site == "https://kept.pleio.nl"

    write(path, 'site = "https://y.pleio.nl"\n')
    assert load_config(path, parsed_copy=copy).site == "https://y.pleio.nl"
    copy.write_text("{not json", encoding="utf-8")
    assert load_config(path, parsed_copy=copy).site == "https://y.pleio.nl"
    assert load_config(path, parsed_copy=copy).site == "https://y.pleio.nl"


def test_a_second_start_does_without_tomllib(tmp_path: Path) -> None:
    path = write(tmp_path / "c.toml", 'site = "https://x.pleio.nl"\n[keys]\n"post.comment" = "C"\n')
    copy = tmp_path / "config.json"
    load_config(path, parsed_copy=copy)
    script = (
        "import sys\nfrom pathlib import Path\nfrom pleio_tui.config import load_config\n"
        f"config = load_config(Path({str(path)!r}), parsed_copy=Path({str(copy)!r}))\n"
        "print(config.site, dict(config.keys), 'tomllib' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert shown.split() == ["https://x.pleio.nl", "{'post.comment':", "'C'}", "False"]


def test_a_broken_config_is_not_kept(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.toml", "site = ")
    copy = tmp_path / "config.json"
    with pytest.raises(ConfigError):
        load_config(path, parsed_copy=copy)
    assert not copy.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("site = ", "not valid TOML"),
        ('colour = "red"', "unknown setting 'colour'"),
        ('language = "fr"', "language must be one of nl, en"),
        ("site = 3", "site must be a str"),
        ('[keys]\n"post.comment" = ""', "[keys] post.comment"),
        ("[sync]\ninterval_minutes = -1", "interval_minutes"),
    ],
)
def test_a_broken_config_names_the_file_and_the_problem(
    tmp_path: Path, text: str, expected: str
) -> None:
    path = write(tmp_path / "bad.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(path) in str(info.value)
    assert expected in str(info.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://Gemeente.Pleio.nl/", "https://gemeente.pleio.nl"),
        ("gemeente.pleio.nl", "https://gemeente.pleio.nl"),
        ("http://127.0.0.1:8000/groups", "http://127.0.0.1:8000"),
        ("http://localhost:9", "http://localhost:9"),
    ],
)
def test_site_addresses_are_normalised(raw: str, expected: str) -> None:
    assert parse_site_url(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", "no site address"),
        ("ftp://x.nl", "starts with https://"),
        ("https://", "no host name"),
        ("https://x.nl:99999", "not a valid site address"),
        ("http://x.pleio.nl", "unencrypted"),
    ],
)
def test_bad_site_addresses_are_explained(raw: str, expected: str) -> None:
    with pytest.raises(SiteUrlError, match=expected):
        parse_site_url(raw)


def test_plain_http_elsewhere_needs_the_explicit_setting() -> None:
    assert parse_site_url("http://intranet.example", allow_insecure_http=True) == (
        "http://intranet.example"
    )


def test_one_cache_file_per_site_under_the_data_dir() -> None:
    dirs = AppDirs.default()
    a = dirs.site_cache_file("https://a.pleio.nl")
    b = dirs.site_cache_file("https://b.pleio.nl")
    assert a != b and a.parent == b.parent
    assert str(a).startswith(str(dirs.data))
    assert site_slug("http://127.0.0.1:8000").startswith("127.0.0.1_8000-")
    assert site_slug("https://A.pleio.nl/") == site_slug("https://a.pleio.nl")


def test_cache_file_names_stay_the_same() -> None:
    """The slug's digest is SHA-256 whichever module computes it: a different
    name would leave the user's cache behind."""
    digest = hashlib.sha256(b"https://a.pleio.nl").hexdigest()[:8]
    assert site_slug("https://a.pleio.nl/") == f"a.pleio.nl-{digest}"


def test_platformdirs_follow_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    dirs = AppDirs.default()
    assert dirs.data == tmp_path / "d" / "pleio-tui"
    assert dirs.config_file == tmp_path / "c" / "pleio-tui" / "config.toml"


def test_the_session_lives_in_the_keyring_per_site() -> None:
    assert load_session("https://a.pleio.nl") is None
    save_session("https://a.pleio.nl/", Secret("abc"))
    assert load_session("https://A.pleio.nl") == Secret("abc")
    assert load_session("https://b.pleio.nl") is None
    assert forget_session("https://a.pleio.nl") is True
    assert forget_session("https://a.pleio.nl") is False
    assert load_session("https://a.pleio.nl") is None


def test_the_environment_overrides_the_keyring_for_its_site(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_session("https://a.pleio.nl", Secret("from-keyring"))
    monkeypatch.setenv("PLEIO_TUI_SESSION", "from-env")
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", "https://a.pleio.nl")
    assert load_session("https://a.pleio.nl") == Secret("from-env")


def test_no_keyring_backend_names_the_environment_variable() -> None:
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    with pytest.raises(KeyringUnavailableError, match="PLEIO_TUI_SESSION_SITE"):
        load_session("https://a.pleio.nl")
    with pytest.raises(KeyringUnavailableError, match="PLEIO_TUI_SESSION_SITE"):
        save_session("https://a.pleio.nl", Secret("x"))


def test_site_context_needs_a_site(tmp_path: Path) -> None:
    dirs = AppDirs(data=tmp_path / "d", config=tmp_path / "c", cache=tmp_path / "k")
    with pytest.raises(NoSiteError, match="--site"):
        site_context(None, dirs=dirs)
    (tmp_path / "c").mkdir()
    write(dirs.config_file, 'site = "https://a.pleio.nl"\n')
    save_session("https://a.pleio.nl", Secret("s3"))
    context = site_context(None, dirs=dirs)
    assert context.site_url == "https://a.pleio.nl"
    assert context.session == Secret("s3")
    assert context.cache_path.parent == tmp_path / "d" / "sites"
