"""Every kind of content in the reader, driven with Pilot against the local site:
the feed marks each kind and filters by kind; an event, a question, a wiki page
and a file show what makes each itself; an event's answer, a best answer, a new
discussion and a file's download reach the site (or the disk)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from test_app_support import (
    SIZE,
    choose_group,
    graphql,
    make_app,
    notices,
    open_blog,
    screen_text,
    synced,
    wait_for,
)
from textual.pilot import Pilot

from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.screens.new_item import KindChoiceScreen, NewItemScreen

GROUP = "Van buiten naar binnen"
EVENT = "Werksessie: participatie"
QUESTION = "Wie heeft ervaring met een burgerberaad"
ATTENDING = "query($g: String) { entity(guid: $g) { ... on Event { isAttending } } }"
BEST = """query($g: String) { entity(guid: $g) { ... on Question {
  comments { guid isBestAnswer owner { name } } } } }"""
DISCUSSIONS = """{ entities(subtype: "discussion", limit: 100) {
  edges { ... on Discussion { title description } } } }"""


def post_text(app: PleioApp) -> str:
    post = app.main.post.view._post
    assert post is not None
    return "\n".join(strip.text for strip in post.finish().lines)


def feed_titles(app: PleioApp) -> list[str]:
    feed = app.main.feed.row_list
    return [row.title for row in feed.source.window(0, feed.row_count)]


async def ready(pilot: Pilot[Any]) -> PleioApp:
    app = pilot.app
    assert isinstance(app, PleioApp)
    await synced(pilot)
    await choose_group(pilot, GROUP)
    return app


async def test_the_feed_marks_each_kind_and_filters_by_kind(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        shown = "\n".join(app.main.feed.render_line(y).text for y in range(40))
        for mark in ("[discussie]", "[vraag]", "[agenda]"):
            assert mark in shown
        kinds = {row.subtype for row in app.main.feed.row_list.source.window(0, 50)}
        assert {"blog", "discussion", "question", "event", "wiki", "file"} <= kinds
        await pilot.press("t")  # blogs alone
        await pilot.press("t")  # discussions alone
        await pilot.pause()
        rows = app.main.feed.row_list.source.window(0, 50)
        assert rows and {row.subtype for row in rows} == {"discussion"}
        assert "discussie" in str(app.main.feed.border_title)
        for _ in range(8):  # round to everything again
            await pilot.press("t")
        await pilot.pause()
        assert len(app.main.feed.row_list.source.window(0, 50)) > len(rows)


async def test_an_event_shows_when_and_where_and_takes_my_answer(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_blog(pilot, EVENT)
        text = post_text(app)
        assert "Wanneer: " in text and "Waar: Ministerie van Justitie" in text
        assert "Jouw antwoord: nog niet gegeven" in text
        guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("a")
        await wait_for(
            pilot,
            lambda: (
                graphql(demo_site.url, hadewych, ATTENDING, g=guid)["entity"]["isAttending"]
                == "accept"
            ),
        )
        await wait_for(pilot, lambda: "Jouw antwoord: ik ga" in post_text(app))


async def test_a_question_shows_its_best_answer_first_and_takes_another(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_blog(pilot, QUESTION)
        text = post_text(app)
        assert "Vraag · open" in text
        joost, pieter = text.index("Joost Hendriks"), text.index("Pieter Bakker")
        assert joost < pieter  # the best answer first, though older
        assert "✓ beste antwoord" in text[joost:pieter]
        guid = app.open_blog.guid if app.open_blog else ""
        app.main.activate(app.main.post)
        await pilot.press("J", "J")  # the second answer: Pieter's
        await pilot.pause()
        await pilot.press("asterisk")

        def best_is_pieter() -> bool:
            answers = graphql(demo_site.url, hadewych, BEST, g=guid)["entity"]["comments"]
            best = [a["owner"]["name"] for a in answers if a["isBestAnswer"]]
            return best == ["Pieter Bakker"]

        await wait_for(pilot, best_is_pieter)


async def test_a_wiki_page_shows_its_place_in_the_tree(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_blog(pilot, "Stap 1: verkennen")
        text = post_text(app)
        assert "Wiki: Handboek participatie › Stap 1: verkennen" in text
        assert "Reacties" not in text  # a wiki page takes no comments


async def test_a_wiki_page_shows_its_whole_path(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_blog(pilot, "Checklist: wie merkt")
        trail = "Wiki: Handboek participatie › Stap 1: verkennen wie er belang bij heeft › "
        words = " ".join(post_text(app).split())  # the trail wraps
        assert trail + "Checklist: wie merkt de gevolgen?" in words


async def test_a_folder_shows_what_it_holds_and_a_file_its_folders(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert {"Verslagen", "Werksessies 2025"} <= set(feed_titles(app))
        await open_blog(pilot, "Verslagen")
        text = post_text(app)
        held = [line.strip() for line in text[text.index("In deze map:") :].splitlines()[1:3]]
        # Folders first, then files, as Pleio lists a folder.
        assert held == ["• Werksessies 2025", "• verslag-werksessie-maart.txt"]
        await open_blog(pilot, "Werksessies 2025")
        await wait_for(pilot, lambda: "• verslag-werksessie-oktober.txt" in post_text(app))
        assert "In de map Verslagen\n" in post_text(app)
        await open_blog(pilot, "verslag-werksessie-oktober.txt")
        await wait_for(pilot, lambda: "Bestand: verslag-werksessie-oktober.txt" in post_text(app))
        assert "In de map Verslagen › Werksessies 2025" in post_text(app)


async def test_a_file_downloads_into_the_cache_folder_and_opens(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    opened: list[Path] = []
    app.content.opener = opened.append
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_blog(pilot, "verslag-werksessie-maart.txt")
        assert "Bestand: verslag-werksessie-maart.txt · " in post_text(app)
        await pilot.press("w")
        await wait_for(pilot, lambda: opened)
    [path] = opened
    assert path.is_relative_to(tmp_path / "cache" / "files")
    assert path.name == "verslag-werksessie-maart.txt"
    assert path.read_bytes().startswith(b"Verslag werksessie participatie")
    assert path.stat().st_mode & 0o777 == 0o600


async def test_n_asks_the_kind_and_a_discussion_reaches_the_site(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, KindChoiceScreen))
        await pilot.press("down", "enter")  # the second choice: a discussion
        await wait_for(pilot, lambda: isinstance(app.screen, NewItemScreen))
        await pilot.press(*"Wie komt er dinsdag?", "tab", *"Laat het even weten.", "ctrl+s")

        def on_site() -> bool:
            edges = graphql(demo_site.url, hadewych, DISCUSSIONS)["entities"]["edges"]
            return [e["title"] for e in edges].count("Wie komt er dinsdag?") == 1

        await wait_for(pilot, on_site)
        await wait_for(pilot, lambda: "Wie komt er dinsdag?" in feed_titles(app))


def test_every_outbox_kind_is_named_in_both_languages() -> None:
    from pleio_tui.models import OutboxKind
    from pleio_tui.tui.i18n import EN, NL

    for kind in OutboxKind:
        assert NL[f"outbox.kind.{kind.value}"] and EN[f"outbox.kind.{kind.value}"]


async def test_the_outbox_names_an_answer_waiting_for_the_site(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
    offline = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with offline.run_test(size=SIZE) as pilot:
        await choose_group(pilot, GROUP)
        await open_blog(pilot, EVENT)
        await pilot.press("a", "a")  # going, then maybe: both wait, the last one counts
        await wait_for(pilot, lambda: "Jouw antwoord: misschien" in post_text(offline))
        await pilot.press("O")
        await wait_for(pilot, lambda: "Antwoord op bijeenkomst" in screen_text(pilot))


async def test_a_site_that_lets_nobody_choose_says_so_and_queues_nothing(
    site_factory: Callable[..., LocalSite], tmp_path: Path
) -> None:
    """Pleio's default: the questioner's own `*` is refused by the site
    (`canChooseBestAnswer` false), and the reader says why instead of queueing."""
    site = site_factory(demo=True, best_answers=False)
    app = make_app(site.url, site.login("hadewych"), tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_blog(pilot, QUESTION)
        assert app.open_blog is not None and app.store is not None
        assert app.open_blog.details.can_choose_best_answer is False
        app.main.activate(app.main.post)
        await pilot.press("J", "J", "asterisk")
        turned_off = "Op deze site kiest niemand een beste antwoord"
        await wait_for(pilot, lambda: any(turned_off in n for n in notices(pilot)))
        assert app.store.outbox() == []
