"""Searching the offline cache: a query field over a list of hits.

Typing searches as you go (the cache's full-text index answers in milliseconds).
`enter` opens the best hit; `down` moves into the hits, where `enter` opens the one
under the cursor; `escape` closes. The screen dismisses with the blog's guid.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from pleio_tui.models import SearchHit
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.feed_pane import age_formatter
from pleio_tui.tui.panes.lists import ListSource
from pleio_tui.tui.widgets.row_list import RowList
from pleio_tui.tui.widgets.search_rows import (
    SEARCH_ROW_HEIGHT,
    SearchRowLabels,
    search_row_formatter,
)

Search = Callable[[str], Sequence[SearchHit]]


class QueryInput(Input):
    BINDINGS: ClassVar[list[BindingType]] = bindings("search")

    def action_to_hits(self) -> None:
        self.screen.focus_next()


class SearchScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    SearchScreen { align: center middle; }
    SearchScreen > #search-dialog {
        width: 110; max-width: 100%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    SearchScreen #search-heading { text-style: bold; }
    SearchScreen #search-query { margin-bottom: 1; }
    SearchScreen #search-hits { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings("screen")

    def __init__(self, search: Search, strings: Strings, query: str = "") -> None:
        super().__init__()
        self._search = search
        self._strings = strings
        self._query = query

    def compose(self) -> ComposeResult:
        s = self._strings
        formatter = search_row_formatter(
            age_formatter(s), SearchRowLabels(in_comment=s("search.in_comment"))
        )
        with Vertical(id="search-dialog"):
            yield Static(Content(s("pane.search")), id="search-heading")
            yield QueryInput(self._query, placeholder=s("search.placeholder"), id="search-query")
            yield RowList(
                ListSource[SearchHit](()),
                formatter,
                row_height=SEARCH_ROW_HEIGHT,
                id="search-hits",
            )

    def on_mount(self) -> None:
        self.query_one("#search-query", Input).focus()
        if self._query:
            self._run(self._query)

    @property
    def hits(self) -> RowList[SearchHit]:
        return self.query_one("#search-hits", RowList)

    def _run(self, query: str) -> None:
        query = query.strip()
        hits = self._search(query) if query else ()
        placeholder = self._strings("empty.search", query=query) if query else ""
        self.hits.set_source(ListSource(hits), placeholder)
        self.hits.cursor_index = 0

    @on(Input.Changed, "#search-query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._run(event.value)

    @on(Input.Submitted, "#search-query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._run(event.value)
        best = self.hits.highlighted_row
        if best is not None:
            self.dismiss(best.blog_guid)

    @on(RowList.Selected, "#search-hits")
    def _hit_chosen(self, event: RowList.Selected) -> None:
        event.stop()
        self.dismiss(event.row.blog_guid)

    def action_close(self) -> None:
        self.dismiss(None)
