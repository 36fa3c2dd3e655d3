"""Reading: groups, a feed, a post with its comments, search, language, layout."""

from __future__ import annotations

from pathlib import Path

from test_app_support import (
    SEED_TITLE,
    SIZE,
    choose_group,
    make_app,
    open_blog,
    screen_text,
    synced,
    wait_for,
    widget_text,
)

from pleio_tui.server import LocalSite
from pleio_tui.tui.screens.help import HelpScreen
from pleio_tui.tui.screens.search import SearchScreen


async def test_a_groups_feed_and_a_post_with_its_comments(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        groups = widget_text(app.main.groups.row_list)
        assert "Alle groepen" in groups
        assert "Kring van belei" in groups

        await choose_group(pilot, "Van buiten naar binnen")
        await pilot.press("enter")
        assert app.main.feed.row_list.has_focus
        feed = widget_text(app.main.feed.row_list)
        assert "Leren door doen" in feed
        assert "Open data zonder gebruikers" not in feed  # another group's blog
        assert "Van buiten naar binnen" in str(app.main.feed.border_title)

        await open_blog(pilot, "Leren door doen")
        view = app.main.post.view
        assert view.has_focus
        shown = widget_text(view)
        assert SEED_TITLE in shown
        assert "Hadewych" in shown
        assert "NSOB en PBL hebben" in shown
        # The comments sit below the body: J goes to the first of them.
        await pilot.press("J")
        thread = " ".join(widget_text(view).split())  # lines wrap where the width says
        assert "tachtig pagina" in thread  # a top-level comment
        assert "vier pagina's" in thread  # a reply to it

        # Opened means read: the feed no longer marks it new.
        row = app.main.feed.row_list.highlighted_row
        assert row is not None and row.is_read


async def test_the_group_filter_appears_on_f_and_narrows_the_groups(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        groups = app.main.groups
        assert "Filter (f)" in screen_text(pilot)  # the hint in the pane's border
        assert not groups.query("#group-filter")

        app.main.activate(groups)
        await pilot.press("f")
        await wait_for(pilot, lambda: groups.query("#group-filter") and app.focused is not None)
        assert app.focused is groups.query_one("#group-filter")
        await pilot.press(*"buiten")
        await wait_for(pilot, lambda: "Kring van belei" not in widget_text(groups.row_list))
        field = groups.query_one("#group-filter")
        assert field.region.height == 1  # one line, no border, even with the focus
        assert "buiten" in screen_text(pilot)
        shown = widget_text(groups.row_list)
        assert "Van buiten naar binnen" in shown

        # escape goes back to the list and keeps the filter; f finds the same field.
        await pilot.press("escape")
        assert groups.row_list.has_focus
        assert groups.filter_text == "buiten"
        await pilot.press("f")
        await pilot.pause()
        assert app.focused is groups.query_one("#group-filter")
        assert len(groups.query("#group-filter")) == 1


async def test_search_opens_the_post_it_finds(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await pilot.press("/")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"energieke samenleving")
        hits = app.screen.hits
        await wait_for(pilot, lambda: hits.row_count > 0)
        assert "Leren door doen" in widget_text(hits)
        await pilot.press("enter")  # opens the best hit
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))
        assert app.open_blog is not None and app.open_blog.title == SEED_TITLE
        assert "NSOB en PBL hebben" in widget_text(app.main.post.view)


async def test_search_hits_can_be_chosen_with_the_cursor(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await pilot.press("/", *"overheid")
        assert isinstance(app.screen, SearchScreen)
        hits = app.screen.hits
        await wait_for(pilot, lambda: hits.row_count > 1)
        await pilot.press("down", "j")
        chosen = hits.highlighted_row
        assert chosen is not None and hits.cursor_index == 1
        await pilot.press("enter")
        await wait_for(pilot, lambda: not isinstance(app.screen, SearchScreen))
        assert app.open_blog is not None and app.open_blog.guid == chosen.blog_guid


async def test_language_switch_renames_the_panes(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert str(app.main.groups.border_title) == "Groepen"
        assert "Alle groepen" in widget_text(app.main.groups.row_list)
        await pilot.press("L")
        assert str(app.main.groups.border_title) == "Groups"
        assert "All groups" in widget_text(app.main.groups.row_list)
        assert "All blogs" in str(app.main.feed.border_title)
        assert "EN" in screen_text(pilot).splitlines()[-1]
        await pilot.press("L")
        assert str(app.main.groups.border_title) == "Groepen"


async def test_a_group_list_made_after_a_language_switch_speaks_the_new_language(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        await pilot.press("L")
        assert app.main.groups is None
        await pilot.press("shift+tab")  # feed -> groups, made now
        await wait_for(pilot, lambda: "All groups" in screen_text(pilot))
        groups = app.main.groups
        assert groups is not None and str(groups.border_title) == "Groups"


async def test_help_and_tab_between_panes(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert app.main.feed.row_list.has_focus
        await pilot.press("tab")
        assert app.main.post.view.has_focus
        await pilot.press("tab")
        assert app.main.groups.row_list.has_focus
        await pilot.press("shift+tab")
        assert app.main.post.view.has_focus
        await pilot.press("?")
        assert isinstance(app.screen, HelpScreen)
        assert "Nu synchroniseren" in screen_text(pilot)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_small_terminal_shows_the_focused_pane(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await synced(pilot)
        assert app.main.groups is None  # folded away: made when the user moves to it
        await pilot.press("tab", "tab")  # feed -> post -> groups
        await wait_for(pilot, lambda: "Alle groepen" in screen_text(pilot))
        groups = app.main.groups
        assert groups is not None and groups.row_list.has_focus
        assert groups.region.height > 3
        assert groups.row_list.row_count > 1
        assert app.main.status.region.y == 23


async def test_command_palette_runs_the_apps_actions_by_their_names(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await pilot.press("ctrl+p", *"Outbox tonen")
        await wait_for(pilot, lambda: "Outbox tonen" in screen_text(pilot))
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "OutboxScreen")
