"""The command palette (ctrl+p): every action of the app and every theme, named
in the user's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from rich.align import Align
from rich.text import Text
from textual.app import App
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

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
    PaletteAction("post.delete_comment", "delete_comment"),
    PaletteAction("post.vote_up", "vote(1)"),
    PaletteAction("post.vote_down", "vote(-1)"),
    PaletteAction("post.bookmark", "bookmark"),
    PaletteAction("post.open_browser", "screen.open_browser"),
    PaletteAction("post.copy_link", "screen.copy_link"),
    PaletteAction("post.links", "screen.links"),
    PaletteAction("group.join", "toggle_membership"),
    PaletteAction("app.outbox", "outbox"),
    PaletteAction("app.sites", "switch_site"),
    PaletteAction("app.inbox", "inbox"),
    PaletteAction("app.mark_read", "mark_read"),
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

    @property
    def available_themes(self) -> dict[str, Any]: ...

    theme: str

    async def run_action(self, action: str) -> bool: ...

    def notify_plain(self, text: str, severity: str = "information") -> None: ...


class TranslatedPalette(CommandPalette):
    """Textual's palette saying "no matches" in the user's language (Textual 8.2.8,
    pinned: its countdown is rewritten with the one text changed)."""

    def __init__(self, no_matches: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._no_matches_text = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            text = Text(self._no_matches_text, style="not bold")
            option = Option(Align.center(text), disabled=True, id=self._NO_MATCHES)
            self.query_one(CommandList).add_option(option)
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def open_palette(app: App[Any]) -> None:
    """The palette, its prompt in the user's language (Textual's says English)."""
    host: PaletteHost = app  # type: ignore[assignment]
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(
            TranslatedPalette(
                host.strings("palette.no_matches"),
                placeholder=host.strings("palette.placeholder"),
                id="--command-palette",
            )
        )


class ActionsProvider(Provider):
    def _entries(self) -> list[tuple[str, str, Callable[[], object]]]:
        host: PaletteHost = self.app  # type: ignore[assignment]
        entries = []
        for entry in PALETTE_ACTIONS:
            name = host.strings(f"key.{entry.binding_id}")
            keys = key_label(entry.binding_id, host.keys)
            entries.append((name, keys, partial(host.run_action, entry.action)))
        for theme in sorted(host.available_themes):
            name = host.strings("palette.theme", theme=theme)
            entries.append((name, "", partial(self._choose_theme, theme)))
        return entries

    def _choose_theme(self, theme: str) -> None:
        host: PaletteHost = self.app  # type: ignore[assignment]
        host.theme = theme  # the app keeps it in the config
        host.notify_plain(host.strings("notice.theme", theme=theme))

    async def discover(self) -> Hits:
        for name, keys, callback in self._entries():
            yield DiscoveryHit(name, callback, help=keys)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, keys, callback in self._entries():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=keys)
