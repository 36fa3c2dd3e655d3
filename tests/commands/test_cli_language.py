"""The command line speaks Dutch or English: the config's `language`, else the
locale (LC_ALL, LC_MESSAGES, LANG starting with "nl"), else English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pleio_tui.cli_i18n import NL, language_of

UNREACHABLE = "http://127.0.0.1:9"  # nothing listens: the connection is refused


def run_sync(tmp_path: Path, *, config: str = "", **locale: str) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    env.update(
        {name: str(tmp_path / name.lower()) for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME")}
    )
    env.update({"XDG_CACHE_HOME": str(tmp_path / "cache"), **locale})
    env.update({"PLEIO_TUI_SESSION": "x", "PLEIO_TUI_SESSION_SITE": UNREACHABLE})
    if config:
        folder = tmp_path / "xdg_config_home" / "pleio-tui"
        folder.mkdir(parents=True)
        (folder / "config.toml").write_text(config, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pleio_tui", "sync", "--site", UNREACHABLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    return done.stderr


def test_a_dutch_locale_gets_dutch(tmp_path: Path) -> None:
    said = run_sync(tmp_path, LANG="nl_NL.UTF-8")
    assert "is niet bereikbaar (er kon geen verbinding worden gemaakt)" in said
    assert "gestopt na" in said and "cannot be reached" not in said


def test_lc_all_wins_over_lang(tmp_path: Path) -> None:
    said = run_sync(tmp_path, LANG="nl_NL.UTF-8", LC_ALL="en_GB.UTF-8")
    assert "cannot be reached (no connection could be made)" in said


def test_the_config_wins_over_the_locale(tmp_path: Path) -> None:
    said = run_sync(tmp_path, config='language = "nl"\n', LANG="en_US.UTF-8")
    assert "is niet bereikbaar" in said


@pytest.mark.parametrize(
    ("config", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "nl_BE.UTF-8"}, "nl"),
        (None, {"LANG": "nl_NL", "LC_MESSAGES": "C"}, "en"),
        ("en", {"LANG": "nl_NL"}, "en"),
        ("nl", {}, "nl"),
    ],
)
def test_language_of(config: str | None, environ: dict[str, str], expected: str) -> None:
    assert language_of(config, environ) == expected


def test_every_dutch_line_fills_the_same_values() -> None:
    import string

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for english, dutch in NL.items():
        assert fields(english) == fields(dutch), english


def test_search_without_a_cache_is_said_in_dutch(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    env.update(
        {
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
            "LANG": "nl_NL.UTF-8",
        }
    )
    done = subprocess.run(
        [sys.executable, "-m", "pleio_tui", "search", "participatie", "--site", UNREACHABLE],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "er staat nog niets in de cache voor" in done.stderr
