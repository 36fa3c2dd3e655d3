"""The app on a cache it cannot fully use: a full disk, a read-only cache, damaged
pages, a cache deleted while it runs, a write lock held by another process. It
says so in a notice, keeps running on what it can read, and loses no text: a
draft the cache will not take stays in memory and is saved once it can be; a
comment or post that cannot be queued stays where it was typed.

The app runs offline on a cache synced from the real local site, so no sync
writes alongside the fault."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_app_support import SIZE, choose_group, make_app, notices, open_blog, screen_text, wait_for
from textual.pilot import Pilot

from cache_faults import WriteLockHolder, damage_pages, fill_disk, free_disk
from pleio_tui.models import OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.runner import sync_site
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.i18n import NL
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.help import HelpScreen
from pleio_tui.tui.screens.new_post import DEBOUNCE_SECONDS, NewPostScreen

LONG = "Dit is een lange reactie die meer dan een pagina van de cache vraagt. " * 240
IN_MEMORY = "in het geheugen"
SAVED_AGAIN = NL["notice.drafts_saved_again"]


@pytest.fixture
async def cache(demo_site: LocalSite, hadewych: str, tmp_path: Path) -> Path:
    path = tmp_path / "cache.sqlite3"
    report = await sync_site(demo_site.url, hadewych, path)
    assert report.completed
    return path


def offline_app(site: LocalSite, session: str, tmp_path: Path) -> PleioApp:
    return make_app(site.url, session, tmp_path, offline=True)


def said(pilot: Pilot[Any], text: str) -> bool:
    return any(text in notice for notice in notices(pilot))


def stored_draft(path: Path, key: str) -> str | None:
    with Store.open(path) as store:
        draft = store.load_draft(key)
    return None if draft is None else draft.body


async def type_comment(pilot: Pilot[Any], text: str) -> str:
    app = pilot.app
    assert isinstance(app, PleioApp)
    await open_blog(pilot, "Leren door doen")
    await pilot.press("c")
    app.main.post.composer._text_area.insert(text)
    await pilot.pause(DEBOUNCE_SECONDS + 0.2)
    key = app.main.post.composer.draft_key
    assert key is not None
    return key


async def test_a_full_disk_keeps_the_draft_in_memory_and_saves_it_when_there_is_room(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    """Disk full: SQLite's max_page_count capped on the app's own connection."""
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.store is not None
        fill_disk(app.store._conn)
        key = await type_comment(pilot, LONG)
        await wait_for(pilot, lambda: said(pilot, IN_MEMORY))
        assert any(str(cache) in notice for notice in notices(pilot))
        assert stored_draft(cache, key) != LONG
        assert app.main.post.composer.text == LONG

        # Sending while the disk is full: not queued, the composer keeps the text.
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: said(pilot, "Niet in de outbox gezet"))
        assert app.main.post.composer.is_open and app.main.post.composer.text == LONG
        assert app.store.outbox() == []

        # Room again: the retry saves the draft without a keystroke.
        free_disk(app.store._conn)
        await wait_for(pilot, lambda: stored_draft(cache, key) == LONG)
        await wait_for(pilot, lambda: said(pilot, SAVED_AGAIN))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.main.post.composer.is_open)
        assert [item.body for item in app.store.outbox((OutboxState.PENDING,))] == [LONG]
        await pilot.press("j")  # still answering keys


async def test_a_read_only_cache_keeps_the_draft_in_memory(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    """Read-only: `PRAGMA query_only` on the app's connection, which makes SQLite
    answer as for a read-only file; tests run as root, whom chmod does not stop
    (the real read-only folder is tested on the commands and on the store)."""
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.store is not None
        app.store._conn.execute("PRAGMA query_only = ON")
        key = await type_comment(pilot, "Alleen-lezen, maar niet kwijt")
        await wait_for(pilot, lambda: said(pilot, IN_MEMORY))
        assert any("alleen-lezen" in notice for notice in notices(pilot))
        # Leaving the composer and coming back shows the text kept in memory.
        await pilot.press("escape")
        await pilot.press("c")
        assert app.main.post.composer.text == "Alleen-lezen, maar niet kwijt"
        app.store._conn.execute("PRAGMA query_only = OFF")
        await wait_for(pilot, lambda: stored_draft(cache, key) == "Alleen-lezen, maar niet kwijt")


async def test_damaged_pages_are_named_and_the_app_keeps_running(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    damage_pages(cache)
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: said(pilot, NL["error.cache_corrupt"]))
        assert any(str(cache) in notice for notice in notices(pilot))
        for key in ("j", "j", "enter", "tab", "j", "question_mark"):
            await pilot.press(key)
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))  # still answering
        await pilot.press("escape")
        assert "Traceback" not in screen_text(pilot)
    assert app.return_code in (None, 0)


async def test_a_cache_deleted_while_the_app_runs_is_started_anew_with_the_draft(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.store is not None
        app.store.enqueue(_comment_kind(), "b-x", body="eerder geschreven")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{cache}{suffix}").unlink(missing_ok=True)
        key = await type_comment(pilot, "Geschreven nadat de cache weg was")
        await wait_for(pilot, lambda: said(pilot, "nieuwe begonnen"))
        assert cache.exists()
        await wait_for(
            pilot, lambda: stored_draft(cache, key) == "Geschreven nadat de cache weg was"
        )
        with Store.open(cache) as fresh:
            assert [item.body for item in fresh.outbox()] == ["eerder geschreven"]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.main.post.composer.is_open)
        with Store.open(cache) as fresh:
            bodies = [item.body for item in fresh.outbox()]
        assert bodies == ["eerder geschreven", "Geschreven nadat de cache weg was"]


def _comment_kind() -> Any:
    from pleio_tui.models import OutboxKind

    return OutboxKind.COMMENT


async def test_a_cache_locked_by_another_process_keeps_the_draft_until_it_is_free(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_blog(pilot, "Leren door doen")
        with WriteLockHolder(cache) as holder:
            key = await type_comment(pilot, "Terwijl een ander schrijft")
            await wait_for(pilot, lambda: said(pilot, IN_MEMORY), timeout=20)
            assert any("bezet" in notice for notice in notices(pilot))
            holder.release()
        await wait_for(pilot, lambda: stored_draft(cache, key) == "Terwijl een ander schrijft")


async def test_a_new_post_that_cannot_be_queued_stays_on_its_screen(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.store is not None
        await choose_group(pilot, "Van buiten naar binnen")
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        fill_disk(app.store._conn)
        await pilot.press(*"Verslag", "tab")
        app.screen.query_one("#new-post-body").insert(LONG)  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: said(pilot, "Niet in de outbox gezet"))
        assert isinstance(app.screen, NewPostScreen) and app.screen.body_text == LONG
        free_disk(app.store._conn)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not isinstance(app.screen, NewPostScreen))
        assert [item.title for item in app.store.outbox()] == ["Verslag"]


async def test_quitting_with_a_draft_only_in_memory_asks_first(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert app.store is not None
        fill_disk(app.store._conn)
        await type_comment(pilot, LONG)
        await wait_for(pilot, lambda: said(pilot, IN_MEMORY))
        await pilot.press("escape", "Q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "alleen in het geheugen" in screen_text(pilot)
        await pilot.press("n")  # stay: room comes back and the draft is saved
        free_disk(app.store._conn)
        await wait_for(pilot, lambda: said(pilot, SAVED_AGAIN))
        await pilot.press("Q")
        await wait_for(pilot, lambda: app.return_code == 0)


async def test_the_outbox_screen_on_damaged_pages_says_so_and_stays_open(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, cache: Path
) -> None:
    with Store.open(cache) as store:
        for number in range(60):
            store.enqueue(_comment_kind(), f"b{number}", body="tekst " * 200)
    damage_pages(cache)
    app = offline_app(demo_site, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("O")
        await wait_for(pilot, lambda: said(pilot, NL["error.cache_corrupt"]))
        await pilot.press("escape", "j")
