"""Writing a new blog in a group, or editing one's own: a title, a Markdown body
(and, for an edit, the tags), send or keep as draft.

While the user types, `NewPostScreen.DraftChanged` goes to the app (debounced) so
the draft under the key `post:<group guid>` (an edit: `edit:<blog guid>`)
survives a crash. `ctrl+s` checks the
title and the body and hands a `NewPost` to `send`: the screen closes only when
that says the post is safe in the outbox. `escape` dismisses with None and first
posts `NewPostScreen.DraftKept` so the text is saved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Static, TextArea

from pleio_tui.tui.editor import edit_in_suspended_app
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import bindings, key_label

MAX_TITLE_LENGTH = 256
DEBOUNCE_SECONDS = 0.4
"""As the composer: the draft is saved once typing pauses this long."""


def post_draft_key(group_guid: str) -> str:
    return f"post:{group_guid}"


@dataclass(frozen=True, slots=True)
class NewPost:
    group_guid: str
    title: str
    body: str
    """Markdown as written."""
    edit_of: str | None = None
    """The blog this is a new version of; None for a new blog."""
    tags: tuple[str, ...] | None = None
    """For an edit, the tags the blog is to have."""

    @property
    def draft_key(self) -> str:
        return f"edit:{self.edit_of}" if self.edit_of else post_draft_key(self.group_guid)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags as typed, separated by commas: trimmed, empty ones and repeats left out."""
    tags: list[str] = []
    for part in text.split(","):
        tag = " ".join(part.split())
        if tag and tag not in tags:
            tags.append(tag)
    return tuple(tags)


def title_problem(title: str) -> tuple[str, dict[str, int]] | None:
    """The message id (and its values) of what is wrong with a title, if anything."""
    cleaned = title.strip()
    if not cleaned:
        return "new_post.title_empty", {}
    if len(cleaned) > MAX_TITLE_LENGTH:
        return "new_post.title_too_long", {"n": len(cleaned), "max": MAX_TITLE_LENGTH}
    return None


class NewPostScreen(ModalScreen[NewPost | None]):
    DEFAULT_CSS = """
    NewPostScreen { align: center middle; }
    NewPostScreen > #new-post-dialog {
        width: 100; max-width: 100%; height: 90%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    NewPostScreen #new-post-heading { text-style: bold; margin-bottom: 1; }
    NewPostScreen #new-post-body { height: 1fr; }
    NewPostScreen #new-post-error { color: $text-error; }
    NewPostScreen #new-post-hint { color: $text-muted; }
    """

    BINDINGS = bindings("composer")

    @dataclass
    class DraftChanged(Message):
        """Posted to the app when the title or body changed and typing paused."""

        draft_key: str
        title: str
        body: str

    @dataclass
    class DraftKept(Message):
        """Posted to the app when the screen is left without sending."""

        draft_key: str
        title: str
        body: str

    def __init__(
        self,
        group_guid: str,
        group_name: str,
        strings: Strings,
        *,
        title: str = "",
        body: str = "",
        keymap: Mapping[str, str] | None = None,
        send: Callable[[NewPost], bool] | None = None,
        edit_of: str | None = None,
        tags: tuple[str, ...] = (),
    ) -> None:
        """`send` takes the post and says whether it is safe (queued); without
        one, the screen dismisses with the post. `edit_of`: the guid of the
        user's blog this edits (its title, body and `tags`)."""
        super().__init__()
        self._edit_of = edit_of
        self._tags = tags
        self._group_guid = group_guid
        self._group_name = group_name
        self._strings = strings
        self._initial = (title, body)
        self._reported = (title, body)
        self._keymap = dict(keymap or {})
        self._send = send
        self._debounce: Timer | None = None

    @property
    def draft_key(self) -> str:
        return f"edit:{self._edit_of}" if self._edit_of else post_draft_key(self._group_guid)

    def compose(self) -> ComposeResult:
        s = self._strings
        title, body = self._initial
        hint = s(
            "new_post.hint",
            send=key_label("composer.send", self._keymap),
            leave=key_label("composer.leave", self._keymap),
        )
        with Vertical(id="new-post-dialog"):
            if self._edit_of:
                heading = s("new_post.edit_title", title=title)
            else:
                heading = s("new_post.heading", group=self._group_name)
            yield Static(Content(heading), id="new-post-heading")
            yield Static(Content(s("new_post.title")))
            # Not select-on-focus: typing into a reopened draft must not replace its title.
            yield Input(
                title,
                placeholder=s("new_post.title_placeholder"),
                id="new-post-title",
                select_on_focus=False,
            )
            if self._edit_of:
                yield Static(Content(s("new_post.tags")))
                yield Input(", ".join(self._tags), id="new-post-tags", select_on_focus=False)
            yield Static(Content(s("new_post.body")))
            yield TextArea(body, id="new-post-body", soft_wrap=True, tab_behavior="focus")
            yield Static(id="new-post-error", markup=False)
            yield Static(Content(hint), id="new-post-hint")

    def on_mount(self) -> None:
        self.query_one("#new-post-title", Input).focus()

    @property
    def title_text(self) -> str:
        return self.query_one("#new-post-title", Input).value

    @property
    def body_text(self) -> str:
        return self.query_one("#new-post-body", TextArea).text

    def action_send(self) -> None:
        problem = title_problem(self.title_text)
        if problem is not None:
            msg_id, values = problem
            self.show_error(self._strings(msg_id, **values))
            self.query_one("#new-post-title", Input).focus()
            return
        from pleio_tui.richtext import is_blank_markdown  # markdown-it, 25 ms, when first sent

        if is_blank_markdown(self.body_text):
            self.show_error(self._strings("new_post.body_blank"))
            self.query_one("#new-post-body", TextArea).focus()
            return
        self._cancel_debounce()
        tags = None
        if self._edit_of:
            tags = parse_tags(self.query_one("#new-post-tags", Input).value)
        post = NewPost(
            self._group_guid, self.title_text.strip(), self.body_text, self._edit_of, tags
        )
        if self._send is None:
            self.dismiss(post)
        elif self._send(post):
            self.dismiss(None)
        # Not queued: the app said why; the text stays here and in the draft.

    def action_leave(self) -> None:
        self._cancel_debounce()
        if (self.title_text, self.body_text) != self._initial:
            self.app.post_message(self.DraftKept(self.draft_key, self.title_text, self.body_text))
        self.dismiss(None)

    # --- drafts as you type ---

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._schedule_draft()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._schedule_draft()

    def _schedule_draft(self) -> None:
        self._cancel_debounce()
        if (self.title_text, self.body_text) != self._reported:
            self._debounce = self.set_timer(DEBOUNCE_SECONDS, self._report_draft)

    def _report_draft(self) -> None:
        self._debounce = None
        current = (self.title_text, self.body_text)
        if current == self._reported:
            return
        self._reported = current
        self.app.post_message(self.DraftChanged(self.draft_key, *current))

    def _cancel_debounce(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
            self._debounce = None

    def action_external_editor(self) -> None:
        body = self.query_one("#new-post-body", TextArea)
        outcome = edit_in_suspended_app(
            self.app, body.text, self._strings("composer.editor_unavailable")
        )
        if outcome.error is not None:
            self.show_error(self._strings("composer.editor_failed", detail=outcome.error))
            return
        body.load_text(outcome.text)

    def show_error(self, message: str) -> None:
        self.query_one("#new-post-error", Static).update(Content(message))
