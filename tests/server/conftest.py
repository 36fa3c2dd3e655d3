"""Fixtures of the server tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from site_graphql import GraphQL

from pleio_tui.server import LocalSite


@pytest.fixture
def api(demo_site: LocalSite) -> Iterator[GraphQL]:
    caller = GraphQL(demo_site)
    yield caller
    caller.close()
