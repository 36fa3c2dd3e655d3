"""The app's answer to a cache it cannot use: say so once, keep running on what
can be read, keep unsaved drafts in memory and write them as soon as the cache
takes them again, and start a new cache when the file was deleted under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from pleio_tui.models import RowSource
from pleio_tui.store import CacheReplacedError, Store, StoreError
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.services.storage import (
    DraftKeeper,
    FaultNotices,
    GuardedRowSource,
    restart_store,
    store_error_text,
)

if TYPE_CHECKING:
    from typing import Protocol

    from textual.timer import Timer

    class StorageHost(Protocol):
        """What the guard needs from the app."""

        @property
        def store(self) -> Store | None: ...

        @property
        def strings(self) -> Strings: ...

        def replace_store(self, store: Store) -> None: ...

        def notify_plain(self, text: str, severity: str) -> None: ...

        def every(self, seconds: float, callback: Callable[[], None]) -> Timer: ...


RowT = TypeVar("RowT")

RETRY_SECONDS = 2.0
"""How often drafts kept in memory are tried again."""


class StorageGuard:
    def __init__(self, host: StorageHost) -> None:
        self._host = host
        self._drafts = DraftKeeper()
        self._notices = FaultNotices(lambda text: host.notify_plain(text, "error"))
        self._retry: Timer | None = None

    @property
    def drafts_in_memory(self) -> int:
        return self._drafts.waiting

    def kept_draft(self, key: str) -> tuple[str, str] | None:
        """A draft's (title, body) while it is in memory only."""
        return self._drafts.kept(key)

    # --- reading ---

    def guarded(self, source: RowSource[RowT]) -> GuardedRowSource[RowT]:
        """`source`, reading what it can: a fault is reported, not raised."""
        return GuardedRowSource(source, self.report)

    def report(self, exc: BaseException) -> None:
        """Say what went wrong with the cache (once, not on every read)."""
        self._notices.say(error_code(exc), store_error_text(self._host.strings, exc))
        if isinstance(exc, CacheReplacedError):
            self._restart()

    # --- writing ---

    def save_draft(self, key: str, title: str, body: str) -> bool:
        """Save a draft; when the cache will not take it, keep it in memory, say so
        and try again until it does. False when it is in memory only."""
        store = self._host.store
        if store is None:
            return False
        error = self._drafts.save(store, key, title, body)
        if error is None:
            return True
        self._kept_in_memory(error)
        return self._drafts.kept(key) is None

    def written(self, key: str) -> None:
        """The text of `key` is safe in the outbox: no draft of it waits in memory."""
        self._drafts.forget(key)

    def not_queued(self, exc: StoreError) -> None:
        """Enqueueing failed; the text stays where the user typed it."""
        reason = store_error_text(self._host.strings, exc)
        self._notices.say("not_queued", self._host.strings("notice.not_queued", reason=reason))
        if isinstance(exc, CacheReplacedError):
            self._restart()

    def check_file(self) -> None:
        """Start a new cache if the open file was deleted or replaced (a sync in
        another thread writes to whatever file has the name now)."""
        store = self._host.store
        if store is not None and not store.is_same_file():
            self._restart()

    def _kept_in_memory(self, error: StoreError) -> None:
        if isinstance(error, CacheReplacedError) and self._restart():
            return
        reason = store_error_text(self._host.strings, error)
        text = self._host.strings("notice.draft_in_memory", reason=reason)
        self._notices.say("draft_in_memory", text)
        if self._retry is None:
            self._retry = self._host.every(RETRY_SECONDS, self._try_again)

    def _try_again(self) -> None:
        store = self._host.store
        if store is None:
            return
        error = self._drafts.flush(store)
        if error is not None:
            if isinstance(error, CacheReplacedError):
                self._restart()
            return
        if self._retry is not None:
            self._retry.stop()
            self._retry = None
        self._notices.forget()
        self._host.notify_plain(self._host.strings("notice.drafts_saved_again"), "information")

    def _restart(self) -> bool:
        """A new cache in place of a deleted or replaced one, with the old one's
        drafts, unsent items and the drafts in memory; False if it cannot be made."""
        old = self._host.store
        if old is None or old.is_same_file():
            return False
        try:
            fresh = restart_store(old, old.path)
        except StoreError as exc:
            self._notices.say(error_code(exc), store_error_text(self._host.strings, exc))
            return False
        self._host.replace_store(fresh)
        text = self._host.strings("notice.cache_restarted", path=str(fresh.path))
        self._notices.say("cache_restarted", text)
        if self._drafts.waiting:
            self._try_again()
        return True
