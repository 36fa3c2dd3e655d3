"""What the app says before and while it sends: images from another site go as
links (the first send warns, the second sends), and another pleio-tui process
sending the outbox is named instead of passed over in silence."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_app_support import (
    SIZE,
    choose_group,
    graphql,
    make_app,
    notices,
    open_blog,
    synced,
    wait_for,
)
from textual.widgets import Static

from pleio_tui.models import OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.screens.new_post import NewPostScreen

ELSEWHERE = "https://elders.example/foto.png"
TEXT = f"Zie ![foto]({ELSEWHERE})"


RICH_THREAD = """
query Thread($guid: String!) {
  entity(guid: $guid) { ... on Blog { comments { richDescription } } }
}
"""


def comment_bodies(site: LocalSite, session: str, guid: str) -> list[str]:
    blog = graphql(site.url, session, RICH_THREAD, guid=guid)["entity"]
    return [comment["richDescription"] or "" for comment in blog["comments"]]


async def test_images_from_another_site_are_named_before_the_comment_goes(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("c", *TEXT, "ctrl+s")
        composer = app.main.post.composer
        hint = composer.query_one("#composer-hint", Static)
        await wait_for(pilot, lambda: ELSEWHERE in str(hint.render()))
        assert "als link" in str(hint.render())
        assert composer.is_open and composer.text == TEXT
        assert app.store is not None and app.store.outbox() == []

        await pilot.press("ctrl+s")  # the same text again: it goes, as a link
        await wait_for(pilot, lambda: not composer.is_open)
        await wait_for(
            pilot, lambda: any(ELSEWHERE in t for t in comment_bodies(demo_site, hadewych, guid))
        )


async def test_images_from_another_site_are_named_before_a_new_post_goes(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewPostScreen)
        await pilot.press(*"Met een foto", "tab", *TEXT, "ctrl+s")
        error = screen.query_one("#new-post-error", Static)
        await wait_for(pilot, lambda: ELSEWHERE in str(error.render()))
        assert app.screen is screen
        assert app.store is not None and app.store.outbox() == []

        await pilot.press("ctrl+s")  # the same text again: it goes
        await wait_for(pilot, lambda: app.screen is not screen)
        assert [item.title for item in app.store.outbox()] == ["Met een foto"]


def hold_the_outbox(cache_path: Path) -> subprocess.Popen[str]:
    """Another process holding the outbox lease, as a sending pleio-tui does."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pleio_tui.store import Store\n"
        "store = Store.open(Path(sys.argv[1]))\n"
        "assert store.take_outbox_lease()\n"
        "print('held', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(cache_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


@pytest.fixture
def holder_ends() -> Iterator[list[subprocess.Popen[str]]]:
    holders: list[subprocess.Popen[str]] = []
    yield holders
    for holder in holders:
        holder.kill()
        holder.wait(timeout=10)


async def test_another_process_sending_the_outbox_is_said(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, holder_ends: list[subprocess.Popen[str]]
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    busy = Strings("nl")("notice.outbox_busy")
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        holder_ends.append(hold_the_outbox(tmp_path / "cache.sqlite3"))
        await pilot.press("c", *"Terwijl een ander verstuurt", "ctrl+s")
        await wait_for(pilot, lambda: busy in notices(pilot))
        store = app.store
        assert store is not None
        assert [item.body for item in store.outbox((OutboxState.PENDING,))] == [
            "Terwijl een ander verstuurt"
        ]
