"""The address of a post for a browser or the clipboard."""

from __future__ import annotations

from urllib.parse import urlsplit

from pleio_tui.richtext import absolute_url


def browser_url(site_url: str, relative_url: str) -> str | None:
    """The absolute http(s) address of a post's relative url; None for anything else
    (a remote url must never make the app open another kind of link)."""
    if not relative_url:
        return None
    url = absolute_url(site_url, relative_url)
    if url is None or urlsplit(url).scheme not in ("http", "https"):
        return None
    return url
