from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import SiteApi

from pleio_tui.server import LocalSite


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "site.sqlite3"


@pytest.fixture
def site_api(demo_site: LocalSite) -> SiteApi:
    return SiteApi(demo_site)
