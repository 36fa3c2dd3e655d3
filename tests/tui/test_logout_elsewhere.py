"""`pleio-tui logout` in another shell reaches an app that is running: from the
next piece of network work on, nothing goes to the site in the user's name, what
waits in the outbox stays there, and the app says so and asks to log in. A new
login there is used at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
from test_app_support import SIZE, graphql, notices, open_blog, synced, wait_for
from textual.pilot import Pilot

from pleio_tui.cli import main
from pleio_tui.config import load_config
from pleio_tui.context import site_context
from pleio_tui.credentials import save_session
from pleio_tui.models import Blog, OutboxState
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.launch import create_app
from pleio_tui.tui.screens.login import LoginScreen

TEXT = "Geschreven vlak na het uitloggen"
COMMENTS = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  comments { description owner { name } } } } }"""


def app_of_the_keyring(tmp_path: Path, site: LocalSite, session: str) -> PleioApp:
    """The app as `pleio-tui` starts it on a site whose session the keyring holds."""
    save_session(site.url, Secret(session))
    dirs = AppDirs(data=tmp_path / "data", config=tmp_path / "config", cache=tmp_path / "cache")
    dirs.config.mkdir(parents=True, exist_ok=True)
    dirs.config_file.write_text(
        f'language = "nl"\ndefault = "een"\n[sync]\ninterval_minutes = 0\n'
        f'[sites.een]\nurl = "{site.url}"\n',
        encoding="utf-8",
    )
    context = site_context(None, dirs=dirs, config=load_config(dirs.config_file))
    assert context.session_in_keyring
    return create_app(context, dirs=dirs)


def sent(app: PleioApp) -> bool:
    items = app.store.outbox() if app.store is not None else []
    return [item.state for item in items] == [OutboxState.SENT]


async def reading_the_seed_blog(pilot: Pilot[Any]) -> Blog:
    """After the first sync, the seed blog open in the app."""
    app = pilot.app
    assert isinstance(app, PleioApp)
    await synced(pilot)
    await open_blog(pilot, "Leren door doen")
    assert app.open_blog is not None
    return app.open_blog


def comments_on_site(site: LocalSite, session: str, guid: str) -> list[str]:
    entity = graphql(site.url, session, COMMENTS, guid=guid)["entity"]
    return [comment["description"].strip() for comment in entity["comments"]]


async def test_a_logout_in_another_shell_stops_the_app_sending_in_the_users_name(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = app_of_the_keyring(tmp_path, demo_site, hadewych)
    async with app.run_test(size=SIZE) as pilot:
        blog = await reading_the_seed_blog(pilot)

        assert main(["logout", demo_site.url]) == 0  # as typed in another shell

        await pilot.press("c", *TEXT, "ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert any("uitgelogd" in notice for notice in notices(pilot)), notices(pilot)
        assert app.store is not None
        [waiting] = app.store.outbox()
        assert waiting.state == OutboxState.PENDING and waiting.body.strip() == TEXT
    if app.store is not None:
        app.store.close()
    assert TEXT not in comments_on_site(demo_site, hadewych, blog.guid)


async def test_a_new_login_in_another_shell_is_used_at_once(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = app_of_the_keyring(tmp_path, demo_site, hadewych)
    async with app.run_test(size=SIZE) as pilot:
        blog = await reading_the_seed_blog(pilot)
        # The old session ends on the site, and a login elsewhere keeps a new one.
        fresh = demo_site.login("hadewych")
        ended = httpx.post(f"{demo_site.url}/logout", cookies={"sessionid": hadewych})
        assert ended.status_code == 302
        save_session(demo_site.url, Secret(fresh))

        await pilot.press("c", *TEXT, "ctrl+s")
        await wait_for(pilot, lambda: sent(app))
        assert not isinstance(app.screen, LoginScreen)
    if app.store is not None:
        app.store.close()
    assert comments_on_site(demo_site, fresh, blog.guid).count(TEXT) == 1
