"""The site switcher: the sites of the config, each with what its cache holds
(unread blogs, items in the outbox), the current one marked. Dismisses with the
name of the site chosen, or None."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pleio_tui.tui.i18n import Strings, one_line
from pleio_tui.tui.keys import bindings


class SiteChoice(NamedTuple):
    name: str
    host: str
    """host[:port], as the status bar shows it."""
    state: str
    """What its cache holds, in words ("12 unread · 1 in the outbox")."""
    current: bool = False


class SitesScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    SitesScreen { align: center middle; }
    SitesScreen > #sites-dialog {
        width: 90; max-width: 100%; height: auto; max-height: 90%;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    SitesScreen #sites-heading { text-style: bold; }
    SitesScreen #sites-explain { color: $text-muted; margin-bottom: 1; }
    SitesScreen OptionList { height: auto; max-height: 20; }
    """

    BINDINGS = bindings("screen")

    def __init__(self, strings: Strings, choices: Sequence[SiteChoice]) -> None:
        super().__init__()
        self._strings = strings
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        s = self._strings
        with Vertical(id="sites-dialog"):
            yield Static(Content(s("sites.heading")), id="sites-heading")
            yield Static(Content(s("sites.explain")), id="sites-explain")
            yield OptionList(*(self._option(choice) for choice in self._choices), id="sites")
            if len(self._choices) < 2:
                yield Static(Content(s("sites.none")), id="sites-none")

    def _option(self, choice: SiteChoice) -> Option:
        mark = "●" if choice.current else " "
        current = f"  ({self._strings('sites.current')})" if choice.current else ""
        text = f"{mark} {one_line(choice.name)}  {one_line(choice.host)}  {choice.state}{current}"
        return Option(Content(text), id=choice.name)

    def on_mount(self) -> None:
        options = self.query_one("#sites", OptionList)
        current = next((i for i, c in enumerate(self._choices) if c.current), 0)
        options.highlighted = current
        options.focus()

    @on(OptionList.OptionSelected, "#sites")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
