"""`pleio-tui [--site URL] [--offline]`: the terminal UI on a site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.context import SiteContext, site_context
from pleio_tui.secret import scrub_secret_environment
from pleio_tui.session_env import unbound_session

if TYPE_CHECKING:
    import argparse

    from pleio_tui.config import Config
    from pleio_tui.paths import AppDirs


def start_context(
    args: argparse.Namespace, dirs: AppDirs, config: Config
) -> tuple[SiteContext | None, bool]:
    """The site the app starts on (None: its login screen asks for one), and
    whether PLEIO_TUI_SESSION was refused: set with no site named for it, it goes
    nowhere, and the app asks to log in (or reads as a visitor) without it."""
    refused = unbound_session()
    if not args.site and not config.site:
        return None, refused
    # Offline, the session is never used: the keyring is not even asked.
    online = not args.offline
    context = site_context(
        args.site,
        offline=args.offline,
        dirs=dirs,
        read_keyring=online and not refused,
        config=config,
    )
    return context, refused and online


def run(args: argparse.Namespace) -> int:
    # Everything below is imported with collection paused: collections during the
    # imports cost the first screen some 40 ms (tui/collection.py).
    from pleio_tui.tui.collection import pause_collection

    pause_collection()  # resumed once the first frame is painted
    from pleio_tui.config import load_config  # with collection paused, as said above
    from pleio_tui.paths import AppDirs  # with collection paused, as said above

    dirs = AppDirs.default()
    config = load_config(dirs.config_file, parsed_copy=dirs.parsed_config_file)
    context, refused = start_context(args, dirs, config)
    scrub_secret_environment()  # read: no browser or editor the app starts gets it
    from pleio_tui.tui.launch import run_app  # with collection paused, as said above

    return run_app(context, dirs=dirs, session_refused=refused)
