"""Fixtures of the hostile-input and fault tests: the fault server of the API tests,
a demo site filled with hostile content, and a cache synced from it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# The real fault server and the app helpers live with the API and TUI tests; they
# are shared by importing them, not copied.
_TESTS = Path(__file__).resolve().parent.parent
for _folder in ("api", "tui"):
    if str(_TESTS / _folder) not in sys.path:
        sys.path.append(str(_TESTS / _folder))

from fault_server import FaultServer  # noqa: E402
from hostile_site import HostileContent, seed_hostile_content  # noqa: E402

from pleio_tui.server import LocalSite  # noqa: E402
from pleio_tui.sync.runner import sync_site  # noqa: E402


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture
def hostile_site(demo_site: LocalSite, hadewych: str) -> HostileContent:
    return seed_hostile_content(demo_site, hadewych)


@pytest.fixture
async def hostile_cache(hostile_site: HostileContent, tmp_path: Path) -> Path:
    """A cache filled by our own sync from the hostile site."""
    path = tmp_path / "cache.sqlite3"
    report = await sync_site(hostile_site.site_url, hostile_site.session, path)
    assert report.completed, report
    return path
