"""Which images a Pleio site will show: its own only (SecureRichText refuses the rest)."""

from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pleio_tui.richtext.links import safe_image_src

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table")
ANY_HOST = "*"
"""As `site_host`: every image counts as the site's own."""


def is_external_image(src: str, site_host: str | None) -> bool:
    """Whether the image lives on another host than `site_host` (host[:port], as in
    the site's url); relative sources are the site's own. Without a host, every
    source with a host of its own is external."""
    if site_host == ANY_HOST:
        return False
    try:
        host = urlsplit(src).netloc
    except ValueError:
        return True
    return bool(host) and host.lower() != (site_host or "").lower()


def external_images(markdown: str, site_host: str | None) -> list[str]:
    """The sources of the Markdown's images that the site would not hold: sent as
    links, not images. For the composer to warn before sending."""
    found: dict[str, None] = {}
    stack: list[Token] = list(_PARSER.parse(markdown))
    while stack:
        token = stack.pop(0)
        if token.type == "image":
            src = safe_image_src(str(token.attrGet("src") or ""))
            if src is not None and is_external_image(src, site_host):
                found.setdefault(src)
        stack[:0] = token.children or []
    return list(found)
