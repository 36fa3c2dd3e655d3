"""Running a batch of requests a few at a time, handing back each answer as it
arrives so it can be saved at once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


async def _run(call: Callable[[], Awaitable[T]]) -> T:
    return await call()


async def as_they_arrive(
    calls: Iterable[Callable[[], Awaitable[T]]], concurrency: int
) -> AsyncIterator[T]:
    """Results of `calls` in the order they finish, at most `concurrency` running.

    A call starts only when a running one has finished, and a result is let go
    as soon as it is handed back: memory holds `concurrency` answers, not the
    whole batch. The first error stops the batch: calls still running are
    cancelled, calls not started never start, and what was handed back before
    stays handed back.
    """
    limit = max(1, concurrency)
    waiting = iter(calls)
    running: set[asyncio.Task[T]] = set()
    finished: list[asyncio.Task[T]] = []

    def start_more() -> None:
        while len(running) < limit and (call := next(waiting, None)) is not None:
            running.add(asyncio.create_task(_run(call)))

    try:
        start_more()
        while running:
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            running.difference_update(done)
            finished.extend(done)
            del done
            start_more()  # the next downloads run while this answer is saved
            while finished:
                yield finished.pop().result()
    finally:
        for task in running:
            task.cancel()
        # Collected so that no error of a call left behind goes unretrieved.
        await asyncio.gather(*running, *finished, return_exceptions=True)
