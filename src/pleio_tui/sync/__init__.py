"""Keeping the offline cache in step with the site, and sending the outbox."""

from pleio_tui.sync.events import (
    OutboxOutcome,
    OutboxResult,
    StopReason,
    SyncPhase,
    SyncProgress,
    SyncReport,
)

# The engine and the replayer need the HTTP client; the events do not, and a UI
# starting from the cache imports only those at first.
_LAZY = {"SyncEngine": "pleio_tui.sync.engine", "OutboxReplayer": "pleio_tui.sync.outbox"}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "OutboxOutcome",
    "OutboxReplayer",
    "OutboxResult",
    "StopReason",
    "SyncEngine",
    "SyncPhase",
    "SyncProgress",
    "SyncReport",
]
