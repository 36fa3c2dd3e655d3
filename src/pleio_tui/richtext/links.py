"""Which link targets may be shown or followed: http, https and mailto only."""

import re
from urllib.parse import urljoin, urlsplit

from pleio_tui.richtext.terminal import has_forbidden_char

_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# What a browser ignores in a URL (WHATWG URL parsing): tabs and newlines anywhere,
# C0 controls and spaces at either end. "java\tscript:" is "javascript:" to it.
_PATH_BREAK = re.compile(r"[/?#]")
_IGNORED_INSIDE = str.maketrans("", "", "\t\n\r")
_IGNORED_AT_ENDS = "".join(chr(code) for code in range(0x21))


def _clean(href: str) -> str:
    return href.translate(_IGNORED_INSIDE).strip(_IGNORED_AT_ENDS)


def safe_link(href: str) -> str | None:
    """The href when its scheme is http, https or mailto, else None."""
    if not isinstance(href, str):
        return None
    cleaned = _clean(href)
    if has_forbidden_char(cleaned):
        return None
    match = _SCHEME.match(cleaned)
    if match is None:
        return None
    scheme = match.group(1).lower()
    if scheme not in _SAFE_SCHEMES:
        return None
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return None
    if scheme == "mailto":
        return cleaned if parts.path else None
    return cleaned if parts.netloc else None


def is_relative_link(href: str) -> bool:
    """True for a link into the same site, such as Pleio's `/blog/view/<guid>/<slug>`."""
    if not isinstance(href, str):
        return False
    cleaned = _clean(href)
    if not cleaned or has_forbidden_char(cleaned) or cleaned.startswith("//"):
        return False
    # Markdown decodes entities in a link target: "javascript&#58;x" would gain its colon.
    first_segment = _PATH_BREAK.split(cleaned, maxsplit=1)[0]
    return ":" not in first_segment and "&" not in first_segment


def usable_link(href: str) -> str | None:
    """A link worth showing: safe_link's, or one into the same site (left relative)."""
    if is_relative_link(href):
        return _clean(href)
    return safe_link(href)


def safe_image_src(src: str) -> str | None:
    """An image source worth keeping: http(s) or a path on the same site."""
    link = usable_link(src)
    if link is None or link.lower().startswith("mailto:"):
        return None
    return link


def absolute_url(site_url: str, href: str) -> str | None:
    """The href resolved against the site (Pleio's urls are relative), checked by safe_link."""
    if not isinstance(href, str):
        return None
    cleaned = _clean(href)
    if not cleaned:
        return None
    if _SCHEME.match(cleaned) is None:
        cleaned = urljoin(site_url.rstrip("/") + "/", cleaned)
    return safe_link(cleaned)
