"""Keeping the offline cache in step with the site, and sending the outbox."""

from pleio_tui.lazy import lazy_exports
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
__getattr__ = lazy_exports(__name__, _LAZY)

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
