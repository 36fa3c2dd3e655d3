"""`pleio-tui logout [SITE]` (a name or an address): forget the stored session of a site."""

from __future__ import annotations

import argparse
import os
import sys

from pleio_tui.cli_i18n import tr
from pleio_tui.config import load_config
from pleio_tui.context import NoSiteError, resolve_site
from pleio_tui.credentials import SESSION_ENV, forget_session
from pleio_tui.paths import AppDirs


def run(args: argparse.Namespace) -> int:
    dirs = AppDirs.default()
    config = load_config(dirs.config_file)
    raw = args.site_url or args.site or config.site
    if not raw:
        raise NoSiteError(dirs.config_file)
    site_url, _entry = resolve_site(raw, config)
    if forget_session(site_url):
        print(
            tr("Logged out of {site}: the stored session is gone", site=site_url), file=sys.stderr
        )
    else:
        print(tr("No session was stored for {site}", site=site_url), file=sys.stderr)
    if os.environ.get(SESSION_ENV, "").strip():  # even one that is no cookie value
        said = tr(
            "{variable} is set and still gives a session to every command", variable=SESSION_ENV
        )
        print(said, file=sys.stderr)
    return 0
