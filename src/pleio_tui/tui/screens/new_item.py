"""`n`: which kind to write (blog, discussion, question, status update), then the
screen to write a discussion, question or status update in, as the new-blog
screen with the kind's heading and draft key (a status update needs no title)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.events import Mount
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.screens.new_post import NewPost, NewPostScreen

CHOICES = ("blog", "discussion", "question", "statusupdate")


class KindChoiceScreen(ModalScreen[str | None]):
    """Dismisses with the kind chosen (`enter`), or None (`escape`)."""

    DEFAULT_CSS = """
    KindChoiceScreen { align: center middle; }
    KindChoiceScreen > #kind-dialog {
        width: 50; max-width: 90%; height: auto;
        border: thick $accent; background: $surface; padding: 1 2;
    }
    KindChoiceScreen #kind-heading { margin-bottom: 1; }
    KindChoiceScreen OptionList { height: auto; }
    """

    BINDINGS = bindings("screen")

    def __init__(self, group_name: str, strings: Strings) -> None:
        super().__init__()
        self._group_name = group_name
        self._strings = strings

    def compose(self) -> ComposeResult:
        s = self._strings
        with Vertical(id="kind-dialog"):
            # The group name is remote text: a Content shows it literally.
            heading = Content(s("new_kind.heading", group=self._group_name))
            yield Static(heading, id="kind-heading")
            yield OptionList(
                *(Option(Content(s(f"new_kind.{kind}")), id=kind) for kind in CHOICES),
                id="kind-choices",
            )

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        choices.highlighted = 0
        choices.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)


class NewItemScreen(NewPostScreen):
    """A discussion, question or status update in a group."""

    def __init__(
        self, kind: str, group_guid: str, group_name: str, strings: Strings, **kw: Any
    ) -> None:
        super().__init__(group_guid, group_name, strings, **kw)
        self.kind = kind

    @property
    def draft_key(self) -> str:
        return f"{self.kind}:{self._group_guid}"

    def on_mount(self, event: Mount) -> None:
        event.prevent_default()  # the new-blog screen's own focuses the title
        heading = self._strings(f"new_item.heading.{self.kind}", group=self._group_name)
        self.query_one("#new-post-heading", Static).update(Content(heading))
        if self.kind == "statusupdate":
            # A status update is its text alone.
            self.query_one("#new-post-title", Input).display = False
            self.query("#new-post-dialog > Static")[1].display = False  # its label
            self.query_one("#new-post-body", TextArea).focus()
        else:
            self.query_one("#new-post-title", Input).focus()

    def action_send(self) -> None:
        if self.kind != "statusupdate":
            super().action_send()
            return
        from pleio_tui.richtext import is_blank_markdown  # markdown-it, 25 ms, when first sent

        if is_blank_markdown(self.body_text):
            self.show_error(self._strings("new_post.body_blank"))
            return
        self._cancel_debounce()
        post = NewPost(self._group_guid, "", self.body_text)
        if self._send is None:
            self.dismiss(post)
        elif self._send(post):
            self.dismiss(None)
