"""Logging in from the app, group membership, and what the outbox shows when the
site refuses something."""

from __future__ import annotations

from pathlib import Path

from test_app_support import (
    SIZE,
    choose_group,
    graphql,
    make_app,
    screen_text,
    synced,
    wait_for,
    widget_text,
)

from pleio_tui import APP_NAME
from pleio_tui.models import Membership, OutboxState
from pleio_tui.paths import normalise_site_url
from pleio_tui.server import LocalSite
from pleio_tui.tui.screens.confirm import ConfirmScreen
from pleio_tui.tui.screens.login import LoginScreen
from pleio_tui.tui.screens.new_post import NewPostScreen
from pleio_tui.tui.screens.outbox import OutboxScreen


async def test_login_screen_checks_and_keeps_the_session(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, memory_keyring: object
) -> None:
    app = make_app(demo_site.url, None, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, LoginScreen) and app.focused)
        # The site is known: the cursor waits in the sessionid field.
        assert app.focused is not None and app.focused.id == "login-session"
        await pilot.press(*"not-a-session", "enter")
        await wait_for(pilot, lambda: "sessie is verlopen" in screen_text(pilot))
        assert isinstance(app.screen, LoginScreen)
        app.screen.query_one("#login-session").value = hadewych
        await pilot.press("enter")
        await synced(pilot)
        assert not isinstance(app.screen, LoginScreen)
        assert "Hadewych" in screen_text(pilot).splitlines()[-1]
    stored = memory_keyring.passwords  # type: ignore[attr-defined]
    assert stored[(APP_NAME, normalise_site_url(demo_site.url))] == hadewych


async def test_joining_a_group_after_confirming(
    demo_site: LocalSite, jan_session: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, jan_session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")
        await pilot.press("m")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        row = app.main.groups.row_list

        def joined() -> bool:
            current = row.highlighted_row
            return current is not None and current.membership == Membership.JOINED

        await wait_for(pilot, joined)
        query = "{ groups(filter: mine) { edges { name } } }"
        names = [g["name"] for g in graphql(demo_site.url, jan_session, query)["groups"]["edges"]]
        assert any(name.startswith("Van buiten naar binnen") for name in names)


async def test_a_refused_post_stays_in_the_outbox_with_its_reason(
    demo_site: LocalSite, jan_session: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, jan_session, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")  # Jan is no member
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NewPostScreen)
        await pilot.press(*"Mag dit hier?", "tab", *"Een vraag.", "ctrl+s")
        store = app.store
        assert store is not None
        await wait_for(pilot, lambda: store.outbox((OutboxState.FAILED,)))
        await wait_for(pilot, lambda: "1 mislukt" in screen_text(pilot).splitlines()[-1])

        await pilot.press("O")
        assert isinstance(app.screen, OutboxScreen)
        listing = widget_text(app.screen.items)
        assert "mislukt" in listing and "Mag dit hier?" in listing
        assert "Alleen leden van de groep" in listing  # the site's reason, in words
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await wait_for(pilot, lambda: not store.outbox((OutboxState.FAILED,)))
        await pilot.press("escape")
        assert not isinstance(app.screen, OutboxScreen)
        # Nothing written is lost: the text is still a draft.
        assert any(d.body == "Een vraag." for d in store.drafts())
