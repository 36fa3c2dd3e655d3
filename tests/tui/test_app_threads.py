"""Threads as a daily reader uses them: replies in order under their comment,
votes that say which way they went, voting on, editing and deleting comments,
and editing a post's title and tags; each checked on the site itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_app_support import (
    SIZE,
    graphql,
    make_app,
    notices,
    open_blog,
    synced,
    wait_for,
    widget_text,
)
from textual.pilot import Pilot
from textual.widgets import Input

from pleio_tui.models import Comment, OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.new_post import NewPostScreen

THREAD = """
query Thread($guid: String!) {
  entity(guid: $guid) {
    ... on Blog {
      guid title tags votes hasVoted description
      comments {
        guid description votes hasVoted owner { name }
        comments { guid description votes hasVoted owner { name } }
      }
    }
  }
}
"""


def site_thread(site: LocalSite, session: str, guid: str) -> dict[str, Any]:
    return graphql(site.url, session, THREAD, guid=guid)["entity"]


def site_comments(site: LocalSite, session: str, guid: str) -> list[dict[str, Any]]:
    """Every comment and reply of a blog on the site, flat."""
    flat: list[dict[str, Any]] = []
    for comment in site_thread(site, session, guid)["comments"]:
        flat.append(comment)
        flat.extend(comment["comments"] or [])
    return flat


def cached_comments(app: PleioApp) -> list[Comment]:
    blog = app.open_blog
    assert blog is not None and blog.comments is not None
    return [c for top in blog.comments for c in (top, *top.replies)]


async def select_comment(pilot: Pilot[Any], wanted: Callable[[Comment], bool]) -> Comment:
    """Move the post view's cursor (J) to the first comment that is `wanted`."""
    app = pilot.app
    assert isinstance(app, PleioApp)
    view = app.main.post.view
    app.main.activate(app.main.post)

    def selected() -> Comment | None:
        guid = view.selected_comment_guid
        found = next((c for c in cached_comments(app) if c.guid == guid), None)
        return found if found is not None and wanted(found) else None

    if (found := selected()) is not None:
        return found
    await pilot.press(*["K"] * len(cached_comments(app)))  # to the first comment
    for _ in range(40):
        if (found := selected()) is not None:
            return found
        await pilot.press("J")
    raise AssertionError("no such comment")


def sent(app: PleioApp) -> bool:
    store = app.store
    return store is not None and not store.outbox((OutboxState.PENDING, OutboxState.SENDING))


async def test_a_reply_shows_directly_under_its_comment_after_the_older_replies(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        parent = await select_comment(pilot, lambda c: len(c.replies) >= 2)
        # Replies read down in time, though Pleio sends them newest first.
        times = [reply.time_created for reply in parent.replies]
        assert times == sorted(times)
        await pilot.press("R", *"Mijn antwoord hierop", "ctrl+s")

        def answered() -> bool:
            under = next(c for c in cached_comments(app) if c.guid == parent.guid)
            return not under.guid.startswith("outbox:") and any(
                "Mijn antwoord" in r.description and not r.guid.startswith("outbox:")
                for r in under.replies
            )

        await wait_for(pilot, lambda: sent(app) and answered())
        rendered = app.main.post.view.rendered
        assert rendered is not None
        rendered.finish()
        spans = rendered.comments
        at = next(n for n, span in enumerate(spans) if span.guid == parent.guid)
        under = next(c for c in cached_comments(app) if c.guid == parent.guid)
        mine = under.replies[-1]
        assert "Mijn antwoord" in mine.description
        # The reply is the last of its comment's replies, indented, and nothing
        # comes between the comment and its replies.
        block = spans[at : at + 1 + len(under.replies)]
        assert [span.guid for span in block] == [parent.guid, *(r.guid for r in under.replies)]
        assert [span.depth for span in block] == [0] + [1] * len(under.replies)
        lines = [rendered.lines[n].text for n in range(block[-1].start, block[-1].end)]
        assert any("│" in line and "Mijn antwoord hierop" in line for line in lines)
        await pilot.press("G")
        assert "Mijn antwoord hierop" in widget_text(app.main.post.view)


def post_text(app: PleioApp) -> str:
    rendered = app.main.post.view.rendered
    assert rendered is not None
    rendered.finish()
    return "\n".join(line.text for line in rendered.lines)


async def test_a_vote_says_which_way_it_went_before_and_after_the_site_has_it(
    demo_site: LocalSite, jan_session: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, jan_session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        guid = app.open_blog.guid if app.open_blog else ""
        app.main.activate(app.main.feed)  # the cursor on no comment: the vote is the post's
        await pilot.press("minus")
        assert "(je stemde tegen)" in post_text(app)  # waiting in the outbox, shown at once
        voted = lambda: site_thread(demo_site, jan_session, guid)["hasVoted"]  # noqa: E731
        await wait_for(pilot, lambda: sent(app) and voted())
        await wait_for(pilot, lambda: "(je stemde tegen)" in post_text(app))
        await pilot.press("plus")  # the opposite vote takes it back, as on Pleio
        await wait_for(pilot, lambda: sent(app))
        assert "gestemd" not in post_text(app) and "je stemde" not in post_text(app)
        assert site_thread(demo_site, jan_session, guid)["hasVoted"] is False
        await pilot.press("plus")
        assert "(je stemde voor)" in post_text(app)
        await pilot.press("L")
        assert "(you voted up)" in post_text(app)


def is_hers(comment: Comment) -> bool:
    return comment.author_name == "Hadewych" and comment.can_edit


async def test_the_vote_keys_vote_on_the_comment_under_the_cursor(
    demo_site: LocalSite, jan_session: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, jan_session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        guid = app.open_blog.guid if app.open_blog else ""
        chosen = await select_comment(pilot, lambda c: not c.has_voted)
        await pilot.press("plus")
        assert any("Gestemd op de reactie" in text for text in notices(pilot))

        def on_site() -> dict[str, Any]:
            return next(
                c for c in site_comments(demo_site, jan_session, guid) if c["guid"] == chosen.guid
            )

        await wait_for(pilot, lambda: sent(app) and on_site()["hasVoted"])
        assert on_site()["votes"] == chosen.votes + 1
        assert site_thread(demo_site, jan_session, guid)["hasVoted"] is False  # not the post
        await wait_for(pilot, lambda: "(je stemde voor)" in post_text(app))
        shown = next(c for c in cached_comments(app) if c.guid == chosen.guid)
        assert (shown.has_voted, shown.own_vote) == (True, 1)


async def test_comments_edited_and_deleted_offline_show_waiting_then_reach_the_site(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        blog_guid = app.open_blog.guid if app.open_blog else ""

    app = make_app(demo_site.url, None, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_blog(pilot, "Leren door doen")
        others = await select_comment(pilot, lambda c: not c.can_edit)
        await pilot.press("e")
        assert not app.main.post.composer.is_open
        assert any("niet bewerken" in text for text in notices(pilot))
        await pilot.press("D")
        assert not isinstance(app.screen, ConfirmScreen)

        edited = await select_comment(pilot, is_hers)
        await pilot.press("e")
        composer = app.main.post.composer
        assert composer.is_open and composer.draft_key == f"edit_comment:{edited.guid}"
        assert edited.description.strip() in composer.text
        await pilot.press("ctrl+end", *" Aangevuld.", "ctrl+s")
        assert not composer.is_open
        assert "⏳ bewerking wacht op verzending" in post_text(app)
        assert "Aangevuld." in post_text(app)

        deleted = await select_comment(pilot, lambda c: is_hers(c) and c.guid != edited.guid)
        await pilot.press("D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # asked first: no changes nothing
        assert app.store is not None and len(app.store.outbox()) == 1
        await select_comment(pilot, lambda c: c.guid == deleted.guid)
        await pilot.press("D", "y")
        assert "⏳ wordt verwijderd" in post_text(app)
        assert len(app.store.outbox()) == 2

    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await wait_for(pilot, lambda: sent(app))
        on_site = {c["guid"]: c for c in site_comments(demo_site, hadewych, blog_guid)}
        assert on_site[edited.guid]["description"].strip().endswith("Aangevuld.")
        assert deleted.guid not in on_site and others.guid in on_site
        await open_blog(pilot, "Leren door doen")
        shown = {c.guid: c for c in cached_comments(app)}
        assert deleted.guid not in shown
        assert shown[edited.guid].waiting is None
        assert shown[edited.guid].description.strip().endswith("Aangevuld.")
        assert "⏳" not in post_text(app)


async def test_a_comment_still_in_the_outbox_takes_no_reply_until_the_site_has_it(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)

    app = make_app(demo_site.url, None, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await open_blog(pilot, "Leren door doen")
        blog_guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("c", *"Onderweg in de trein", "ctrl+s")
        await wait_for(pilot, lambda: "Onderweg in de trein" in post_text(app))
        view = app.main.post.view
        app.main.activate(app.main.post)
        await pilot.press("J")  # the first comment: a new one goes first, waiting
        await wait_for(pilot, lambda: (view.selected_comment_guid or "").startswith("outbox:"))
        await pilot.press("R")
        # Its guid is the outbox's: a reply queued to it could never be delivered.
        assert not app.main.post.composer.is_open
        assert any("nog niet verstuurd" in text for text in notices(pilot)), notices(pilot)
        assert app.store is not None and len(app.store.outbox()) == 1

    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await wait_for(pilot, lambda: sent(app))
        await open_blog(pilot, "Leren door doen")
        arrived = await select_comment(
            pilot, lambda c: c.description.strip() == "Onderweg in de trein"
        )
        await pilot.press("R")  # the site has it now, under its own guid
        composer = app.main.post.composer
        assert composer.is_open and composer.draft_key == f"reply:{arrived.guid}"
        on_site = site_comments(demo_site, hadewych, blog_guid)
        assert [c["description"].strip() for c in on_site].count("Onderweg in de trein") == 1


async def test_e_edits_a_posts_title_body_and_tags_together(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        blog = app.open_blog
        assert blog is not None and blog.can_edit
        before = site_thread(demo_site, hadewych, blog.guid)
        app.main.activate(app.main.feed)  # no comment under the cursor: the post
        await pilot.press("e")
        screen = app.screen
        assert isinstance(screen, NewPostScreen) and screen.draft_key == f"edit:{blog.guid}"
        assert screen.title_text == blog.title
        tags = screen.query_one("#new-post-tags", Input)
        assert tags.value == ", ".join(blog.tags)
        await pilot.press("end", *["backspace"] * len(blog.title), *"Leren door doen, herzien")
        await pilot.press("tab", "end", *", herziening, , participatie")
        await pilot.press("tab", *"Voorwoord. ", "ctrl+s")
        assert not isinstance(app.screen, NewPostScreen)

        def edited() -> dict[str, Any]:
            return site_thread(demo_site, hadewych, blog.guid)

        await wait_for(pilot, lambda: sent(app) and edited()["title"] == "Leren door doen, herzien")
        assert edited()["tags"] == [*blog.tags, "herziening"]
        assert edited()["description"] == "Voorwoord. " + before["description"]
        await wait_for(pilot, lambda: "Leren door doen, herzien" in post_text(app))
        assert "#herziening" in post_text(app)
