"""The offline cache: groups, blogs and comments as last seen, full-text search,
read marks, drafts and the outbox, in one SQLite file per site."""

from pleio_tui.store.errors import (
    CacheBusyError,
    CacheCorruptError,
    CacheFileError,
    CacheFullError,
    CacheIOError,
    CacheOpenError,
    CacheReadOnlyError,
    CacheReplacedError,
    NewerSchemaError,
    OutboxBusyError,
    OutboxItemNotFoundError,
    OutboxStateError,
    StoreError,
)
from pleio_tui.store.rowsource import SqlRowSource
from pleio_tui.store.store import Store

__all__ = [
    "CacheBusyError",
    "CacheCorruptError",
    "CacheFileError",
    "CacheFullError",
    "CacheIOError",
    "CacheOpenError",
    "CacheReadOnlyError",
    "CacheReplacedError",
    "NewerSchemaError",
    "OutboxBusyError",
    "OutboxItemNotFoundError",
    "OutboxStateError",
    "SqlRowSource",
    "Store",
    "StoreError",
]
