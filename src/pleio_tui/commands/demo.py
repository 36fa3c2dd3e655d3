"""`pleio-tui demo`: the local site with demo content, logged in, and the TUI on it.

Site data and cache live in a temporary folder, so a demo never touches the
user's keyring, cache or real sites.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from pleio_tui.cli_i18n import tr
from pleio_tui.config import load_config
from pleio_tui.context import SiteContext
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret, scrub_secret_environment
from pleio_tui.server.runner import LocalSite
from pleio_tui.tui.launch import run_app

DEMO_USER = "hadewych"


def run(args: argparse.Namespace) -> int:
    scrub_secret_environment()  # the demo has its own session: no child gets the user's
    dirs = AppDirs.default()
    config = load_config(dirs.config_file)
    with tempfile.TemporaryDirectory(prefix="pleio-tui-demo-") as tmp:
        site = LocalSite(Path(tmp) / "site", port=args.port, demo=True).start()
        try:
            session = site.login(DEMO_USER)
            print(
                tr("Demo site on {url} (logins hadewych, jan, admin; password demo)", url=site.url),
                file=sys.stderr,
            )
            context = SiteContext(
                site_url=site.url,
                session=Secret(session),
                cache_path=Path(tmp) / "cache" / "demo.sqlite3",
                config=config,
                offline=args.offline,
            )
            return run_app(context, dirs=dirs, demo=True)
        finally:
            site.stop()
