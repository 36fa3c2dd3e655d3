"""Starting the terminal UI: the app on the site the command line chose, its
cache opened, and the exit status when it ends."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol

from pleio_tui.config import Config, load_config
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.services.background import SiteAccess


class SiteSettings(Protocol):
    """The site the command line chose (`pleio_tui.context.SiteContext`)."""

    @property
    def site_url(self) -> str: ...

    @property
    def session(self) -> Secret | None: ...

    @property
    def cache_path(self) -> Path: ...

    @property
    def config(self) -> Config: ...

    @property
    def offline(self) -> bool: ...


def say_cache_upgrade() -> None:
    """Before the first frame: an older cache is rebuilt for this version, which for
    a large one takes a while with nothing on the screen yet."""
    print(
        "pleio-tui: updating the offline cache to this version (once; a large cache"
        " takes a minute)",
        file=sys.stderr,
        flush=True,
    )


def create_app(
    context: SiteSettings | None,
    *,
    dirs: AppDirs,
    demo: bool = False,
    session_refused: bool = False,
) -> PleioApp:
    """The app on the site of `context` (its cache opened: StoreError if it cannot
    be), or, without one, an app that asks for a site and session first.
    `session_refused`: PLEIO_TUI_SESSION was set without its site, and not used."""
    if context is None:
        config = load_config(dirs.config_file)
        return PleioApp(
            site=None, store=None, config=config, dirs=dirs, session_refused=session_refused
        )
    store = Store.open(context.cache_path, on_upgrade=say_cache_upgrade)
    entry = getattr(context, "entry", None)  # the site's table in the config, if any
    anonymous = entry is not None and entry.anonymous
    in_keyring = bool(getattr(context, "session_in_keyring", False))
    session, cache_path = context.session, context.cache_path
    access = SiteAccess(context.site_url, session, cache_path, anonymous, in_keyring)
    return PleioApp(
        site=access,
        store=store,
        config=context.config,
        dirs=dirs,
        offline=context.offline,
        demo=demo,
        session_refused=session_refused,
    )


def run_app(
    context: SiteSettings | None,
    *,
    dirs: AppDirs,
    demo: bool = False,
    session_refused: bool = False,
) -> int:
    """Run the TUI; the exit status for the command line."""
    try:
        app = create_app(context, dirs=dirs, demo=demo, session_refused=session_refused)
    except StoreError as exc:
        print(f"pleio-tui: {exc}", file=sys.stderr)
        return 1
    try:
        app.run()
    finally:
        if app.store is not None:
            app.store.close()
    return app.return_code or 0
