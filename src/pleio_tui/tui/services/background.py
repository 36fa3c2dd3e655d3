"""Network work off the interface's thread.

Each job runs in its own daemon thread with its own event loop, its own
`PleioClient` and its own `Store` (an httpx client or a sqlite3 connection never
crosses threads). The interface awaits the result without blocking, and quitting
never waits for a slow site: the thread is a daemon, and SQLite's WAL keeps the
cache whole if it is cut off mid-write.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from pleio_tui.secret import Secret
from pleio_tui.store import Store

if TYPE_CHECKING:
    from pleio_tui.api import PleioClient

T = TypeVar("T")

Job = Callable[["PleioClient", Store], Awaitable[T]]
"""Network work: gets a fresh client and Store on its own thread."""


class SiteAccess(NamedTuple):
    """What a job needs to reach the site and the cache."""

    site_url: str
    session: Secret | None
    """Masked wherever it shows (a crash report lists this tuple)."""
    cache_path: Path
    anonymous: bool = False
    """Read without an account, as the site shows itself to visitors."""
    session_in_keyring: bool = False
    """The session is the keyring's: each job asks the keyring again, so that a
    logout in another shell stops the app sending as the user, and a new login
    there is used."""


async def run_job(access: SiteAccess, job: Job[T]) -> T:
    """Run `job` in a daemon thread; its result or exception comes back here."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def deliver(result: T | None, error: BaseException | None) -> None:
        if future.done():  # the awaiting worker was cancelled
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)  # type: ignore[arg-type]

    def thread_main() -> None:
        try:
            result = asyncio.run(_with_resources(access, job))
        except BaseException as exc:  # handed to the awaiting side, never lost
            _call_soon(loop, deliver, None, exc)
        else:
            _call_soon(loop, deliver, result, None)

    threading.Thread(target=thread_main, name="pleio-tui-network", daemon=True).start()
    return await future


async def _with_resources(access: SiteAccess, job: Job[T]) -> T:
    session = _session_now(access)
    store = Store.open(access.cache_path)
    try:
        from pleio_tui.api import PleioClient  # httpx: 60 ms, off the first frame

        async with PleioClient(access.site_url, session) as client:
            return await job(client, store)
    finally:
        store.close()


def _session_now(access: SiteAccess) -> Secret | None:
    """The session to send: the keyring's as it is now when the app's came from
    there. LoggedOutError when it is gone from the keyring; a keyring that
    cannot be read now (a locked wallet) leaves the one the app holds."""
    if not access.session_in_keyring:
        return access.session
    from pleio_tui.api import LoggedOutError  # httpx: off the first frame
    from pleio_tui.credentials import KeyringUnavailableError, keyring_session

    try:
        now = keyring_session(access.site_url)
    except KeyringUnavailableError:
        return access.session
    if now is None:
        raise LoggedOutError("the session is no longer in the keyring")
    return now


def _call_soon(
    loop: asyncio.AbstractEventLoop, callback: Callable[..., None], *args: object
) -> None:
    """Hand a result back to the interface's loop, unless it has already ended."""
    with contextlib.suppress(RuntimeError):  # the app quit while the job ran
        loop.call_soon_threadsafe(callback, *args)


def thread_safe(
    loop: asyncio.AbstractEventLoop, callback: Callable[[T], None]
) -> Callable[[T], None]:
    """Wrap a callback so a job's thread can call it; it runs on `loop`'s thread."""

    def call(value: T) -> None:
        _call_soon(loop, callback, value)

    return call
