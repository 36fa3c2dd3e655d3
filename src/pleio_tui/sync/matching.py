"""Whether text on the site is the text the user wrote."""

from __future__ import annotations

from urllib.parse import urlsplit

from pleio_tui.richtext import markdown_to_tiptap, tiptap_to_plain_text


def site_tiptap(markdown: str, site_url: str) -> str:
    """The Tiptap sent to the site for the user's Markdown: images on the site
    itself stay images, images from elsewhere become links (Pleio refuses them)."""
    return markdown_to_tiptap(markdown, urlsplit(site_url).netloc or None)


def _words(text: str) -> str:
    return " ".join(text.split())


def same_body(markdown: str, rich_description: str | None, description: str, site_url: str) -> bool:
    """The site keeps the Tiptap we sent as it is, and derives its plain text
    from it; either one matching ours is the same body."""
    tiptap = site_tiptap(markdown, site_url)
    if rich_description == tiptap:
        return True
    return _words(description) == _words(tiptap_to_plain_text(tiptap))


def same_title(title: str, wanted: str) -> bool:
    return _words(title) == _words(wanted)
