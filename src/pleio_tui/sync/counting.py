"""Counting the requests a sync makes, for its report (and for the tests that
hold an unchanged site to a handful of them)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


class RequestCounter:
    """Wraps each call to the site: `await count(client.viewer())`.

    A read the transport retries counts once: this is what the sync asked for.
    """

    def __init__(self) -> None:
        self.requests = 0

    async def __call__(self, request: Awaitable[T]) -> T:
        self.requests += 1
        return await request
