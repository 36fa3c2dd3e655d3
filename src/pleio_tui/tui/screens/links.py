"""The links of the open post, as newsboat shows them (`u`): type a link's number
and `enter`, or move to it with the arrows. The screen dismisses with the link
chosen, or None.

Imported when `u` is first pressed: the first screen does without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.lists import ListSource
from pleio_tui.tui.render.link_marks import fit_url
from pleio_tui.tui.render.post import PostLink
from pleio_tui.tui.widgets.row_layout import fit_row
from pleio_tui.tui.widgets.row_list import RowList

NUMBER = Style(color="bright_blue", bold=True)
DIM = Style(dim=True)


def link_row_formatter(strings: Strings) -> Callable[[PostLink, int, bool], Text]:
    def format_link(link: PostLink, width: int, selected: bool) -> Text:
        label = terminal_safe_line(link.label)
        head = Text(f" [{link.number}] ", NUMBER)
        head.append(label)
        if link.blog_guid is not None:
            head.append(f"  ({strings('links.related')})", DIM)
        row = fit_row(head, Text(), width)
        row.append("\n")
        indent = len(f" [{link.number}] ")
        row.append(" " * indent)
        row.append(fit_url(link.url, width - indent - 1), DIM + Style(link=link.url))
        return row

    return format_link


class NumberInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = bindings("links")

    def action_cursor_down(self) -> None:
        self.screen.query_one("#links-list", RowList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.screen.query_one("#links-list", RowList).action_cursor_up()


class LinksScreen(ModalScreen[PostLink | None]):
    DEFAULT_CSS = """
    LinksScreen { align: center middle; }
    LinksScreen > #links-dialog {
        width: 104; max-width: 100%; height: 80%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    LinksScreen #links-heading { text-style: bold; }
    LinksScreen #links-number { margin-bottom: 1; }
    LinksScreen #links-list { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("screen")

    def __init__(self, links: Sequence[PostLink], strings: Strings) -> None:
        super().__init__()
        self._links = tuple(links)
        self._strings = strings

    def compose(self) -> ComposeResult:
        s = self._strings
        with Vertical(id="links-dialog"):
            yield Static(Content(s("pane.links")), id="links-heading")
            yield NumberInput(placeholder=s("links.prompt"), restrict=r"[0-9]*", id="links-number")
            yield RowList(
                ListSource[PostLink](self._links),
                link_row_formatter(s),
                row_height=2,
                placeholder=s("links.none"),
                id="links-list",
            )

    def on_mount(self) -> None:
        self.query_one("#links-number", Input).focus()

    @property
    def links_list(self) -> RowList[PostLink]:
        return self.query_one("#links-list", RowList)

    def _numbered(self, text: str) -> int | None:
        if not text.isdigit():
            return None
        number = int(text)
        return next((n for n, link in enumerate(self._links) if link.number == number), None)

    @on(Input.Changed, "#links-number")
    def _number_typed(self, event: Input.Changed) -> None:
        event.stop()
        position = self._numbered(event.value)
        if position is not None:
            self.links_list.cursor_index = position

    @on(Input.Submitted, "#links-number")
    def _number_entered(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value:
            position = self._numbered(event.value)
            if position is None:
                text = self._strings("links.no_such", number=event.value)
                self.notify(text, severity="warning", markup=False)
                return
            self.dismiss(self._links[position])
            return
        chosen = self.links_list.highlighted_row
        if chosen is not None:
            self.dismiss(chosen)

    @on(RowList.Selected, "#links-list")
    def _link_chosen(self, event: RowList.Selected) -> None:
        event.stop()
        self.dismiss(event.row)

    def action_close(self) -> None:
        self.dismiss(None)
