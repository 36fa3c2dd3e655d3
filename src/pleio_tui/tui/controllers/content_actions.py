"""The app's actions for every kind of content (keys and palette), handed to the
ContentController; a base class of the app, so the app class stays short."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.content import ContentController


class ContentActions:
    content: ContentController

    def action_type_filter(self) -> None:
        self.content.cycle_kind_filter()

    def action_new_item(self) -> None:
        self.content.new_item()

    def action_attend(self, state: str = "") -> None:
        self.content.attend(state or None)

    def action_best_answer(self) -> None:
        self.content.best_answer()

    def action_download(self) -> None:
        self.content.download()
