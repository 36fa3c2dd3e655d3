"""The app's actions for every kind of content (keys and palette), handed to the
ContentController, which is made on first use (off the path of the first frame);
a base class of the app, so the app class stays short."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.content import ContentController
    from pleio_tui.tui.controllers.reading import ReadingController
    from pleio_tui.tui.controllers.sites import SitesController
    from pleio_tui.tui.controllers.writing import WritingController


class ContentActions:
    reading: ReadingController
    writing: WritingController
    sites: SitesController
    downloads: Path
    """Where downloaded files go: a folder per file under the cache folder."""
    _content: ContentController | None = None

    @property
    def content(self) -> ContentController:
        if self._content is None:
            # the kinds' controller and its screens: off the first frame
            from pleio_tui.tui.controllers.content import ContentController

            self._content = ContentController(
                self,  # type: ignore[arg-type]  # the app is the host
                self.reading,
                self.writing,
                self.downloads,
            )
        return self._content

    def action_type_filter(self) -> None:
        self.content.cycle_kind_filter()

    # Writing waits for someone to write as: a site read as a visitor offers to log in.

    def action_new_item(self) -> None:
        self.sites.write(self.content.new_item)

    def action_attend(self, state: str = "") -> None:
        self.sites.write(self.content.attend, state or None)

    def action_best_answer(self) -> None:
        self.sites.write(self.content.best_answer)

    def action_download(self) -> None:
        self.content.download()
