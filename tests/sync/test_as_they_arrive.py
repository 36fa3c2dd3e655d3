"""A batch of downloads holds a few answers at a time, never the whole batch: an
answer handed back and saved is let go before the next one is handed back."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Awaitable, Callable

import pytest

from pleio_tui.sync.concurrency import as_they_arrive

CONCURRENCY = 3
CALLS = 24


class Parcel:
    """Stands for a page of parsed blogs."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.payload = [number] * 100


class Calls:
    """Calls that finish in a scrambled order, counting how many are under way."""

    def __init__(self, count: int, fail_at: int | None = None) -> None:
        self.started = 0
        self.answered = 0
        self.running = 0
        self.most_running = 0
        self._fail_at = fail_at
        self.calls = [self._call(number) for number in range(count)]

    def _call(self, number: int) -> Callable[[], Awaitable[Parcel]]:
        async def call() -> Parcel:
            self.started += 1
            self.running += 1
            self.most_running = max(self.most_running, self.running)
            try:
                for _ in range((number * 7) % 5):
                    await asyncio.sleep(0)
                if number == self._fail_at:
                    raise RuntimeError(f"call {number} failed")
                self.answered += 1
                return Parcel(number)
            finally:
                self.running -= 1

        return call


async def test_each_answer_is_let_go_once_handed_back() -> None:
    calls = Calls(CALLS)
    handed_back: list[weakref.ref[Parcel]] = []
    numbers = []
    async for parcel in as_they_arrive(calls.calls, CONCURRENCY):
        # Every earlier answer was saved and dropped by the receiver: once the
        # event loop has run its pending callbacks (which may name a finished
        # task for a moment), nothing else may still hold it.
        await asyncio.sleep(0)
        assert [ref() for ref in handed_back if ref() is not None] == []
        numbers.append(parcel.number)
        handed_back.append(weakref.ref(parcel))
        # Answered but not yet handed back: what the batch holds at most.
        assert calls.answered - len(numbers) <= CONCURRENCY
        del parcel
    assert sorted(numbers) == list(range(CALLS))
    assert numbers != sorted(numbers), "the calls should finish out of order"
    assert calls.most_running == CONCURRENCY
    assert all(ref() is None for ref in handed_back)


async def test_the_first_error_stops_the_batch_and_keeps_what_was_handed_back() -> None:
    calls = Calls(CALLS, fail_at=9)
    numbers = []
    with pytest.raises(RuntimeError, match="call 9 failed"):
        async for parcel in as_they_arrive(calls.calls, CONCURRENCY):
            numbers.append(parcel.number)
    assert 9 not in numbers and len(numbers) >= 1
    assert calls.running == 0, "calls under way are cancelled"
    assert calls.started < CALLS, "calls not started never start"


async def test_an_empty_batch_hands_back_nothing() -> None:
    assert [item async for item in as_they_arrive([], CONCURRENCY)] == []
