"""Sending the outbox by itself once the site answers again.

While something waits in the outbox and the site cannot be reached, the site is
asked who the session belongs to (a cheap `viewer` query through the usual client)
after 2 s, then 4, 8, ... up to 60 s between tries, each with some jitter so that
many clients coming back do not knock at the same moment. The first answer hands
over to the app, which sends the outbox and updates the status line."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Protocol

    class Cancellable(Protocol):
        def stop(self) -> object: ...

    class ProbeHost(Protocol):
        """What the probe needs from the app."""

        def has_waiting_items(self) -> bool: ...

        def may_use_network(self) -> bool: ...

        def later(self, seconds: float, callback: Callable[[], None]) -> Cancellable: ...

        def start_probe(self, probe: Callable[[], Awaitable[None]]) -> None: ...

        async def ask_site(self) -> bool:
            """Whether the site answered (False: still out of reach)."""
            ...

        def site_answers(self) -> None: ...


FIRST_DELAY = 2.0
LONGEST_DELAY = 60.0
JITTER = 0.2
"""Each delay is moved by up to this fraction, earlier or later."""


class Backoff:
    """Delays that double from `first` to `longest`, jittered."""

    def __init__(
        self,
        first: float = FIRST_DELAY,
        longest: float = LONGEST_DELAY,
        jitter: float = JITTER,
        rng: Callable[[], float] | None = None,
    ) -> None:
        if rng is None:
            import random  # when first probing, not at every start

            rng = random.Random().random  # its own: the shared one stays as it was
        self._first = first
        self._longest = longest
        self._jitter = jitter
        self._rng = rng
        self._next = first

    def next_delay(self) -> float:
        base = self._next
        self._next = min(self._next * 2, self._longest)
        return base * (1 + self._jitter * (2 * self._rng() - 1))

    def reset(self) -> None:
        self._next = self._first


class ReconnectProbe:
    def __init__(self, host: ProbeHost, backoff: Backoff | None = None) -> None:
        self._host = host
        self._backoff = backoff or Backoff()
        self._timer: Cancellable | None = None
        self._probing = False

    @property
    def waiting(self) -> bool:
        """A probe is scheduled or running."""
        return self._timer is not None or self._probing

    def site_unreachable(self) -> None:
        """The site did not answer: probe it later if something waits to be sent."""
        if self.waiting or not self._host.may_use_network() or not self._host.has_waiting_items():
            return
        self._timer = self._host.later(self._backoff.next_delay(), self._fire)

    def site_reachable(self) -> None:
        """The site answered some other request: no need to probe."""
        self._backoff.reset()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _fire(self) -> None:
        self._timer = None
        if not self._host.may_use_network() or not self._host.has_waiting_items():
            self._backoff.reset()
            return
        self._probing = True
        self._host.start_probe(self._probe)

    async def _probe(self) -> None:
        try:
            answered = await self._host.ask_site()
        finally:
            self._probing = False
        if answered:
            self._backoff.reset()
            self._host.site_answers()
        else:
            self.site_unreachable()
