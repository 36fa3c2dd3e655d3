"""The group list: "all groups" first, then mine, then the rest, with a filter
field above it (`f` goes there; `enter` or `escape` comes back to the list)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message

from pleio_tui.models import GroupRow, Membership, RowSource
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.lists import ListSource, SwitchableFormatter, WithFirstRow
from pleio_tui.tui.widgets.group_rows import (
    GROUP_ROW_HEIGHT,
    GroupRowLabels,
    group_row_formatter,
)
from pleio_tui.tui.widgets.row_layout import fit_row
from pleio_tui.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from textual.widgets import Input

ALL_GROUPS = ""
"""The guid of the "all groups" row (no Pleio guid is empty)."""

ALL_ROW_STYLE = Style(bold=True)
UNREAD_STYLE = Style(bold=True, color="bright_yellow")


def all_groups_row(strings: Strings, unread: int) -> GroupRow:
    return GroupRow(
        guid=ALL_GROUPS,
        name=strings("groups.all"),
        member_count=0,
        membership=Membership.JOINED,
        is_closed=False,
        is_membership_on_request=False,
        unread_count=unread,
        blog_count=0,
    )


def group_formatter(strings: Strings) -> Callable[[GroupRow, int, bool], Text]:
    """The shared group row, in the app's language, and the "all groups" row."""
    labels = GroupRowLabels(
        members=lambda n: strings.plural("groups.members", n),
        unread=lambda n: strings("groups.unread", n=n),
        closed=strings("groups.closed"),
    )
    group_row = group_row_formatter(labels)

    def format_row(row: GroupRow, width: int, selected: bool) -> Text:
        if row.guid != ALL_GROUPS:
            return group_row(row, width, selected)
        name = Text(" ≡ ")
        name.append(row.name, ALL_ROW_STYLE)
        meta = Text("   ")
        if row.unread_count:
            meta.append(strings("groups.unread", n=row.unread_count), UNREAD_STYLE)
        result = fit_row(name, Text(), width)
        result.append("\n")
        result.append_text(fit_row(meta, Text(), width))
        return result

    return format_row


class GroupsPane(Vertical):
    """Posts `FilterChanged` as the filter is typed and `MembershipToggle` on the
    join/leave key; the app answers with `show` and its own dialogs.

    The filter field is made the first time the user asks for it (`f`); until
    then the pane's bottom border names the key. An Input is the costliest widget
    of the first screen to style, and most starts never filter.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *bindings("groups"),
    ]

    DEFAULT_CSS = """
    GroupsPane > #group-list { height: 1fr; }
    """

    @dataclass
    class FilterChanged(Message):
        """The filter field now holds `text`."""

        text: str

    @dataclass
    class MembershipToggle(Message):
        """The user asked to join or leave `group`."""

        group: GroupRow

    def __init__(self, strings: Strings) -> None:
        super().__init__(id="groups", classes="pane")
        self._strings = strings
        self._formatter = SwitchableFormatter(group_formatter(strings))
        self._filter_field: Input | None = None

    def compose(self) -> ComposeResult:
        yield RowList(
            ListSource[GroupRow](()),
            self._formatter,
            row_height=GROUP_ROW_HEIGHT,
            placeholder=self._strings("empty.groups"),
            id="group-list",
        )

    def on_mount(self) -> None:
        self.border_title = Content(self._strings("pane.groups"))
        self._show_filter_hint()

    @property
    def row_list(self) -> RowList[GroupRow]:
        return self.query_one("#group-list", RowList)

    @property
    def filter_text(self) -> str:
        field = self._filter_field
        return field.value if field is not None else ""

    @property
    def current(self) -> GroupRow | None:
        return self.row_list.highlighted_row

    @property
    def chosen_group(self) -> GroupRow | None:
        """The group under the cursor; None on the "all groups" row."""
        row = self.current
        return row if row is not None and row.guid != ALL_GROUPS else None

    def show(self, groups: RowSource[GroupRow], unread_total: int, placeholder: str) -> None:
        """`groups` after an "all groups" row with `unread_total`; `placeholder`
        shows while the cache has no groups at all."""
        if groups.count() == 0 and not self.filter_text:
            self.row_list.set_source(groups, placeholder)
        else:
            all_row = all_groups_row(self._strings, unread_total)
            self.row_list.set_source(WithFirstRow(all_row, groups), placeholder)

    def set_strings(self, strings: Strings) -> None:
        self._strings = strings
        self._formatter.formatter = group_formatter(strings)
        self.border_title = Content(strings("pane.groups"))
        field = self._filter_field
        if field is not None:
            field.placeholder = strings("groups.filter_placeholder")
        self._show_filter_hint()

    async def action_focus_filter(self) -> None:
        field = self._filter_field
        if field is None:
            # Input: 3.4 ms, made when `f` is first pressed
            from pleio_tui.tui.widgets.group_filter import FilterInput

            field = FilterInput(
                placeholder=self._strings("groups.filter_placeholder"), id="group-filter"
            )
            await self.mount(field, before=self.row_list)
            self._filter_field = field
            self._show_filter_hint()
        field.focus()

    def _show_filter_hint(self) -> None:
        hint = "" if self._filter_field is not None else self._strings("groups.filter_placeholder")
        self.border_subtitle = Content(hint)

    def action_toggle_membership(self) -> None:
        row = self.current
        if row is not None and row.guid != ALL_GROUPS:
            self.post_message(self.MembershipToggle(row))

    # The filter field is the pane's only input.
    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.row_list.focus()
