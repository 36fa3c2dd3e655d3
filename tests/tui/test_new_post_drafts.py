"""The new-post screen saves its draft as the user types (a crash loses nothing),
and neither it nor the comment composer sends a text that would show nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import SIZE, choose_group, make_app, open_blog, screen_text, wait_for
from textual.widgets import TextArea

from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.runner import sync_site
from pleio_tui.tui.i18n import NL
from pleio_tui.tui.screens.new_post import DEBOUNCE_SECONDS, NewPostScreen, post_draft_key

GROUP = "Van buiten naar binnen"


@pytest.fixture
async def cache(demo_site: LocalSite, hadewych: str, tmp_path: Path) -> Path:
    path = tmp_path / "cache.sqlite3"
    assert (await sync_site(demo_site.url, hadewych, path)).completed
    return path


def draft_in(path: Path, key: str) -> tuple[str, str] | None:
    """The draft as another process would find it after a crash."""
    with Store.open(path) as store:
        draft = store.load_draft(key)
    return None if draft is None else (draft.title, draft.body)


async def test_title_and_body_are_saved_while_typing_without_escape(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await choose_group(pilot, GROUP)
        group = app.main.groups.current
        assert group is not None
        key = post_draft_key(group.guid)
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        await pilot.press(*"Verslag van dinsdag")
        await wait_for(pilot, lambda: draft_in(cache, key) == ("Verslag van dinsdag", ""))
        await pilot.press("tab", *"Het was druk en goed.")
        await pilot.pause(DEBOUNCE_SECONDS + 0.1)
        await wait_for(
            pilot, lambda: draft_in(cache, key) == ("Verslag van dinsdag", "Het was druk en goed.")
        )
        assert isinstance(app.screen, NewPostScreen)  # never left


@pytest.mark.parametrize("body", ["", "   \n\t", "** **", "> \n>", "- \n- ", "---", "\u200b"])
async def test_a_new_post_whose_body_shows_nothing_is_refused_and_kept(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path, body: str
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await choose_group(pilot, GROUP)
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Een titel", "tab")
        assert isinstance(app.screen, NewPostScreen)
        app.screen.query_one("#new-post-body", TextArea).insert(body)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        assert NL["new_post.body_blank"] in screen_text(pilot)
        assert app.screen.body_text == body and app.screen.title_text == "Een titel"
        assert app.store is not None and app.store.outbox() == []


@pytest.mark.parametrize("title", ["", "   "])
async def test_a_new_post_without_a_title_is_refused(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path, title: str
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await choose_group(pilot, GROUP)
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        await pilot.press(*title, "tab", *"Tekst genoeg", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        assert NL["new_post.title_empty"] in screen_text(pilot)
        assert app.store is not None and app.store.outbox() == []


@pytest.mark.parametrize("text", ["   ", "** **", "> ", "[](https://example.org)"])
async def test_a_comment_that_shows_nothing_is_not_queued(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path, text: str
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_blog(pilot, "Leren door doen")
        await pilot.press("c")
        app.main.post.composer._text_area.insert(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.main.post.composer.is_open and app.main.post.composer.text == text
        assert NL["composer.blank"] in screen_text(pilot)
        assert app.store is not None and app.store.outbox() == []
