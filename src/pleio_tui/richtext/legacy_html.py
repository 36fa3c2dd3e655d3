"""Elgg-era HTML (Pleio's older `description`) to Markdown via markdownify."""

import re

from bs4 import BeautifulSoup, NavigableString
from markdownify import MarkdownConverter

from pleio_tui.richtext.links import safe_image_src, usable_link
from pleio_tui.richtext.terminal import terminal_safe

# Elements whose content is code or a foreign document, never text for the reader.
_DROPPED_ELEMENTS = (
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "noscript",
    "template",
    "head",
    "svg",
    "math",
    "form",
)
_BLANK_LINES = re.compile(r"\n{3,}")
_CONVERTER = MarkdownConverter(heading_style="ATX", bullets="*", escape_misc=True)


def html_to_markdown(html: str) -> str:
    """Markdown for legacy HTML: scripts and embeds dropped, unsafe links reduced to their text."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(_DROPPED_ELEMENTS):
        element.decompose()
    for anchor in soup.find_all("a"):
        href = anchor.get("href")
        if not isinstance(href, str) or usable_link(href) is None:
            anchor.unwrap()
    for image in soup.find_all("img"):
        src = image.get("src")
        if not isinstance(src, str) or safe_image_src(src) is None:
            alt = image.get("alt")
            image.replace_with(alt if isinstance(alt, str) else "")
    # Cleaned before conversion: a control character must not hide a `#` from escaping.
    for string in soup.find_all(string=True):
        if isinstance(string, NavigableString):
            string.replace_with(terminal_safe(str(string)))
    markdown = _CONVERTER.convert_soup(soup)
    return _BLANK_LINES.sub("\n\n", markdown).strip()
