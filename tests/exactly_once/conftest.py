"""One local site for the module (each test writes under its own fresh blog and
unique text, so tests do not see each other's effects), and a fault proxy."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

_TESTS = Path(__file__).resolve().parent.parent
if str(_TESTS / "sync") not in sys.path:
    sys.path.append(str(_TESTS / "sync"))

from fault_proxy import FaultProxy  # noqa: E402
from site_view import SiteView  # noqa: E402

from pleio_tui.server import LocalSite  # noqa: E402


@pytest.fixture(scope="module")
def site(demo_site_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSite]:
    data_dir = tmp_path_factory.mktemp("exactly-once-site")
    shutil.copytree(demo_site_template, data_dir, dirs_exist_ok=True)
    started = LocalSite(data_dir, demo=True).start()
    yield started
    started.stop()


@pytest.fixture(scope="module")
def me(site: LocalSite) -> str:
    """Hadewych's session: she owns the seed group and writes in it."""
    return site.login("hadewych")


@pytest.fixture(scope="module")
def colleague(site: LocalSite) -> str:
    return site.login("admin")


@pytest.fixture(scope="module")
def view(site: LocalSite) -> Iterator[SiteView]:
    with httpx.Client(timeout=10) as http:
        yield SiteView(site, http)


@pytest.fixture
def proxy(site: LocalSite) -> Iterator[FaultProxy]:
    with FaultProxy(site.url) as started:
        yield started


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "site.sqlite3"
