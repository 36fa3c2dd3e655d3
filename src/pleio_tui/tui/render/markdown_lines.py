"""Markdown to wrapped Rich `Text` lines.

A small renderer over markdown-it-py's syntax tree instead of Rich's `Markdown`:
it is faster, numbers links as `[1]` (their targets are listed under the post),
keeps only http(s)/mailto links, makes those terminal hyperlinks (OSC 8), and
never lets remote text be read as markup (every piece becomes a `Text` span).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from pleio_tui.richtext import absolute_url, safe_link, terminal_safe
from pleio_tui.tui.render.link_marks import LINK_NUMBER, fit_url, link_number

LINK_META_KEY = "pleio_link"
"""Style meta key marking the spans of link number N, so lines can be mapped to links."""

MIN_WIDTH = 12
INDENT_CAP_CELLS = 16
"""Nested lists and quotes indent at most this far (and at most a third of the
width); deeper levels keep their markers but no further indentation, so their
text always has room."""
MAX_NESTING = 400
"""markdown-it drops everything nested deeper than its limit (20 in CommonMark
mode): the limit is raised, and a document too deep even for this is shown as
its plain source, never as nothing."""

# Block structure is parsed for a whole document at once (cheap); inline content, the
# costly part, is parsed per top-level block when that block is first rendered.
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable(
    ["table", "strikethrough"]
)
_PARSER.disable("inline")

# Used only to measure and wrap text; its size never matters.
CONSOLE = Console(
    width=200,
    color_system="truecolor",
    force_terminal=True,
    legacy_windows=False,
    markup=False,
    emoji=False,
    highlight=False,
)

BOLD = Style(bold=True)
ITALIC = Style(italic=True)
STRIKE = Style(strike=True)
DIM = Style(dim=True)
CODE = Style(color="bright_cyan")
LINK = Style(color="bright_blue", underline=True)
URL = Style(color="blue", dim=True)
HEADINGS = {
    1: Style(bold=True, underline=True),
    2: Style(bold=True),
    3: Style(bold=True, italic=True),
}
HEADING_MINOR = Style(italic=True, underline=True)
BULLETS = ("• ", "◦ ", "▪ ")
QUOTE_PREFIX = Text("▌ ", DIM)


@dataclass(frozen=True, slots=True)
class LinkTarget:
    url: str
    label: str


@dataclass(slots=True)
class MarkdownLines:
    lines: list[Text]
    links: list[LinkTarget] = field(default_factory=list)


class MarkdownDocument:
    """Markdown split into top-level blocks that render one at a time."""

    def __init__(self, markdown: str) -> None:
        self._env: dict[str, object] = {}
        self._inline_parsed: set[int] = set()
        self.source = terminal_safe(markdown)
        tokens = _PARSER.parse(self.source, self._env)
        # At the nesting limit markdown-it stops and drops the rest: show the source.
        self.too_deep = any(token.level >= MAX_NESTING - 2 for token in tokens)
        self.blocks = [[]] if self.too_deep else split_top_level(tokens)

    def block_tree(self, index: int) -> SyntaxTreeNode:
        tokens = self.blocks[index]
        if index not in self._inline_parsed:
            self._inline_parsed.add(index)
            for token in tokens:
                if token.type == "inline":
                    token.children = []
                    _PARSER.inline.parse(token.content, _PARSER, self._env, token.children)
        return SyntaxTreeNode(tokens).children[0]


def split_top_level(tokens: list[Token]) -> list[list[Token]]:
    blocks: list[list[Token]] = []
    depth = 0
    for token in tokens:
        if depth == 0:
            blocks.append([])
        blocks[-1].append(token)
        depth += token.nesting
    return blocks


class MarkdownRenderer:
    """Renders blocks of documents to lines, numbering their links in one list."""

    def __init__(self, *, site_url: str, image_label: str = "image") -> None:
        self._blocks = _BlockRenderer(site_url, image_label, [])

    @property
    def links(self) -> list[LinkTarget]:
        return self._blocks.links

    def add_link(self, target: str, label: str = "") -> int:
        """Number one more link (one `render` did not find in Markdown); its index."""
        return self._blocks.add_link(target, label)

    def link_style(self, style: Style, index: int, target: str) -> Style:
        return self._blocks.link_style(style, index, target)

    def block(self, document: MarkdownDocument, index: int, width: int) -> list[Text]:
        if document.too_deep:
            return plain_lines(document.source, width)
        try:
            return self._blocks.top_block(document.block_tree(index), width)
        except RecursionError:
            # Nested deeper than Python's stack: every word still shows, as typed.
            source = "\n".join(token.content for token in document.blocks[index] if token.content)
            return plain_lines(source, width)

    def document(self, document: MarkdownDocument, width: int) -> list[Text]:
        lines: list[Text] = []
        for index in range(len(document.blocks)):
            block = self.block(document, index, width)
            if lines and block:
                lines.append(Text())
            lines.extend(block)
        return lines


def render_markdown(
    markdown: str, width: int, *, site_url: str, image_label: str = "image"
) -> MarkdownLines:
    """Render `markdown` to lines at most `width` cells wide (wider only where nesting
    leaves less than MIN_WIDTH)."""
    renderer = MarkdownRenderer(site_url=site_url, image_label=image_label)
    lines = renderer.document(MarkdownDocument(markdown), width)
    return MarkdownLines(lines, renderer.links)


def prefixed(prefix: Text, line: Text) -> Text:
    result = prefix.copy()
    result.append_text(line)
    return result


def plain_lines(source: str, width: int) -> list[Text]:
    lines: list[Text] = []
    for source_line in source.split("\n"):
        lines.extend(wrap(Text(source_line), width))
    return lines


def wrap(text: Text, width: int) -> list[Text]:
    return list(text.wrap(CONSOLE, max(width, MIN_WIDTH), overflow="fold"))


class _BlockRenderer:
    def __init__(self, site_url: str, image_label: str, links: list[LinkTarget]) -> None:
        self.site_url = site_url
        self.image_label = image_label
        self.links = links
        self._full_width = 0
        self._width = 0
        """The width of the block whose inline content is being rendered."""

    def top_block(self, node: SyntaxTreeNode, width: int) -> list[Text]:
        self._full_width = width
        return self.block(node, width)

    def can_indent(self, width: int, cells: int) -> bool:
        """Whether nesting may take `cells` more columns: the indentation so far
        is what the width lost since the top-level block."""
        cap = min(INDENT_CAP_CELLS, self._full_width // 3)
        return (self._full_width - width) + cells <= cap

    # --- blocks ---

    def blocks(self, nodes: list[SyntaxTreeNode], width: int, *, tight: bool = False) -> list[Text]:
        lines: list[Text] = []
        for node in nodes:
            block = self.block(node, width)
            if lines and block and not tight:
                lines.append(Text())
            lines.extend(block)
        return lines

    def block(self, node: SyntaxTreeNode, width: int) -> list[Text]:
        kind = node.type
        self._width = width
        if kind == "paragraph":
            return wrap(self.inline_of(node), width)
        if kind == "heading":
            level = int(node.tag[1:]) if node.tag[1:].isdigit() else 3
            text = self.inline_of(node)
            text.stylize_before(HEADINGS.get(level, HEADING_MINOR))
            return wrap(text, width)
        if kind in ("bullet_list", "ordered_list"):
            return self.list_block(node, width, depth=0)
        if kind == "blockquote":
            if not self.can_indent(width, len(QUOTE_PREFIX)):
                return self.blocks(node.children, width)
            return [prefixed(QUOTE_PREFIX, line) for line in self.blocks(node.children, width - 2)]
        if kind in ("fence", "code_block"):
            return self.code_block(node.content, width)
        if kind == "hr":
            return [Text("─" * max(width, 1), DIM)]
        if kind == "table":
            return self.table(node, width)
        if node.children:
            return self.blocks(node.children, width)
        return wrap(Text(node.content), width)

    def list_block(self, node: SyntaxTreeNode, width: int, depth: int) -> list[Text]:
        items = node.children
        tight = any(
            child.type == "paragraph" and child.hidden for item in items for child in item.children
        )
        if node.type == "ordered_list":
            start = int(node.attrs.get("start", 1))
            markers = [f"{start + offset}. " for offset in range(len(items))]
            marker_width = max(len(marker) for marker in markers) if markers else 3
            markers = [marker.rjust(marker_width) for marker in markers]
        else:
            bullet = BULLETS[depth % len(BULLETS)]
            markers = [bullet] * len(items)
            marker_width = len(bullet)
        # Past the indentation cap an item's marker still leads its first line, but
        # what follows in the item is not indented further.
        indents = self.can_indent(width, marker_width)
        indent = Text(" " * marker_width if indents else "")
        lines: list[Text] = []
        for marker, item in zip(markers, items, strict=True):
            inner_width = width - marker_width if indents else width
            inner = self.item_blocks(
                item, inner_width, depth, tight=tight, first_width=width - marker_width
            )
            if lines and not tight:
                lines.append(Text())
            first, *rest = inner or [Text()]
            lines.append(prefixed(Text(marker, DIM), first))
            lines.extend(prefixed(indent, line) for line in rest)
        return lines

    def item_blocks(
        self, item: SyntaxTreeNode, width: int, depth: int, *, tight: bool, first_width: int
    ) -> list[Text]:
        """The item's blocks at `width`; the first at `first_width`, beside its marker."""
        lines: list[Text] = []
        for number, child in enumerate(item.children):
            child_width = first_width if number == 0 else width
            if child.type in ("bullet_list", "ordered_list"):
                block = self.list_block(child, child_width, depth + 1)
            else:
                block = self.block(child, child_width)
            if lines and block and not tight:
                lines.append(Text())
            lines.extend(block)
        return lines

    def code_block(self, content: str, width: int) -> list[Text]:
        lines: list[Text] = []
        for source_line in content.rstrip("\n").split("\n"):
            lines.extend(wrap(Text(source_line.expandtabs(4), CODE), width))
        return lines

    def table(self, node: SyntaxTreeNode, width: int) -> list[Text]:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        header_done = False
        for section in node.children:
            for row in section.children:
                cells = [self.inline_of(cell) for cell in row.children]
                if section.type == "thead" and not header_done:
                    for cell in cells:
                        table.add_column(cell, header_style=BOLD, overflow="fold")
                    header_done = True
                else:
                    table.add_row(*cells)
        options = CONSOLE.options.update_width(max(width, MIN_WIDTH))
        rendered = CONSOLE.render_lines(table, options, pad=False, new_lines=False)
        lines = []
        for segments in rendered:
            line = Text.assemble(*((segment.text, segment.style) for segment in segments))
            line.rstrip()
            lines.append(line)
        return lines

    # --- inline ---

    def inline_of(self, node: SyntaxTreeNode) -> Text:
        """The inline content of a paragraph, heading or table cell."""
        text = Text()
        for child in node.children:
            if child.type == "inline":
                self.inline(child.children, text, Style())
        return text

    def inline(self, nodes: list[SyntaxTreeNode], out: Text, style: Style) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                out.append(node.content, style)
            elif kind == "softbreak":
                out.append(" ", style)
            elif kind == "hardbreak":
                out.append("\n")
            elif kind == "code_inline":
                out.append(node.content, style + CODE)
            elif kind == "strong":
                self.inline(node.children, out, style + BOLD)
            elif kind == "em":
                self.inline(node.children, out, style + ITALIC)
            elif kind == "s":
                self.inline(node.children, out, style + STRIKE)
            elif kind == "link":
                self.link(node, out, style)
            elif kind == "image":
                self.image(node, out, style)
            elif node.children:
                self.inline(node.children, out, style)
            else:
                out.append(node.content, style)

    def link(self, node: SyntaxTreeNode, out: Text, style: Style) -> None:
        target = self.target_of(str(node.attrs.get("href", "")))
        if target is None:
            self.inline(node.children, out, style)
            return
        index = self.add_link(target)
        link_style = self.link_style(style, index, target)
        label = Text()
        self.inline(node.children, label, link_style)
        plain = label.plain.strip()
        self.links[index] = LinkTarget(target, plain or target)
        if not plain or plain in (target, target.removeprefix("mailto:")):
            # A bare address: shown whole where it fits, never split across lines.
            shown = target.removeprefix("mailto:") if plain else target
            out.append(fit_url(shown, self._width - len(link_number(index))), link_style)
        else:
            out.append_text(label)
        # Glued to the label's last word, as newsboat does: never alone on a line.
        out.append(link_number(index), style + LINK_NUMBER)

    def image(self, node: SyntaxTreeNode, out: Text, style: Style) -> None:
        alt = node.content.strip()
        caption = f"[{self.image_label}: {alt}]" if alt else f"[{self.image_label}]"
        target = self.target_of(str(node.attrs.get("src", "")))
        if target is None:
            out.append(caption, style + DIM)
            return
        index = self.add_link(target, caption)
        out.append(caption, self.link_style(style, index, target))
        out.append(link_number(index), style + LINK_NUMBER)

    def add_link(self, target: str, label: str = "") -> int:
        self.links.append(LinkTarget(target, label or target))
        return len(self.links) - 1

    def link_style(self, style: Style, index: int, target: str) -> Style:
        """A terminal hyperlink (OSC 8) to `target`, marked as link `index`; only
        targets `safe_link` let through (no control characters, no other schemes)."""
        return style + LINK + Style(link=target, meta={LINK_META_KEY: index})

    def target_of(self, href: str) -> str | None:
        url = absolute_url(self.site_url, href) if href else None
        return safe_link(url) if url else None
