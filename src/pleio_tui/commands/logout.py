"""`pleio-tui logout [SITE]` (a name or an address): forget the stored session of a site."""

from __future__ import annotations

import argparse
import sys

from pleio_tui.cli_i18n import tr
from pleio_tui.config import load_config
from pleio_tui.context import NoSiteError, resolve_site
from pleio_tui.credentials import SESSION_ENV, forget_session
from pleio_tui.paths import AppDirs
from pleio_tui.session_env import SESSION_SITE_ENV, UnboundSessionError, bound_site


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
    said = _environment_session_note(site_url)
    if said:
        print(said, file=sys.stderr)
    return 0


def _environment_session_note(site_url: str) -> str | None:
    """What PLEIO_TUI_SESSION still does for the site logged out of (even one that
    is no cookie value): gives it a session when it is the site bound to it."""
    names = {"variable": SESSION_ENV, "site_variable": SESSION_SITE_ENV}
    try:
        site = bound_site()
    except UnboundSessionError:
        text = "{variable} is set, but no command sends it until {site_variable} names its site"
        return tr(text, **names)
    if site != site_url:
        return None
    text = (
        "{variable} is set and still gives {site} a session: it is the site {site_variable} names"
    )
    return tr(text, site=site_url, **names)
