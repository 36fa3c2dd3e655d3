"""`pleio-tui --offline` reads the cache without a session (it does not even ask
the keyring), so it must not open on the login dialog: the cache is shown, and
what is written waits in the outbox."""

from __future__ import annotations

from pathlib import Path

from test_app_support import SIZE, make_app, open_blog, screen_text, wait_for

from pleio_tui.server import LocalSite
from pleio_tui.sync.runner import sync_site
from pleio_tui.tui.screens.login import LoginScreen


async def test_offline_without_a_session_shows_the_cache_not_the_login(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    assert (await sync_site(demo_site.url, hadewych, tmp_path / "cache.sqlite3")).completed
    app = make_app(demo_site.url, None, tmp_path, offline=True)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.main.feed.row_list.row_count > 0)
            await pilot.pause(0.2)
            assert not isinstance(app.screen, LoginScreen)
            assert "offline" in screen_text(pilot).splitlines()[-1]

            await open_blog(pilot, "Leren door doen")
            await pilot.press("c", *"Zonder sessie geschreven", "ctrl+s")
            composer = app.main.post.composer
            await wait_for(pilot, lambda: not composer.is_open)
            assert app.store is not None
            assert [item.body for item in app.store.outbox()] == ["Zonder sessie geschreven"]
            assert not isinstance(app.screen, LoginScreen)
    finally:
        if app.store is not None:
            app.store.close()
