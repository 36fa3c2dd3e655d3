"""Repeating a measurement and keeping its median."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_of(run: Callable[[], float], repeats: int) -> float:
    """The median of `repeats` runs of `run`, which returns what it measured."""
    return statistics.median(run() for _ in range(max(1, repeats)))


def seconds(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started
