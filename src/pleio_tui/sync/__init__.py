"""Keeping the offline cache in step with the site, and sending the outbox."""

from pleio_tui.sync.engine import SyncEngine
from pleio_tui.sync.events import (
    OutboxOutcome,
    OutboxResult,
    StopReason,
    SyncPhase,
    SyncProgress,
    SyncReport,
)
from pleio_tui.sync.outbox import OutboxReplayer

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
