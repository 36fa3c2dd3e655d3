"""Pytest fixtures that run the local Pleio-compatible site for real on a
loopback port. Listed in conftest.py's `pytest_plugins`."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pleio_tui.server import LocalSite

SiteFactory = Callable[..., LocalSite]


@pytest.fixture(scope="session")
def demo_site_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory seeded with the demo once per session, copied for each test:
    hashing the demo passwords and building the rich text is the slow part."""
    path = tmp_path_factory.mktemp("demo-site-template")
    LocalSite(path, demo=True).prepare()
    return path


@pytest.fixture
def site_factory(tmp_path: Path, demo_site_template: Path) -> Iterator[SiteFactory]:
    """Start local sites with LocalSite's arguments; all of them stop after the test.

    Without a data_dir each site gets its own directory under tmp_path; a plain
    demo site starts from a copy of the session's seeded template."""
    started: list[LocalSite] = []

    def start(**kwargs: Any) -> LocalSite:
        if kwargs.get("data_dir") is None:
            data_dir = tmp_path / f"site-{len(started)}"
            if kwargs.get("demo") and not kwargs.get("demo_blogs"):
                shutil.copytree(demo_site_template, data_dir)
            kwargs["data_dir"] = data_dir
        site = LocalSite(**kwargs).start()
        started.append(site)
        return site

    yield start
    for site in started:
        site.stop()


@pytest.fixture
def demo_site(site_factory: SiteFactory) -> LocalSite:
    return site_factory(demo=True)


@pytest.fixture
def hadewych(demo_site: LocalSite) -> str:
    """The sessionid of Hadewych: author of the seed blog, owner of its group."""
    return demo_site.login("hadewych")


@pytest.fixture
def jan_session(demo_site: LocalSite) -> str:
    """The sessionid of Jan, a member of no group."""
    return demo_site.login("jan")


@pytest.fixture
def admin_session(demo_site: LocalSite) -> str:
    """The sessionid of Admin, the site administrator."""
    return demo_site.login("admin")
