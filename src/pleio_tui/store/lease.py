"""One sender at a time: the outbox lease, an OS lock on a file beside the cache.

Every process (the TUI, its background sync, `pleio-tui sync`, `pleio-tui post`)
opens its own Store; only the Store holding the lease may mark an item SENDING.
An OS lock rather than a row with an expiry: the kernel drops it the moment its
holder dies (even on `kill -9`), and a holder that was paused (a laptop asleep
mid-send) still holds it when it wakes, so no second sender can start behind
its back. Locks on separate opens of the file exclude each other even inside one
process, so two Stores of the same process never send at once either.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pleio_tui.store.base import StoreBase
from pleio_tui.store.connection import create_private_file

LEASE_SUFFIX = ".outbox-lock"


def lease_path(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name + LEASE_SUFFIX)


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt  # the platform's own module: one or the other exists

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # the platform's own module: one or the other exists

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


class OutboxLeaseMixin(StoreBase):
    _lease_fd: int | None = None

    @property
    def holds_outbox_lease(self) -> bool:
        return self._lease_fd is not None

    def take_outbox_lease(self) -> bool:
        """Become the one sender of this cache's outbox; False when another Store
        (in this process or another) is sending. Taking it twice is harmless."""
        if self._lease_fd is not None:
            return True
        path = lease_path(self._path)
        create_private_file(path)
        fd = os.open(path, os.O_RDWR)
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._lease_fd = fd
        return True

    def release_outbox_lease(self) -> None:
        """Let another sender in. Closing the file drops the lock."""
        fd, self._lease_fd = self._lease_fd, None
        if fd is not None:
            os.close(fd)
