"""Fixtures of the API client tests: a fault server, and clients with short timeouts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from api_helpers import FAST_RETRY, SHORT_TIMEOUT, ClientFactory
from fault_server import FaultServer

from pleio_tui.api import PleioClient, RetryPolicy


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    server = FaultServer().start()
    yield server
    server.stop()


@pytest.fixture
async def make_client() -> AsyncIterator[ClientFactory]:
    """Clients with test-sized timeouts and retry delays, all closed after the test."""
    made: list[PleioClient] = []

    def make(
        site_url: str,
        session_id: str | None = None,
        *,
        timeout: httpx.Timeout = SHORT_TIMEOUT,
        retry: RetryPolicy = FAST_RETRY,
        **options: Any,
    ) -> PleioClient:
        client = PleioClient(site_url, session_id, timeout=timeout, retry=retry, **options)
        made.append(client)
        return client

    yield make
    for client in made:
        await client.aclose()
