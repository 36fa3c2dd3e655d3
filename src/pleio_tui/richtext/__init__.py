"""Rich text: Tiptap, Draft.js and legacy HTML to Markdown and back, and terminal-safe text.

Escaping Textual or Rich markup is the UI's job; this package deals with formats,
link schemes and control characters.
"""

from pleio_tui.lazy import lazy_exports
from pleio_tui.richtext.errors import RichTextError
from pleio_tui.richtext.links import absolute_url, safe_link
from pleio_tui.richtext.terminal import terminal_safe, terminal_safe_line

# Imported on first use, to keep start-up short: the format converters need
# markdown-it (15 ms), legacy HTML markdownify and BeautifulSoup (40 ms). Lists
# and panes need only the terminal-safe text above.
_LAZY = {
    "body_to_markdown": "pleio_tui.richtext.body",
    "draftjs_to_markdown": "pleio_tui.richtext.draftjs",
    "external_images": "pleio_tui.richtext.images",
    "html_to_markdown": "pleio_tui.richtext.legacy_html",
    "is_blank_markdown": "pleio_tui.richtext.blank",
    "markdown_to_tiptap": "pleio_tui.richtext.markdown_reader",
    "tiptap_to_markdown": "pleio_tui.richtext.markdown_writer",
    "tiptap_to_plain_text": "pleio_tui.richtext.plain_text",
}
__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "RichTextError",
    "absolute_url",
    "body_to_markdown",
    "draftjs_to_markdown",
    "external_images",
    "html_to_markdown",
    "is_blank_markdown",
    "markdown_to_tiptap",
    "safe_link",
    "terminal_safe",
    "terminal_safe_line",
    "tiptap_to_markdown",
    "tiptap_to_plain_text",
]
