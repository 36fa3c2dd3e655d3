"""Editing one's own blog shows its title and tags, as the site has them, inert.

Textual's Input strips only a few control characters from what it is given: an
OSC sequence, a CSI and the one-byte CSI (0x9b) in a title or a tag would reach
the terminal from the edit screen's boxes. The boxes get the one-line safe text.
"""

from __future__ import annotations

from pathlib import Path

from corpus import HOSTILE, assert_inert
from hostile_site import HOSTILE_TAGS, SEED_GROUP, SiteWriter, doc, paragraph, text
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, make_app, open_blog, synced, wait_for
from textual.widgets import Input

from pleio_tui.server import LocalSite
from pleio_tui.tui.screens.new_post import NewPostScreen

TITLE = "Bewerk mij \x1b]0;PWNED\x07\x9b2J\x1b[2J\u202e\U000e0041[@click=app.quit]x[/]"
TAGS = [*HOSTILE_TAGS, HOSTILE["c1_csi"], HOSTILE["tag_chars"], "\x1b[2J"]


async def test_the_edit_screen_shows_a_hostile_title_and_tags_inert(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    writer = SiteWriter(demo_site, hadewych)
    writer.blog(writer.group_guid(SEED_GROUP), TITLE, doc(paragraph(text("tekst"))), TAGS)
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Bewerk mij")
        app.main.activate(app.main.feed)  # no comment under the cursor: the post
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, NewPostScreen))
        screen = app.screen
        assert isinstance(screen, NewPostScreen)
        title = screen.query_one("#new-post-title", Input).value
        tags = screen.query_one("#new-post-tags", Input).value
        assert_inert(title, "title box")
        assert_inert(tags, "tags box")
        assert title == "Bewerk mij ]0;PWNED2J[2J[@click=app.quit]x[/]"
        assert tags.split(", ") == [
            "]0;PWNEDTitle",
            "[@click=app.quit]x[/]",
            "invoicegnp.exe",
            "31mred0m",
            "hiddentext",
            "[2J",
        ]
        shown = assert_strips_inert(screen_strips(pilot), "edit screen")
        assert "Bewerk mij ]0;PWNED2J[2J[@click=app.quit]x[/]" in shown
        await pilot.press("escape")
    if app.store is not None:
        app.store.close()
