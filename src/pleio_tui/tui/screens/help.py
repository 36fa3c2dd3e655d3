"""The key help, generated from the binding table and the strings, so it always
shows the keys that work now (the user's remaps included)."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import HelpRow, bindings, help_rows


def help_content(rows: list[HelpRow]) -> Content:
    """The table as text: a heading per section, then key and description columns."""
    width = max((len(row.keys) for row in rows), default=0) + 2
    lines: list[Content] = []
    section = None
    for row in rows:
        if row.section != section:
            if section is not None:
                lines.append(Content(""))
            section = row.section
            lines.append(Content.styled(section, "bold"))
        lines.append(
            Content.assemble("  ", (row.keys.ljust(width), "bold $text-accent"), row.description)
        )
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > #help-dialog {
        width: 76; max-width: 100%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    HelpScreen #help-heading { text-style: bold; margin-bottom: 1; }
    HelpScreen #help-close { color: $text-muted; }
    """

    BINDINGS = [  # noqa: RUF012 (Textual's own ClassVar)
        *bindings("screen"),
        # The key that opens the help closes it too (same id, so a remap moves both).
        Binding("?", "close", show=False, id="app.help"),
    ]

    def __init__(self, strings: Strings, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._strings = strings
        self._keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog"):
            yield Static(Content(self._strings("help.heading")), id="help-heading")
            with VerticalScroll(id="help-scroll"):
                yield Static(help_content(help_rows(self._strings, self._keymap)), id="help-table")
            yield Static(Content(self._strings("help.close")), id="help-close")

    def action_close(self) -> None:
        self.dismiss(None)
