"""One-line notices a command prints to stderr before it talks to a site."""

from __future__ import annotations

import sys

from pleio_tui.cli_i18n import tr
from pleio_tui.site_url import sends_session_in_clear


def warn_if_plain_http(site_url: str) -> None:
    if sends_session_in_clear(site_url):
        text = (
            "warning: {site} is plain http: your session cookie travels unencrypted "
            "(allow_insecure_http is set in the config)"
        )
        print("pleio-tui: " + tr(text, site=site_url), file=sys.stderr)
