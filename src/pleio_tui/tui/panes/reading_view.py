"""The post view as the reading pane uses it: the post keys of the key table, and
its strings in the user's language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings
from pleio_tui.tui.panes.feed_pane import age_formatter
from pleio_tui.tui.render import DUTCH, ENGLISH, PostStrings
from pleio_tui.tui.render.ages import format_when
from pleio_tui.tui.widgets.post_view import PostView


def post_strings(strings: Strings) -> PostStrings:
    base = DUTCH if strings.lang == "nl" else ENGLISH
    return base._replace(
        format_age=age_formatter(strings),
        format_when=partial(format_when, lang=strings.lang),
        waiting=strings("post.waiting"),
        waiting_edit=strings("post.waiting_edit"),
        waiting_delete=strings("post.waiting_delete"),
    )


class ReadingView(PostView):
    """The post view with the post keys of the key table (`R` replies to the
    selected comment: it posts `ReplyRequested` with that comment's guid)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("post")

    @dataclass
    class ReplyRequested(Message):
        """The user asked to reply to the selected comment (None when none is)."""

        comment_guid: str | None

    def action_reply(self) -> None:
        self.post_message(self.ReplyRequested(self.selected_comment_guid))
