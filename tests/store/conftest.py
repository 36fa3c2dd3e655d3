from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pleio_tui.store import Store


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sites" / "example.sqlite3"


@pytest.fixture
def store(cache_path: Path) -> Iterator[Store]:
    with Store.open(cache_path) as opened:
        yield opened
