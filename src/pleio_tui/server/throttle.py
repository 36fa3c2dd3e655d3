"""Login throttling: failed logins counted per username and per address in a
sliding window; past the limit, every login there waits (HTTP 429)."""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

MAX_FAILURES_PER_USER = 10
MAX_FAILURES_PER_ADDRESS = 30
WINDOW_SECONDS = 300.0
_MAX_TRACKED_KEYS = 10_000


class LoginThrottle:
    """Failed logins in the last `window` seconds, by username and by address."""

    def __init__(
        self,
        *,
        per_user: int = MAX_FAILURES_PER_USER,
        per_address: int = MAX_FAILURES_PER_ADDRESS,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limits = {"user": per_user, "address": per_address}
        self._window = window
        self._clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}

    def retry_after(self, username: str, address: str) -> int | None:
        """Seconds to wait before this login may be tried; None when it may be now."""
        now = self._clock()
        waits = [
            self._wait(key, now) for key in (("user", username.casefold()), ("address", address))
        ]
        longest = max(wait for wait in waits)
        return math.ceil(longest) if longest > 0 else None

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        if len(self._failures) >= _MAX_TRACKED_KEYS:
            self._forget_expired(now)
        for key in (("user", username.casefold()), ("address", address)):
            self._failures.setdefault(key, deque()).append(now)

    def succeeded(self, username: str) -> None:
        self._failures.pop(("user", username.casefold()), None)

    def _wait(self, key: tuple[str, str], now: float) -> float:
        times = self._failures.get(key)
        if not times:
            return 0.0
        while times and times[0] <= now - self._window:
            times.popleft()
        if len(times) < self._limits[key[0]]:
            return 0.0
        # Free again when enough of the failures have left the window.
        return times[-self._limits[key[0]]] + self._window - now

    def _forget_expired(self, now: float) -> None:
        for key in list(self._failures):
            times = self._failures[key]
            if not times or times[-1] <= now - self._window:
                del self._failures[key]
