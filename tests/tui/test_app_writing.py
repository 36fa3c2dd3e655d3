"""Writing: comments, replies, drafts, new posts, votes and bookmarks, each checked
on the site itself."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_app_support import (
    BLOG_THREAD,
    SIZE,
    choose_group,
    graphql,
    make_app,
    notices,
    open_blog,
    synced,
    wait_for,
    widget_text,
)
from textual.widgets import Static

from pleio_tui.config import Config
from pleio_tui.models import OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.tui.screens.new_post import NewPostScreen
from pleio_tui.tui.widgets.composer import DEBOUNCE_SECONDS


def thread(site: LocalSite, session: str, guid: str) -> dict[str, Any]:
    return graphql(site.url, session, BLOG_THREAD, guid=guid)["entity"]


def all_texts(blog: dict[str, Any]) -> list[str]:
    texts = []
    for comment in blog["comments"]:
        # Pleio's description ends each paragraph in a blank line.
        texts.append(comment["description"].strip())
        texts.extend(reply["description"].strip() for reply in comment["comments"] or [])
    return texts


async def test_comment_goes_to_the_site_and_shows_in_the_post(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("c")
        composer = app.main.post.composer
        assert composer.is_open and composer.draft_key == f"comment:{guid}"
        await pilot.press(*"Dank voor dit stuk", "ctrl+s")
        assert not composer.is_open
        await wait_for(
            pilot, lambda: "Dank voor dit stuk" in all_texts(thread(demo_site, hadewych, guid))
        )
        await wait_for(pilot, lambda: app.store and not app.store.outbox((OutboxState.PENDING,)))
        await pilot.press("G")
        await wait_for(pilot, lambda: "Dank voor dit stuk" in widget_text(app.main.post.view))
        assert all_texts(thread(demo_site, hadewych, guid)).count("Dank voor dit stuk") == 1


async def test_reply_to_a_reply_goes_under_its_comment(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        blog = app.open_blog
        assert blog is not None and blog.comments
        await pilot.press("J")
        first = app.main.post.view.selected_comment_guid
        assert first is not None
        await pilot.press("J")  # the first reply under it
        selected = app.main.post.view.selected_comment_guid
        parent = next(c for c in blog.comments if any(r.guid == selected for r in c.replies))
        await pilot.press("R")
        assert app.main.post.composer.draft_key == f"reply:{parent.guid}"
        await pilot.press(*"Eens met jullie", "ctrl+s")

        def reply_on_site() -> bool:
            comments = thread(demo_site, hadewych, blog.guid)["comments"]
            under = next(c for c in comments if c["guid"] == parent.guid)
            return any(
                r["description"].strip() == "Eens met jullie" for r in under["comments"] or []
            )

        await wait_for(pilot, reply_on_site)
        await pilot.press("G")
        await wait_for(pilot, lambda: "Eens met jullie" in widget_text(app.main.post.view))


async def test_a_draft_survives_a_restart(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        await pilot.press("c", *"Half af, straks verder")
        await pilot.pause(DEBOUNCE_SECONDS + 0.2)
        await pilot.press("escape")
        assert not app.main.post.composer.is_open
    if app.store is not None:
        app.store.close()

    again = make_app(demo_site.url, hadewych, tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        await pilot.press("c")
        assert again.main.post.composer.text == "Half af, straks verder"
        await pilot.press("escape")
    if again.store is not None:
        again.store.close()


async def test_the_composer_names_and_obeys_a_remapped_send_key(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    config = Config(sync_interval_minutes=0, keys={"composer.send": "ctrl+t"})
    app = make_app(demo_site.url, hadewych, tmp_path, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("c")
        assert "ctrl+t" in widget_text(app.query_one("#composer-hint", Static))
        await pilot.press(*"Via de eigen toets", "ctrl+t")
        await wait_for(
            pilot, lambda: "Via de eigen toets" in all_texts(thread(demo_site, hadewych, guid))
        )


async def test_a_new_post_in_the_current_group(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")
        group_guid = app.main.groups.current.guid if app.main.groups.current else ""
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        await pilot.press(*"Verslag van de bijeenkomst", "tab", *"Het was druk.", "ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, NewPostScreen))

        def titles() -> list[str]:
            query = """query G($guid: String!) { entities(subtype: "blog", containerGuid: $guid,
                limit: 50) { edges { ... on Blog { title } } } }"""
            edges = graphql(demo_site.url, hadewych, query, guid=group_guid)["entities"]["edges"]
            return [edge["title"] for edge in edges]

        await wait_for(pilot, lambda: "Verslag van de bijeenkomst" in titles())
        await wait_for(
            pilot, lambda: "Verslag van de bijeenkomst" in widget_text(app.main.feed.row_list)
        )
        assert titles().count("Verslag van de bijeenkomst") == 1


async def test_vote_and_bookmark_reach_the_site(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Welkom op dit Pleio-platform")
        blog = app.open_blog
        assert blog is not None and not blog.has_voted and not blog.is_bookmarked
        await pilot.press("+", "b")
        # At once from the cache, before the site answers.
        assert app.open_blog is not None and app.open_blog.is_bookmarked
        assert app.open_blog.votes == blog.votes + 1

        def on_site() -> bool:
            state = thread(demo_site, hadewych, blog.guid)
            return bool(state["hasVoted"] and state["isBookmarked"])

        await wait_for(pilot, on_site)
        assert thread(demo_site, hadewych, blog.guid)["votes"] == blog.votes + 1


BLOG_BODY = """
query Body($guid: String!) {
  entity(guid: $guid) { ... on Blog { guid description richDescription } }
}
"""


async def test_editing_own_post_sends_the_new_text_to_the_site(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")  # Hadewych wrote it
        guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("e")
        screen = app.screen  # title, tags and body together
        assert isinstance(screen, NewPostScreen) and screen.draft_key == f"edit:{guid}"
        assert "energieke samenleving" in screen.body_text  # the post's own text, to change
        await pilot.press("tab", "tab", *"Aangevuld vanuit de terminal. ", "ctrl+s")

        def on_site() -> str:
            blog = graphql(demo_site.url, hadewych, BLOG_BODY, guid=guid)["entity"]
            return f"{blog['description']} {blog['richDescription']}"

        await wait_for(pilot, lambda: "Aangevuld vanuit de terminal." in on_site())
        assert not isinstance(app.screen, NewPostScreen)


async def test_someone_elses_post_is_not_opened_for_editing(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Welkom op dit Pleio-platform")
        assert app.open_blog is not None and not app.open_blog.can_edit
        await pilot.press("e")
        await wait_for(pilot, lambda: "Dit blog mag je niet bewerken." in notices(pilot))
        assert not app.main.post.is_composing


async def test_copy_link_and_open_in_browser_give_the_posts_address(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf %s "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    monkeypatch.setenv("BROWSER", str(browser))
    for name in ("DISPLAY", "WAYLAND_DISPLAY"):  # no clipboard tool can be reached
        monkeypatch.delenv(name, raising=False)
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        blog = app.open_blog
        assert blog is not None
        expected = demo_site.url.rstrip("/") + blog.url
        await pilot.press("y")
        assert app.clipboard == expected  # sent to the terminal (OSC 52)
        await wait_for(pilot, lambda: any(expected in n for n in notices(pilot)))
        await pilot.press("o")
        await wait_for(pilot, lambda: "Geopend in de browser (browser)." in notices(pilot))
        assert opened.read_text(encoding="utf-8") == expected
