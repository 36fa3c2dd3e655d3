"""What a sync tells its caller: progress while it runs, a report when it ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pleio_tui.models import OutboxKind, WaitingAuthor


class SyncPhase(StrEnum):
    OUTBOX = "outbox"
    SITE = "site"
    GROUPS = "groups"
    BLOGS = "blogs"
    CHANGES = "changes"
    DELETIONS = "deletions"


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """`done` of `total` in a phase; `total` is 0 while it is not known yet."""

    phase: SyncPhase
    done: int
    total: int


ProgressCallback = Callable[[SyncProgress], None]


class OutboxResult(StrEnum):
    SENT = "sent"
    FOUND = "found"
    """It had reached the site before (a crash or a lost answer): not sent again."""
    FAILED = "failed"
    """The site refused it; the item is kept with the reason."""
    WAITING = "waiting"
    """No network, no valid session, or no definite answer yet: it stays queued
    (or unconfirmed, looked up before any resend) for the next replay."""


@dataclass(frozen=True, slots=True)
class OutboxOutcome:
    item_id: int
    kind: OutboxKind
    result: OutboxResult
    remote_guid: str | None = None
    remote_url: str | None = None
    """Relative, as Pleio sends it (for a new blog)."""
    error_code: str | None = None
    message: str | None = None

    @property
    def delivered(self) -> bool:
        return self.result in (OutboxResult.SENT, OutboxResult.FOUND)


class StopReason(StrEnum):
    OFFLINE = "offline"
    SESSION_EXPIRED = "session_expired"


@dataclass(frozen=True, slots=True)
class SyncReport:
    groups: int = 0
    blogs_new: int = 0
    blogs_updated: int = 0
    blogs_deleted: int = 0
    content_new: int = 0
    """Items of the kinds beside blogs (discussions, questions, events, ...)."""
    content_updated: int = 0
    content_deleted: int = 0
    new_by_kind: tuple[tuple[str, int], ...] = ()
    """New items per Pleio subtype ("blog", "discussion", ...), most first."""
    comments: int = 0
    """Comments and replies in the threads this sync saved."""
    outbox: tuple[OutboxOutcome, ...] = ()
    outbox_waiting: int = 0
    """Items still queued after the sync (pending or unconfirmed)."""
    outbox_busy: bool = False
    """Another pleio-tui was sending the outbox: this sync sent nothing."""
    outbox_for_others: tuple[WaitingAuthor, ...] = ()
    """Unsent items of other accounts than the one logged in: they wait for
    the account that wrote them (counted in `outbox_waiting` too)."""
    notifications_new: int = 0
    """Unread notifications this sync brought that the cache did not hold."""
    requests: int = 0
    duration: float = 0.0
    full: bool = False
    """A full download (the first sync, or one that did not finish before)."""
    stopped: StopReason | None = None
    stop_detail: str = ""

    @property
    def completed(self) -> bool:
        return self.stopped is None

    @property
    def items_new(self) -> int:
        """New items of every kind, blogs included."""
        return self.blogs_new + self.content_new

    @property
    def items_updated(self) -> int:
        return self.blogs_updated + self.content_updated

    @property
    def items_deleted(self) -> int:
        return self.blogs_deleted + self.content_deleted

    @property
    def outbox_sent(self) -> int:
        return sum(1 for outcome in self.outbox if outcome.delivered)

    @property
    def outbox_waiting_for_others(self) -> int:
        return sum(author.count for author in self.outbox_for_others)

    @property
    def outbox_failed(self) -> int:
        return sum(1 for outcome in self.outbox if outcome.result == OutboxResult.FAILED)
