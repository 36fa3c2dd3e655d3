"""`pleio-tui [--site URL] [--offline]`: the terminal UI on a site."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.context import site_context
from pleio_tui.secret import scrub_secret_environment

if TYPE_CHECKING:
    import argparse


def run(args: argparse.Namespace) -> int:
    # Everything below is imported with collection paused: collections during the
    # imports cost the first screen some 40 ms (tui/collection.py).
    from pleio_tui.tui.collection import pause_collection

    pause_collection()  # resumed once the first frame is painted
    from pleio_tui.config import load_config  # with collection paused, as said above
    from pleio_tui.paths import AppDirs  # with collection paused, as said above

    dirs = AppDirs.default()
    config = load_config(dirs.config_file, parsed_copy=dirs.parsed_config_file)
    if not args.site and not config.site:
        # No site yet: the app opens on its login screen and asks for one.
        scrub_secret_environment()
        from pleio_tui.tui.launch import run_app  # with collection paused, as said above

        return run_app(None, dirs=dirs)
    # Offline, the session is never used: the keyring is not even asked.
    context = site_context(
        args.site, offline=args.offline, dirs=dirs, read_keyring=not args.offline, config=config
    )
    scrub_secret_environment()  # read: no browser or editor the app starts gets it
    from pleio_tui.tui.launch import run_app  # with collection paused, as said above

    return run_app(context, dirs=dirs)
