"""What a reader shows for a post or comment, whatever format its body was stored in."""

import json
import re

from pleio_tui.richtext.document import dump_doc
from pleio_tui.richtext.draftjs import draftjs_to_markdown, is_draftjs
from pleio_tui.richtext.markdown_writer import tiptap_to_markdown
from pleio_tui.richtext.terminal import terminal_safe

_HTML_TAG = re.compile(
    r"<(?:p|div|br|span|a|b|i|u|em|strong|ul|ol|li|h[1-6]|blockquote|img|table|tr|td|th|pre"
    r"|code|hr|font|center|iframe|script|style)\b[^>]*>|</[a-z][a-z0-9]*\s*>",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def body_to_markdown(rich_description: str | None, description: str | None) -> str:
    """Markdown for a body stored as Tiptap JSON, Draft.js JSON, HTML or plain text.

    Never raises on remote input, and the result is terminal-safe.
    """
    for source in (rich_description, description):
        if isinstance(source, str) and source.strip():
            markdown = terminal_safe(_source_to_markdown(source)).strip()
            if markdown:
                return markdown
    return ""


def _source_to_markdown(source: str) -> str:
    try:
        return _convert(source)
    except Exception:  # remote content may break any converter: show it as text instead
        try:
            return plain_text_to_markdown(source)
        except Exception:
            return source


def _convert(source: str) -> str:
    stripped = source.lstrip()
    if stripped.startswith("{"):
        try:
            value = json.loads(source)
        except (json.JSONDecodeError, RecursionError):
            value = None
        if isinstance(value, dict) and value.get("type") == "doc":
            return tiptap_to_markdown(value)
        if is_draftjs(value):
            return draftjs_to_markdown(value)
    if _HTML_TAG.search(source):
        # markdownify and BeautifulSoup cost 40 ms to import: only for legacy HTML.
        from pleio_tui.richtext.legacy_html import html_to_markdown

        return html_to_markdown(source)
    return plain_text_to_markdown(source)


def plain_text_to_markdown(text: str) -> str:
    """Plain text escaped so that Markdown shows it as it is: blank lines part paragraphs."""
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(text.replace("\r\n", "\n").strip()):
        if chunk.strip():
            paragraphs.append({"type": "paragraph", "content": [{"type": "text", "text": chunk}]})
    return tiptap_to_markdown(dump_doc({"type": "doc", "content": paragraphs}))
