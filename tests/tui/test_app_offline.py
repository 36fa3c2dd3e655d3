"""Offline: the cache shows without the site, writing is queued, and the outbox
goes out once (and only once) when the site is back."""

from __future__ import annotations

from pathlib import Path

from test_app_support import (
    BLOG_THREAD,
    SIZE,
    graphql,
    make_app,
    open_blog,
    screen_text,
    synced,
    wait_for,
    widget_text,
)

from pleio_tui.models import OutboxState
from pleio_tui.server import LocalSite


async def sync_once(site_url: str, session: str, tmp_path: Path) -> None:
    """Fill the cache in `tmp_path` the way a first run of the app does."""
    first = make_app(site_url, session, tmp_path)
    async with first.run_test(size=SIZE) as pilot:
        await synced(pilot)
    if first.store is not None:
        first.store.close()


async def test_offline_start_queues_and_the_outbox_drains_once(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    await sync_once(demo_site.url, hadewych, tmp_path)
    site_url = demo_site.url
    demo_site.stop()

    app = make_app(site_url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        # The cache shows at once, the failed sync turns the status offline.
        assert "Leren door doen" in widget_text(app.main.feed.row_list)
        await wait_for(pilot, lambda: not app.is_syncing)
        assert "offline" in screen_text(pilot).splitlines()[-1]

        await open_blog(pilot, "Leren door doen")
        guid = app.open_blog.guid if app.open_blog else ""
        await pilot.press("c", *"Geschreven in de trein", "ctrl+s")
        store = app.store
        assert store is not None
        await wait_for(pilot, lambda: len(store.outbox((OutboxState.PENDING,))) == 1)
        await wait_for(pilot, lambda: "outbox 1" in screen_text(pilot).splitlines()[-1])

        demo_site.start()
        assert demo_site.url == site_url
        await pilot.press("r")
        await wait_for(pilot, lambda: not store.outbox((OutboxState.PENDING, OutboxState.SENDING)))
        await wait_for(pilot, lambda: not app.is_syncing)
        assert "online" in screen_text(pilot).splitlines()[-1]

        await pilot.press("r")  # a second sync sends nothing again
        await wait_for(pilot, lambda: not app.is_syncing)

    comments = graphql(site_url, hadewych, BLOG_THREAD, guid=guid)["entity"]["comments"]
    texts = [comment["description"].strip() for comment in comments]
    assert texts.count("Geschreven in de trein") == 1
    if app.store is not None:
        app.store.close()


async def test_offline_flag_never_touches_the_network(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.is_syncing
        assert "Nog niets in de cache" in widget_text(app.main.groups.row_list)
        await pilot.press("r")
        assert not app.is_syncing
        assert "offline" in screen_text(pilot).splitlines()[-1]
    if app.store is not None:
        app.store.close()


async def test_offline_flag_shows_whose_cache_it_reads(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    await sync_once(demo_site.url, hadewych, tmp_path)

    # As `pleio-tui --offline` starts: the keyring is not asked, so no session.
    app = make_app(demo_site.url, None, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = screen_text(pilot).splitlines()[-1]
        assert "Hadewych" in status
        assert "offline" in status
        assert "niet ingelogd" not in status
    if app.store is not None:
        app.store.close()


async def test_the_site_going_away_leaves_the_open_post_readable(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert "online" in screen_text(pilot).splitlines()[-1]
        await open_blog(pilot, "Leren door doen")
        demo_site.stop()

        await pilot.press("r")
        await wait_for(pilot, lambda: "offline" in screen_text(pilot).splitlines()[-1])
        await wait_for(pilot, lambda: not app.is_syncing)
        assert app.is_running
        shown = screen_text(pilot)
        assert "Leren door doen" in shown
        assert "NSOB en PBL hebben door middel van bijeenkomsten" in shown
        assert "offline" in shown.splitlines()[-1]
    if app.store is not None:
        app.store.close()
