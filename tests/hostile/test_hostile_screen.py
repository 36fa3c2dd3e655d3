"""Hostile content from a real site is inert on screen.

A stranger's escape sequences, bidi overrides, Textual markup and `javascript:`
links are posted to the local site over GraphQL (titles, tags, Tiptap text, link
hrefs, image sources, mention labels, comments and replies; a display name and a
group name), our sync brings them into the cache, and the app shows them: every
segment sent to the terminal is free of control and bidi characters, markup shows
literally, no style carries a mouse action, and only the http(s) link is a link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from corpus import HOSTILE_HREFS, LITERAL_MARKUP
from hostile_site import SAFE_LINK, HostileContent
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, make_app, synced, wait_for
from textual.pilot import Pilot

from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.screens.search import SearchScreen


async def open_by_guid(pilot: Pilot[Any], guid: str) -> None:
    app = pilot.app
    assert isinstance(app, PleioApp)
    feed = app.main.feed.row_list
    app.main.activate(app.main.feed)
    await pilot.press("g")
    for _ in range(feed.row_count):
        row = feed.highlighted_row
        if row is not None and row.guid == guid:
            await pilot.press("enter")
            await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.guid == guid)
            return
        await pilot.press("j")
    raise AssertionError(f"blog {guid} is not in the feed")


async def test_every_pane_shows_hostile_content_inert(
    hostile_site: HostileContent, hostile_cache: Path, tmp_path: Path
) -> None:
    app = make_app(hostile_site.site_url, hostile_site.session, tmp_path)
    assert app.store is not None and app.store.path == hostile_cache
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        lists = assert_strips_inert(screen_strips(pilot), "groups, feed and status")
        assert "textual_click [@click=app.quit]x[/]" in lists
        assert "c1_csi 31mred0m" in lists and "bidi_override invoicegnp.exe" in lists
        # The status bar names the user, markup and all, as text.
        assert "Hadewych ]0;PWNED[@click=app.quit]x[/]2J" in lists.splitlines()[-1]

        # Scroll the whole feed: each title carries one corpus entry.
        feed = app.main.feed.row_list
        app.main.activate(app.main.feed)
        for _ in range(feed.row_count):
            await pilot.press("j")
            assert_strips_inert(screen_strips(pilot), "feed")

        await open_by_guid(pilot, hostile_site.body_blog_guid)
        view = app.main.post.view
        rendered = view.rendered
        assert rendered is not None
        shown = assert_strips_inert(rendered.finish().lines, "post body and comments")
        for literal in LITERAL_MARKUP:
            assert literal in shown, literal
        assert "comment osc_title" in shown and "reply [@click=app.quit]x[/]" in shown
        assert "@PWNED" in shown.replace(" ", "") or "@]0;PWNEDTitle" in shown
        # The one safe link of the body, then the related blogs of the group.
        assert [link.url for link in rendered.links if link.blog_guid is None] == [SAFE_LINK]
        lines = shown.splitlines()
        for number in range(len(HOSTILE_HREFS)):
            # A refused target is not even printed after its text, to copy.
            line = next(line for line in lines if f"badlink{number}" in line)
            assert line.split(f"badlink{number}")[1].strip() == "", line
        assert any("goodlink[1]" in line for line in lines)
        assert any(line.strip().endswith(SAFE_LINK) for line in lines)  # the list of links
        # What the view draws, selection and scrolling included.
        for _ in range(len(rendered.lines) // SIZE[1] + 1):
            assert_strips_inert(screen_strips(pilot), "post view")
            await pilot.press("pagedown")

        await pilot.press("c")  # the composer's heading quotes the hostile title
        await wait_for(pilot, lambda: app.main.post.composer.is_open)
        assert_strips_inert(screen_strips(pilot), "composer")
        await pilot.press("escape")

        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.screen, SearchScreen))
        await pilot.press(*"PWNED", "enter")
        await pilot.pause(0.3)
        found = assert_strips_inert(screen_strips(pilot), "search hits")
        assert "PWNED" in found
        await pilot.press("escape")

        await pilot.press("L")  # notifications and frames in the other language
        assert_strips_inert(screen_strips(pilot), "after the language switch")
        await pilot.press("Q")
    if app.store is not None:
        app.store.close()


async def test_the_membership_question_quotes_a_hostile_group_name_inert(
    hostile_site: HostileContent, hostile_cache: Path, tmp_path: Path
) -> None:
    app = make_app(hostile_site.site_url, hostile_site.session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        groups = app.main.groups.row_list
        app.main.activate(app.main.groups)
        await pilot.press("g")
        for _ in range(groups.row_count):
            row = groups.highlighted_row
            if row is not None and row.guid == hostile_site.group_guid:
                break
            await pilot.press("j")
        await pilot.press("m")
        await pilot.pause(0.2)
        question = assert_strips_inert(screen_strips(pilot), "leave-group question")
        assert "Groep [2J[bold red]alarm[/bold" in question  # wrapped, but literal
        assert "red]:skull:]8;;https://evil.example/" in question
        await pilot.press("n")
    if app.store is not None:
        app.store.close()
