"""What the controllers need from the app: the cache, the strings, the main
screen, the key table, and the ways to run work and show things."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from textual.message import Message
    from textual.screen import Screen

    from pleio_tui.store import Store
    from pleio_tui.tui.i18n import Strings
    from pleio_tui.tui.main_screen import MainScreen
    from pleio_tui.tui.services.background import SiteAccess
    from pleio_tui.tui.storage_guard import StorageGuard


class AppHost(Protocol):
    @property
    def store(self) -> Store | None: ...

    @property
    def strings(self) -> Strings: ...

    @property
    def main(self) -> MainScreen: ...

    @property
    def keys(self) -> dict[str, str]:
        """The user's remaps of the key table (binding id -> keys)."""
        ...

    @property
    def storage(self) -> StorageGuard: ...

    @property
    def site(self) -> SiteAccess | None: ...

    @property
    def offline(self) -> bool:
        """Started with --offline: the network is never used."""
        ...

    @property
    def screen(self) -> Screen[Any]: ...

    def can_reach_site(self) -> bool: ...

    def open_post(self, guid: str) -> None:
        """Show a cached blog in the post pane (and mark it read)."""

    @property
    def is_online(self) -> bool:
        """The site answered the last request made to it."""
        ...

    def show_status(self) -> None:
        """Show the status bar as things are now (online, outbox counts)."""
        ...

    def notify_plain(self, text: str, severity: str = "information") -> None: ...

    def report(self, exc: BaseException) -> None:
        """Say what went wrong (a cache fault once, through the storage guard)."""
        ...

    def run_worker(self, work: Any, *, group: str = ..., exclusive: bool = ...) -> Any: ...

    def push_screen(self, screen: Any, callback: Any = ...) -> Any: ...

    def post_message(self, message: Message) -> bool: ...
