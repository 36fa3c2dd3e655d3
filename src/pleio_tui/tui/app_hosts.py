"""What the app offers the storage guard and the reconnect probe: small methods
over its state, kept out of `app` so that module keeps to the app's own work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.models import Blog, OutboxState
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.services.background import SiteAccess, run_job

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine
    from typing import Any

    from textual.timer import Timer

    from pleio_tui.tui.i18n import Strings
    from pleio_tui.tui.services.reconnect import Cancellable, ReconnectProbe


class StorageHostMixin:
    """For `StorageGuard`, and the outbox's comments shown in their thread."""

    _store: Store | None

    if TYPE_CHECKING:

        def notify(self, message: str, *, severity: Any = ..., markup: bool = ...) -> None: ...

        def set_interval(self, interval: float, callback: Callable[[], None]) -> Timer: ...

        def _show_cache(self) -> None: ...

        def _show_status(self) -> None: ...

        def _report(self, exc: BaseException) -> None: ...

    def replace_store(self, store: Store) -> None:
        """The cache file was deleted or replaced: go on with a new one."""
        if self._store is not None:
            self._store.close()
        self._store = store
        self._show_cache()
        self._show_status()

    def notify_plain(self, text: str, severity: str) -> None:
        self.notify(text, severity=severity, markup=False)

    def every(self, seconds: float, callback: Callable[[], None]) -> Timer:
        return self.set_interval(seconds, callback)

    def _with_waiting(self, blog: Blog) -> Blog:
        """The blog with the comments on it still in the outbox, marked as waiting."""
        if self._store is None:
            return blog
        from pleio_tui.tui.render.waiting import with_waiting_comments

        try:
            items = self._store.outbox((OutboxState.PENDING, OutboxState.SENDING))
            viewer = self._store.load_viewer() if items else None
        except StoreError as exc:
            self._report(exc)
            return blog
        return with_waiting_comments(blog, items, viewer.user if viewer else None)


class ReconnectHostMixin:
    """For `ReconnectProbe`: is anything waiting, may the network be used, ask
    the site, and send the outbox once it answers."""

    _store: Store | None
    _site: SiteAccess | None
    _online: bool
    _reconnect_probe: ReconnectProbe | None

    if TYPE_CHECKING:

        @property
        def strings(self) -> Strings: ...

        def notify(self, message: str, *, severity: Any = ..., markup: bool = ...) -> None: ...

        def set_timer(self, delay: float, callback: Callable[[], None]) -> Timer: ...

        def run_worker(self, work: Any, *, group: str = ..., exclusive: bool = ...) -> Any: ...

        def _can_reach_site(self) -> bool: ...

        def _show_status(self) -> None: ...

        def _replay(self) -> Coroutine[Any, Any, None]: ...

    @property
    def _reconnect(self) -> ReconnectProbe:
        """Made when the site first fails to answer."""
        if self._reconnect_probe is None:
            from pleio_tui.tui.services.reconnect import ReconnectProbe

            self._reconnect_probe = ReconnectProbe(self)
        return self._reconnect_probe

    def has_waiting_items(self) -> bool:
        try:
            counts = self._store.outbox_counts() if self._store is not None else {}
        except StoreError:
            return False
        return counts.get(OutboxState.PENDING, 0) > 0

    def may_use_network(self) -> bool:
        return self._can_reach_site()

    def later(self, seconds: float, callback: Callable[[], None]) -> Cancellable:
        return self.set_timer(seconds, callback)

    def start_probe(self, probe: Callable[[], Awaitable[None]]) -> None:
        self.run_worker(probe(), group="probe", exclusive=True)

    async def ask_site(self) -> bool:
        """Whether the site answers; any answer counts, the replay says the rest."""
        from pleio_tui.api import OfflineError, PleioError
        from pleio_tui.tui.services.jobs import viewer_job

        if self._site is None:
            return False
        try:
            await run_job(self._site, viewer_job())
        except OfflineError:
            return False
        except (PleioError, StoreError):
            return True
        return True

    def site_answers(self) -> None:
        """The site is back: send what waits, without being asked."""
        self._online = True
        self.notify(self.strings("notice.back_online"), markup=False)
        self._show_status()
        self.run_worker(self._replay(), group="replay")
