"""Markdown (CommonMark with GFM tables) to a well-formed Tiptap document, of the
node types Pleio's SecureRichText accepts (backend2's core/utils tiptap schema).

Images are inline, as Pleio declares them: they stay in their paragraph. An image
alone in a top-level paragraph is a `figure` (Pleio's block image), its caption
the line of italic text right under it. An image from another host becomes a link
to it: Pleio refuses images it does not hold itself."""

from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from pleio_tui.richtext.document import Node, dump_doc
from pleio_tui.richtext.images import ANY_HOST, is_external_image
from pleio_tui.richtext.links import is_relative_link, safe_image_src, usable_link

MAX_NESTING = 200
"""markdown-it drops what is nested deeper than its limit (20 in CommonMark mode):
a quote 25 deep would be sent without its text. Deeper than this, Python's stack
runs out in the conversion first."""

# Raw HTML stays text: the user's Markdown must not smuggle markup into the post.
_PARSER = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING}).enable("table")
_MARK_ORDER = {"link": 0, "bold": 1, "italic": 2}


def markdown_to_tiptap(markdown: str, site_host: str | None = None) -> str:
    """A Tiptap doc JSON string for the Markdown: every node typed, no empty text nodes.

    `site_host` is the site's host[:port]: images elsewhere become links. Without
    it, every image with a host of its own does."""
    return dump_doc(markdown_to_doc(markdown, site_host))


def markdown_to_doc(markdown: str, site_host: str | None = None) -> Node:
    tree = SyntaxTreeNode(_PARSER.parse(markdown))
    content: list[Node] = []
    for node in tree.children:
        if node.type == "paragraph":
            content.extend(_top_level_paragraph(node, site_host))
        else:
            content.extend(_block(node, site_host))
    return {"type": "doc", "content": content or [_paragraph([])]}


def inline_markdown_to_nodes(markdown: str, site_host: str | None = ANY_HOST) -> list[Node]:
    """Inline Tiptap nodes for one line of inline Markdown (every image an image node,
    unless a `site_host` is given)."""
    items: list[Node] = []
    for token in _PARSER.parseInline(markdown):
        _inline(SyntaxTreeNode(token.children or []).children, [], items, site_host)
    return _merge_texts(items)


def _blocks(nodes: list[SyntaxTreeNode], site_host: str | None) -> list[Node]:
    blocks: list[Node] = []
    for node in nodes:
        blocks.extend(_block(node, site_host))
    return blocks


def _block(node: SyntaxTreeNode, site_host: str | None) -> list[Node]:
    kind = node.type
    if kind == "paragraph":
        return _paragraphs(node, site_host)
    if kind == "heading":
        level = int(node.tag[1:]) if node.tag[1:].isdigit() else 1
        items = _text_only(_inline_items(node, site_host))
        return [_typed("heading", items, {"level": level})]
    if kind == "blockquote":
        return [_typed("blockquote", _blocks(node.children, site_host) or [_paragraph([])])]
    if kind in ("bullet_list", "ordered_list"):
        items = [_list_item(item, site_host) for item in node.children]
        if kind == "bullet_list":
            return [_typed("bulletList", items)]
        start = node.attrs.get("start", 1)
        return [_typed("orderedList", items, {"order": start if isinstance(start, int) else 1})]
    if kind in ("fence", "code_block"):
        return _code(node.content)
    if kind == "table":
        return [_table(node, site_host)]
    if kind in ("hr", "html_block"):
        return []
    return _blocks(node.children, site_host)


def _typed(kind: str, content: list[Node], attrs: dict[str, Any] | None = None) -> Node:
    node: Node = {"type": kind}
    if attrs is not None:
        node["attrs"] = attrs
    if content:
        node["content"] = content
    return node


def _paragraph(inline: list[Node]) -> Node:
    return _typed("paragraph", inline)


def _list_item(node: SyntaxTreeNode, site_host: str | None) -> Node:
    content = _blocks(node.children, site_host)
    # Tiptap's listItem must open with a paragraph.
    if not content or content[0]["type"] != "paragraph":
        content.insert(0, _paragraph([]))
    return _typed("listItem", content)


def _code(code: str) -> list[Node]:
    """Tiptap here has no code node: the code's lines become one paragraph."""
    inline: list[Node] = []
    for number, line in enumerate(code.rstrip("\n").split("\n")):
        if number:
            inline.append({"type": "hardBreak"})
        if line:
            inline.append({"type": "text", "text": line})
    inline = _trim(inline)
    return [_paragraph(inline)] if inline else []


def _table(node: SyntaxTreeNode, site_host: str | None) -> Node:
    rows: list[Node] = []
    for section in node.children:
        for row in section.children:
            cells = []
            for cell in row.children:
                kind = "tableHeader" if cell.type == "th" else "tableCell"
                cells.append(_typed(kind, _paragraphs(cell, site_host) or [_paragraph([])]))
            rows.append(_typed("tableRow", cells))
    return _typed("table", rows)


def _inline_items(node: SyntaxTreeNode, site_host: str | None) -> list[Node]:
    items: list[Node] = []
    for child in node.children:
        if child.type == "inline":
            _inline(child.children, [], items, site_host)
    return _merge_texts(items)


def _paragraphs(node: SyntaxTreeNode, site_host: str | None) -> list[Node]:
    """A paragraph with its images inline; nothing for a blank one."""
    trimmed = _trim(_inline_items(node, site_host))
    return [_paragraph(trimmed)] if trimmed else []


def _top_level_paragraph(node: SyntaxTreeNode, site_host: str | None) -> list[Node]:
    """A figure for an image alone (with an italic caption line under it), or a paragraph."""
    items = _trim(_inline_items(node, site_host))
    if not items or items[0]["type"] != "image":
        return [_paragraph(items)] if items else []
    caption = items[2:] if len(items) > 2 and items[1]["type"] == "hardBreak" else []
    if len(items) != 1 and not (caption and all(_is_italic_text(item) for item in caption)):
        return [_paragraph(items)]
    figure_attrs = dict(items[0]["attrs"])
    if caption:
        figure_attrs["caption"] = " ".join("".join(item["text"] for item in caption).split())
    return [{"type": "figure", "attrs": figure_attrs}]


def _is_italic_text(item: Node) -> bool:
    return item["type"] == "text" and item.get("marks") == [{"type": "italic"}]


def _text_only(items: list[Node]) -> list[Node]:
    """Inline content where an image cannot go: its alt text stands in."""
    inline: list[Node] = []
    for item in items:
        if item["type"] == "image":
            alt = item["attrs"]["alt"]
            if alt:
                inline.append({"type": "text", "text": alt})
        else:
            inline.append(item)
    return _trim(_merge_texts(inline))


def _inline(
    nodes: list[SyntaxTreeNode], marks: list[Node], out: list[Node], site_host: str | None
) -> None:
    for node in nodes:
        kind = node.type
        if kind in ("text", "code_inline", "html_inline"):
            _append_text(out, node.content, marks)
        elif kind in ("softbreak", "hardbreak"):
            # A newline typed in the composer is meant as a line break.
            out.append({"type": "hardBreak"})
        elif kind in ("strong", "em"):
            mark = "bold" if kind == "strong" else "italic"
            _inline(node.children, _with_mark(marks, mark), out, site_host)
        elif kind == "link":
            _inline(node.children, _with_link(marks, node), out, site_host)
        elif kind == "image":
            _image(node, marks, out, site_host)
        else:
            _inline(node.children, marks, out, site_host)


def _with_mark(marks: list[Node], kind: str) -> list[Node]:
    """`***a***` nests emphasis in emphasis: a Tiptap mark is there or not."""
    if any(mark["type"] == kind for mark in marks):
        return marks
    return [*marks, {"type": kind}]


def _with_link(marks: list[Node], node: SyntaxTreeNode) -> list[Node]:
    href = _link_target(str(node.attrs.get("href", "")))
    if href is None or any(mark["type"] == "link" for mark in marks):
        return marks
    link_attrs: dict[str, Any] = {"href": href}
    title = node.attrs.get("title")
    if isinstance(title, str) and title:
        link_attrs["title"] = title
    return [*marks, {"type": "link", "attrs": link_attrs}]


def _link_target(raw: str) -> str | None:
    """http(s) and mailto links, and paths on the same site (Pleio links its own
    pages as `/blog/view/...`); readers resolve the latter against the site."""
    href = usable_link(raw)
    if href is None or (is_relative_link(raw) and not href.startswith("/")):
        return None
    return href


def _image(node: SyntaxTreeNode, marks: list[Node], out: list[Node], site_host: str | None) -> None:
    alt = _plain(node.children)
    src = safe_image_src(str(node.attrs.get("src", "")))
    if src is None:
        _append_text(out, alt, marks)
        return
    if is_external_image(src, site_host):
        if any(mark["type"] == "link" for mark in marks):
            _append_text(out, alt or src, marks)
        else:
            _append_text(out, alt or src, [*marks, {"type": "link", "attrs": {"href": src}}])
        return
    title = node.attrs.get("title")
    image_attrs = {"src": src, "alt": alt, "title": title if isinstance(title, str) else ""}
    out.append({"type": "image", "attrs": image_attrs})


def _plain(nodes: list[SyntaxTreeNode]) -> str:
    parts: list[str] = []
    for node in nodes:
        if node.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif node.children:
            parts.append(_plain(node.children))
        else:
            parts.append(node.content)
    return "".join(parts)


def _append_text(out: list[Node], text: str, marks: list[Node]) -> None:
    if not text:
        return
    node: Node = {"type": "text", "text": text}
    if marks:
        node["marks"] = sorted(marks, key=lambda mark: _MARK_ORDER[mark["type"]])
    out.append(node)


def _merge_texts(items: list[Node]) -> list[Node]:
    merged: list[Node] = []
    for item in items:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and item["type"] == "text"
            and previous["type"] == "text"
            and previous.get("marks") == item.get("marks")
        ):
            merged[-1] = {**previous, "text": previous["text"] + item["text"]}
        else:
            merged.append(item)
    return merged


def _trim(inline: list[Node]) -> list[Node]:
    """No line breaks or blanks at either end of a paragraph: Markdown cannot keep them."""
    items = list(inline)
    while items and (items[0]["type"] == "hardBreak" or _blank_text(items[0])):
        items.pop(0)
    while items and (items[-1]["type"] == "hardBreak" or _blank_text(items[-1])):
        items.pop()
    if items and items[0]["type"] == "text":
        items[0] = {**items[0], "text": items[0]["text"].lstrip(" \t")}
    if items and items[-1]["type"] == "text":
        items[-1] = {**items[-1], "text": items[-1]["text"].rstrip(" \t")}
    return items


def _blank_text(item: Node) -> bool:
    return item["type"] == "text" and not item["text"].strip(" \t")
