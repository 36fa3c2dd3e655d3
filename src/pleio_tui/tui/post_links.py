"""The address of a post for a browser or the clipboard, and which addresses are
blogs of the site itself (opened in the app)."""

from __future__ import annotations

import re
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


_BLOG_PATH = re.compile(r"(?:^|/)blog/view/([0-9A-Za-z-]{1,64})(?:/|$)")


def site_blog_guid(site_url: str, url: str) -> str | None:
    """The guid of the blog `url` shows when it is a blog of this site
    (`/blog/view/<guid>/…` or a group's `/groups/view/…/blog/view/<guid>/…`,
    on the site's own host); None for anything else."""
    site, target = urlsplit(site_url), urlsplit(url)
    if target.scheme not in ("http", "https") or not site.hostname:
        return None
    if (target.hostname or "").lower() != site.hostname.lower() or target.port != site.port:
        return None
    match = _BLOG_PATH.search(target.path)
    return match.group(1) if match else None
