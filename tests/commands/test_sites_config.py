"""Several sites in one config: `[sites.NAME]` tables, a default, the older
`site` key, `--site NAME|URL`, `login --name`, and `sync --all` over them."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from command_helpers import cli, count_titled

from pleio_tui.config import ConfigError, load_config, name_for_host
from pleio_tui.context import UnknownSiteNameError, site_context
from pleio_tui.credentials import load_session
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite


def write_config(text: str) -> Path:
    config_file = AppDirs.default().config_file
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(text, encoding="utf-8")
    return config_file


def test_sites_tables_a_default_and_per_site_settings() -> None:
    write_config(
        'language = "nl"\n'
        'default = "rijk"\n'
        "[sync]\ninterval_minutes = 15\n"
        '[sites.rijk]\nurl = "https://rijk.pleio.nl"\n'
        '[sites.gemeente]\nurl = "gemeente.pleio.nl"\nlanguage = "en"\n'
        "[sites.gemeente.sync]\ninterval_minutes = 0\n"
    )
    config = load_config(AppDirs.default().config_file)

    assert [entry.name for entry in config.sites] == ["rijk", "gemeente"]
    assert config.site == "https://rijk.pleio.nl"
    rijk = site_context(None, read_keyring=False)
    assert (rijk.site_url, rijk.config.language, rijk.config.sync_interval_minutes) == (
        "https://rijk.pleio.nl",
        "nl",
        15,
    )
    gemeente = site_context("gemeente", read_keyring=False)
    assert gemeente.site_url == "https://gemeente.pleio.nl"
    assert (gemeente.config.language, gemeente.config.sync_interval_minutes) == ("en", 0)
    by_url = site_context("https://GEMEENTE.pleio.nl/", read_keyring=False)
    assert by_url.entry is not None and by_url.entry.name == "gemeente"
    assert by_url.cache_path == gemeente.cache_path != rijk.cache_path
    with pytest.raises(UnknownSiteNameError, match="rijk, gemeente"):
        site_context("provincie", read_keyring=False)


def test_the_older_site_key_is_read_as_one_site() -> None:
    write_config('site = "https://oud.pleio.nl"\n')
    config = load_config(AppDirs.default().config_file)

    [entry] = config.sites
    assert (entry.name, entry.url) == ("oud", "https://oud.pleio.nl")
    assert config.site == "https://oud.pleio.nl"
    assert site_context("oud", read_keyring=False).site_url == "https://oud.pleio.nl"


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('default = "nergens"\n', "default"),
        ("[sites.x]\nlanguage = 'nl'\n", "url"),
        ("[sites.x]\nurl = 'https://x.nl'\nbrowser = 'lynx'\n", "browser"),
        ("[sites.x]\nurl = 'https://x.nl'\nkleur = 'rood'\n", "kleur"),
        ("[sites.x]\nurl = 'https://x.nl'\n[sites.x.sync]\ninterval_minutes = -1\n", "interval"),
    ],
)
def test_a_bad_site_table_is_named(text: str, named: str) -> None:
    config_file = write_config(text)
    with pytest.raises(ConfigError, match=named):
        load_config(config_file)


def test_names_derived_from_the_host() -> None:
    assert name_for_host("https://gemeente.pleio.nl") == "gemeente"
    assert name_for_host("https://www.pleio.nl") == "pleio"
    assert name_for_host("https://www.kennis.pleio.nl") == "kennis"
    assert name_for_host("http://127.0.0.1:8123") == "127-0-0-1-8123"
    assert name_for_host("http://localhost:8000") == "localhost-8000"


def login(site: LocalSite, session: str, monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{session}\n"))
    return cli("login", site.url, *extra)


@pytest.fixture
def two_sites(site_factory) -> tuple[LocalSite, LocalSite]:
    return site_factory(demo=True), site_factory(demo=True)


def test_login_adds_each_site_under_a_name_and_sync_all_syncs_both(
    two_sites: tuple[LocalSite, LocalSite],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_sites
    first_session, second_session = first.login("hadewych"), second.login("jan")

    assert login(first, first_session, monkeypatch) == 0
    assert login(second, second_session, monkeypatch, "--name", "tweede") == 0

    config = load_config(AppDirs.default().config_file)
    first_name = f"127-0-0-1-{first.port}"
    assert [(e.name, e.url) for e in config.sites] == [
        (first_name, first.url),
        ("tweede", second.url),
    ]
    assert config.default == first_name and config.site == first.url
    assert load_session(first.url) == Secret(first_session)
    assert load_session(second.url) == Secret(second_session)
    capsys.readouterr()

    assert cli("sync", "--all") == 0

    lines = capsys.readouterr().err.strip().splitlines()
    assert [line.split(":")[0] for line in lines] == [first_name, "tweede"]
    assert lines[0].startswith(f"{first_name}: Synced {first.url}")
    assert lines[1].startswith(f"tweede: Synced {second.url}")
    cache_one = site_context(first_name, read_keyring=False).cache_path
    cache_two = site_context("tweede", read_keyring=False).cache_path
    assert cache_one.exists() and cache_two.exists() and cache_one != cache_two


def test_sync_all_fails_when_one_site_fails_and_still_syncs_the_others(
    two_sites: tuple[LocalSite, LocalSite],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_sites
    assert login(first, first.login("hadewych"), monkeypatch, "--name", "een") == 0
    assert login(second, second.login("hadewych"), monkeypatch, "--name", "twee") == 0
    first.stop()
    capsys.readouterr()

    assert cli("sync", "--all") == 1

    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].startswith("een: ") and "cannot be reached" in lines[0]
    assert lines[1].startswith(f"twee: Synced {second.url}")
    assert lines[2] == "pleio-tui: 1 of 2 sites failed to sync"


def test_writing_goes_to_the_site_named(
    two_sites: tuple[LocalSite, LocalSite],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_sites
    one, two = first.login("hadewych"), second.login("hadewych")
    assert login(first, one, monkeypatch, "--name", "een") == 0
    assert login(second, two, monkeypatch, "--name", "twee") == 0
    assert cli("sync", "--all") == 0

    for name in ("een", "twee"):
        monkeypatch.setattr(sys, "stdin", io.StringIO(f"Alleen op {name}\n"))
        assert cli("post", "--group", "van buiten", "--title", f"Op {name}", "--site", name) == 0

    assert count_titled(first, one, "Op een") == 1 and count_titled(first, one, "Op twee") == 0
    assert count_titled(second, two, "Op twee") == 1 and count_titled(second, two, "Op een") == 0


def test_login_refuses_a_name_taken_by_another_site(
    two_sites: tuple[LocalSite, LocalSite],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_sites
    assert login(first, first.login("jan"), monkeypatch, "--name", "een") == 0

    assert login(second, second.login("jan"), monkeypatch, "--name", "een") == 2

    assert "already has a site named 'een'" in capsys.readouterr().err
    assert load_session(second.url) is None  # refused before anything was stored
    assert [e.url for e in load_config(AppDirs.default().config_file).sites] == [first.url]


def test_sync_all_never_sends_the_environment_session_to_every_site(
    two_sites: tuple[LocalSite, LocalSite],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_sites
    write_config(f'[sites.een]\nurl = "{first.url}"\n[sites.twee]\nurl = "{second.url}"\n')
    monkeypatch.setenv("PLEIO_TUI_SESSION", first.login("jan"))

    assert cli("sync", "--all") == 2

    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "PLEIO_TUI_SESSION" in err
    assert not site_context("een", read_keyring=False).cache_path.exists()


def test_logout_by_name(
    two_sites: tuple[LocalSite, LocalSite],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, second = two_sites
    assert login(first, first.login("jan"), monkeypatch, "--name", "een") == 0
    assert login(second, second.login("jan"), monkeypatch, "--name", "twee") == 0

    assert cli("logout", "twee") == 0

    assert load_session(second.url) is None and load_session(first.url) is not None
    assert f"Logged out of {second.url}" in capsys.readouterr().err


def test_settings_are_set_in_their_own_table_and_the_rest_is_left_as_written() -> None:
    from pleio_tui.config_file import set_site_settings

    config_file = write_config(
        "# mijn sites\n"
        '[sites.een]\nurl = "https://een.pleio.nl"  # de eerste\nanonymous = true\n'
        '[sites.twee]\nurl = "https://twee.pleio.nl"\nbrowser = "chrome"\n'
    )

    assert set_site_settings(config_file, "een", {"anonymous": None, "browser": "firefox"})
    assert not set_site_settings(config_file, "drie", {"browser": "firefox"})

    text = config_file.read_text(encoding="utf-8")
    assert text.startswith("# mijn sites\n") and "# de eerste" in text
    config = load_config(config_file)
    een, twee = config.sites
    assert (een.anonymous, een.browser) == (False, "firefox")
    assert (twee.anonymous, twee.browser) == (False, "chrome")
