"""Pleio's SecureRichText: the rich text a site accepts, checked as it arrives.

Pleio parses the value as Tiptap JSON (text that is not JSON passes as it is) and
refuses a top-level `image` whose `src`, or `file` whose `url`, names another host
than the site's own. Nested images (inline in a paragraph) and other node types
are not looked at."""

from __future__ import annotations

import json
from contextvars import ContextVar
from typing import Any
from urllib.parse import urlsplit

SITE_HOST: ContextVar[str] = ContextVar("site_host", default="")
"""The host (and port) the current request reached the site on."""

_ATTACHMENT_URL_ATTRS = {"image": "src", "file": "url"}


def check_secure_rich_text(value: Any) -> Any:
    """The value unchanged, or ValueError with Pleio's message for an external
    image or file at the top of the document."""
    if not value:
        return value
    if not isinstance(value, str):
        raise ValueError("SecureRichText must be a string of Tiptap JSON")
    try:
        doc = json.loads(value)
    except ValueError:
        return value  # Pleio reads undecodable text as an empty document
    _check_top_level(doc, SITE_HOST.get())
    return value


def external_attachment(doc: Any, site_host: str) -> str | None:
    """The first top-level image or file url on another host, or None."""
    content = doc.get("content", []) if isinstance(doc, dict) else []
    for node in content if isinstance(content, list) else []:
        if not isinstance(node, dict):
            continue
        attr = _ATTACHMENT_URL_ATTRS.get(node.get("type"))  # type: ignore[arg-type]
        if attr is None:
            continue
        attrs = node.get("attrs")
        url = attrs.get(attr, "") if isinstance(attrs, dict) else ""
        if not isinstance(url, str):
            continue
        try:
            host = urlsplit(url).netloc
        except ValueError:
            return url
        if host and host != site_host:
            return url
    return None


def _check_top_level(doc: Any, site_host: str) -> None:
    if not isinstance(doc, dict):
        # Pleio fails here the same way, on reading the document's content.
        raise ValueError(f"'{type(doc).__name__}' object has no attribute 'get'")
    url = external_attachment(doc, site_host)
    if url is not None:
        # Pleio's message is the text of a Django ValidationError: a list of one.
        raise ValueError(f"['Invalid external file or image URL: {url}']")
