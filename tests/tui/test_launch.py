"""Starting the app over an older cache: the user is told before the screen shows
why the start takes longer, and the cache is brought up to date once."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pleio_tui.config import Config
from pleio_tui.context import SiteContext
from pleio_tui.paths import AppDirs
from pleio_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION
from pleio_tui.tui.launch import create_app


def _older_cache(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in (s for step in MIGRATIONS[:5] for s in step):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.close()


def test_an_older_cache_is_announced_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "cache.sqlite3"
    _older_cache(cache)
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "c")
    context = SiteContext("https://pleio.example", None, cache, Config(), offline=True)
    for _ in range(2):
        app = create_app(context, dirs=dirs)
        assert app.store is not None
        app.store.close()
    said = capsys.readouterr().err
    assert said.count("updating the offline cache") == 1
    version = sqlite3.connect(cache).execute("PRAGMA user_version").fetchone()[0]
    assert version == SCHEMA_VERSION
