"""Running a batch of requests a few at a time, handing back each answer as it
arrives so it can be saved at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def as_they_arrive(
    calls: Iterable[Callable[[], Awaitable[T]]], concurrency: int
) -> AsyncIterator[T]:
    """Results of `calls` in the order they finish, at most `concurrency` running.

    The first error stops the batch: calls still running or waiting are
    cancelled, and what was handed back before stays handed back.
    """
    gate = asyncio.Semaphore(max(1, concurrency))

    async def gated(call: Callable[[], Awaitable[T]]) -> T:
        async with gate:
            return await call()

    tasks = [asyncio.create_task(gated(call)) for call in calls]
    try:
        for next_done in asyncio.as_completed(tasks):
            yield await next_done
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
