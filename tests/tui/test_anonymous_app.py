"""A site without a session in the app: the login dialog's "Read without an
account" reads it as a visitor, and the config keeps it so."""

from __future__ import annotations

from pathlib import Path

from test_app_support import SIZE, screen_text, synced, wait_for

from pleio_tui.config import load_config
from pleio_tui.context import site_context
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.login import LoginScreen


async def test_read_without_an_account_from_the_login_dialog(
    demo_site: LocalSite, tmp_path: Path
) -> None:
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True)
    dirs.config_file.write_text('language = "en"\n[sync]\ninterval_minutes = 0\n')
    config = load_config(dirs.config_file)
    app = create_app(site_context(demo_site.url, dirs=dirs, config=config), dirs=dirs)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Read without an account" in screen_text(pilot))
        await pilot.click("#login-anonymous")
        await wait_for(pilot, lambda: not isinstance(app.screen, LoginScreen))
        await synced(pilot)
        assert app.store is not None
        assert "Leren door doen" in "\n".join(h.title for h in app.store.search("energieke"))
        viewer = app.store.load_viewer()
        assert viewer is not None and not viewer.logged_in
        await pilot.press("n")  # a new post: only for logged-in users
        await wait_for(pilot, lambda: "Only logged-in users can write" in screen_text(pilot))

    [entry] = load_config(dirs.config_file).sites
    assert (entry.url, entry.anonymous) == (demo_site.url, True)
