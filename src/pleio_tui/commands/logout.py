"""`pleio-tui logout [SITE]` (a name or an address): forget the stored session of a site."""

from __future__ import annotations

import argparse
import os
import sys

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
        print(f"Logged out of {site_url}: the stored session is gone", file=sys.stderr)
    else:
        print(f"No session was stored for {site_url}", file=sys.stderr)
    if os.environ.get(SESSION_ENV, "").strip():  # even one that is no cookie value
        print(f"{SESSION_ENV} is set and still gives a session to every command", file=sys.stderr)
    return 0
