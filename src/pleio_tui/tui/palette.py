"""The command palette (ctrl+p): every action of the app, named in the user's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import key_label


@dataclass(frozen=True, slots=True)
class PaletteAction:
    binding_id: str
    """Names the action (`key.<id>` in the strings) and its key."""
    action: str
    """An action of the app, as a binding would run it."""


PALETTE_ACTIONS: tuple[PaletteAction, ...] = (
    PaletteAction("app.search", "search"),
    PaletteAction("app.sync", "sync"),
    PaletteAction("post.new", "new_item"),
    PaletteAction("post.comment", "comment"),
    PaletteAction("post.reply", "reply"),
    PaletteAction("post.edit", "edit_post"),
    PaletteAction("post.vote_up", "vote(1)"),
    PaletteAction("post.vote_down", "vote(-1)"),
    PaletteAction("post.bookmark", "bookmark"),
    PaletteAction("post.open_browser", "open_browser"),
    PaletteAction("post.copy_link", "copy_link"),
    PaletteAction("group.join", "toggle_membership"),
    PaletteAction("app.outbox", "outbox"),
    PaletteAction("app.language", "toggle_language"),
    PaletteAction("app.help", "help"),
    PaletteAction("app.quit", "quit"),
    PaletteAction("feed.type_filter", "type_filter"),
    PaletteAction("post.attend", "attend"),
    PaletteAction("post.best_answer", "best_answer"),
    PaletteAction("post.download", "download"),
)


class PaletteHost(Protocol):
    """What the provider needs from the app."""

    @property
    def strings(self) -> Strings: ...

    @property
    def keys(self) -> dict[str, str]: ...

    async def run_action(self, action: str) -> bool: ...


class ActionsProvider(Provider):
    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        host: PaletteHost = self.app  # type: ignore[assignment]
        entries = []
        for entry in PALETTE_ACTIONS:
            name = host.strings(f"key.{entry.binding_id}")
            keys = key_label(entry.binding_id, host.keys)
            entries.append((name, keys, partial(host.run_action, entry.action)))
        return entries

    async def discover(self) -> Hits:
        for name, keys, callback in self._entries():
            yield DiscoveryHit(name, callback, help=keys)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, keys, callback in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=keys)
