"""The interface's side of storage faults: lists that read what they can, drafts
kept in memory until the cache takes them again, and a new cache when the file
was deleted under the running app. Plain Python: the app shows the notices."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Generic, TypeVar

from pleio_tui.models import RowSource
from pleio_tui.store import CacheFileError, Store, StoreError
from pleio_tui.store.outbox_carry import to_carry
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import Strings

RowT = TypeVar("RowT")

NOTICE_QUIET_SECONDS = 10.0
"""The same storage fault is not announced again within this many seconds."""


def store_error_text(strings: Strings, exc: BaseException) -> str:
    """The message for a store error, naming the file when there is one."""
    message = strings.error(error_code(exc))
    if isinstance(exc, CacheFileError):
        return strings("storage.where", message=message, path=str(exc.path))
    return message


class FaultNotices:
    """Says a storage fault once, not on every keystroke or every window read."""

    def __init__(self, notify: Callable[[str], None]) -> None:
        self._notify = notify
        self._last: dict[str, float] = {}

    def say(self, key: str, text: str) -> None:
        now = time.monotonic()
        if now - self._last.get(key, -NOTICE_QUIET_SECONDS) < NOTICE_QUIET_SECONDS:
            return
        self._last[key] = now
        self._notify(text)

    def forget(self) -> None:
        """The fault is gone: the next one is said at once."""
        self._last.clear()


class GuardedRowSource(Generic[RowT]):
    """A RowSource that reads what it can: a window on a damaged page reads as no
    rows, and the fault goes to `on_error` instead of crashing the list."""

    def __init__(self, source: RowSource[RowT], on_error: Callable[[StoreError], None]) -> None:
        self._source = source
        self._on_error = on_error

    def count(self) -> int:
        try:
            return self._source.count()
        except StoreError as exc:
            self._on_error(exc)
            return 0

    def window(self, offset: int, limit: int) -> list[RowT]:
        try:
            return self._source.window(offset, limit)
        except StoreError as exc:
            self._on_error(exc)
            return []


Draft = tuple[str, str]
"""A draft's title and body."""


class DraftKeeper:
    """Drafts the cache could not take, kept in memory and written as soon as it
    takes them again: every later save writes the waiting ones first."""

    def __init__(self) -> None:
        self._waiting: dict[str, Draft] = {}

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def kept(self, key: str) -> Draft | None:
        """The newest text of a draft that is in memory only."""
        return self._waiting.get(key)

    def save(self, store: Store, key: str, title: str, body: str) -> StoreError | None:
        """Save the draft (and any waiting ones); the error if it stays in memory."""
        self._waiting[key] = (title, body)
        return self.flush(store)

    def flush(self, store: Store) -> StoreError | None:
        """Write the waiting drafts; the error that stopped it, if one did."""
        for key, (title, body) in list(self._waiting.items()):
            try:
                store.save_draft(key, title, body)
            except StoreError as exc:
                return exc
            if self._waiting.get(key) == (title, body):
                del self._waiting[key]
        return None

    def forget(self, key: str) -> None:
        """The text is safe elsewhere (in the outbox)."""
        self._waiting.pop(key, None)


def restart_store(old: Store, path: Path) -> Store:
    """A new cache at `path`, for when the open file was deleted or replaced: the
    old file's drafts and every outbox item the site has not confirmed go into it
    as they were (see store/outbox_carry.py): one that may have reached the site
    stays unconfirmed, to be looked up before it is sent again, and a refused one
    keeps its reason."""
    drafts = old.drafts()
    carried = to_carry(old.outbox())
    fresh = Store.open(path)
    try:
        present = {draft.key for draft in fresh.drafts()}
        for draft in drafts:
            if draft.key not in present:
                fresh.save_draft(draft.key, draft.title, draft.body)
        fresh.carry_over(carried)
    except BaseException:
        fresh.close()
        raise
    return fresh
