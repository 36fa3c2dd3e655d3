"""Cyclic garbage collection held off while the app starts.

Start-up makes some 90,000 long-lived objects (modules, classes, parsed CSS,
widgets) and little garbage, yet every full collection walks them all: that cost
the first screen some 40 ms. Collection waits from the start of the command until
the first frame is painted; then what exists is frozen (later collections skip
it) and collection resumes. Freezing rather than collecting keeps a 15 ms pause
off the frames that follow, at the price of the cyclic garbage made while paused
(under 1 MB) staying in memory.
"""

from __future__ import annotations

import gc

_paused = False


def pause_collection() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume_collection() -> None:
    """Undo `pause_collection`; does nothing when collection was not paused by it."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
