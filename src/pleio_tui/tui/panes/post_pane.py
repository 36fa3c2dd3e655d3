"""The post column: the post with its comments, and the comment composer under it."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical
from textual.content import Content

from pleio_tui.tui.i18n import Strings

if TYPE_CHECKING:
    from pleio_tui.tui.panes.reading_view import ReadingView
    from pleio_tui.tui.widgets.composer import Composer


class PostColumn(Vertical):
    """The post view, made just after the first frame, and under it the composer
    once the user first writes: the first screen should not wait to mount and
    style widgets it does not show. Until the view is made the column shows the
    empty-post text."""

    DEFAULT_CSS = """
    PostColumn > .post-column--placeholder {
        color: $text-muted;
        text-style: italic;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"post-column--placeholder"}

    def __init__(self, strings: Strings, site_url: str) -> None:
        super().__init__(id="post-column", classes="pane")
        self._strings = strings
        self._site_url = site_url
        self._view: ReadingView | None = None
        self._composer: Composer | None = None

    def _new_view(self) -> ReadingView:
        # The post view's modules load after the first frame, with the view (2 ms).
        from pleio_tui.tui.panes.reading_view import ReadingView, post_strings

        return ReadingView(
            strings=post_strings(self._strings),
            site_url=self._site_url,
            empty_text=self._strings("empty.post"),
            id="post",
        )

    def on_mount(self) -> None:
        self.border_title = Content(self._strings("pane.post"))
        # Made right after the first frame: the frame does not wait for it, and it
        # is laid out before the user can open a post.
        self.call_after_refresh(self._make_view)

    def _make_view(self) -> None:
        self.view  # noqa: B018 - made on first access

    def render(self) -> Content:
        if self._view is not None:
            return Content("")
        style = self.get_visual_style("post-column--placeholder")
        return Content(" " + self._strings("empty.post")).stylize(style)

    @property
    def view(self) -> ReadingView:
        """The post view, made the first time it is asked for."""
        if self._view is None:
            self._view = self._new_view()
            self.mount(self._view, before=self._composer)
        return self._view

    @property
    def made_view(self) -> ReadingView | None:
        """The post view if it was made: None while no post was shown."""
        return self._view

    @property
    def composer(self) -> Composer:
        """The comment composer, made the first time it is asked for."""
        if self._composer is None:
            from pleio_tui.tui.widgets.composer import Composer  # TextArea: 10 ms, on first use

            self._composer = Composer(self._strings)
            self.mount(self._composer)
        return self._composer

    @property
    def is_composing(self) -> bool:
        return self._composer is not None and self._composer.is_open

    def focus_composer(self) -> None:
        if self._composer is not None:
            self._composer.focus_text()

    async def set_site(self, site_url: str) -> None:
        """Links in posts resolve against the site: a new site gets a new view."""
        if site_url == self._site_url:
            return
        self._site_url = site_url
        if self._view is not None:
            await self._view.remove()
            self._view = self._new_view()
            await self.mount(self._view, before=self._composer)

    def set_strings(self, strings: Strings) -> None:
        self._strings = strings
        self.border_title = Content(strings("pane.post"))
        if self._view is not None:
            from pleio_tui.tui.panes.reading_view import post_strings  # loaded with the view

            self._view.set_strings(post_strings(strings), strings("empty.post"))
        else:
            self.refresh()
        if self._composer is not None:
            self._composer.strings = strings
