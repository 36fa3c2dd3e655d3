"""A Tiptap document as Markdown, for reading and for editing in the composer."""

import re

from pleio_tui.richtext.document import (
    INLINE_NODE_TYPES,
    Node,
    attr_text,
    attrs,
    children,
    load_doc,
    node_text,
    node_type,
)
from pleio_tui.richtext.errors import RichTextError
from pleio_tui.richtext.links import safe_image_src, usable_link
from pleio_tui.richtext.markdown_escape import (
    escape_destination,
    escape_heading_end,
    escape_inline,
    escape_title,
)
from pleio_tui.richtext.markdown_inline import inline_to_markdown
from pleio_tui.richtext.terminal import terminal_safe_line

_LIST_TYPES = ("bulletList", "orderedList")
ITALIC = {"type": "italic"}
# Two lists of one kind in a row would merge into one unless their markers differ.
_BULLETS = ("-", "*")
_ORDERED_DELIMITERS = (".", ")")
_INTERRUPTING_ITEM = re.compile(r"^(?:[-*]|1[.)]) \S")
_VIDEO_URLS = {
    "youtube": "https://www.youtube.com/watch?v={guid}",
    "vimeo": "https://vimeo.com/{guid}",
}


def tiptap_to_markdown(doc_json: str | Node) -> str:
    """Markdown for a Tiptap doc; RichTextError when it is malformed JSON or not a doc."""
    doc = load_doc(doc_json)
    try:
        return "\n\n".join(_blocks(children(doc)))
    except RecursionError as error:
        raise RichTextError("rich text is nested too deeply") from error


def _blocks(nodes: list[Node]) -> list[str]:
    rendered: list[str] = []
    previous_list: tuple[str, int] | None = None
    loose_inline: list[Node] = []  # inline nodes straight in a block: one paragraph
    for node in nodes:
        kind = node_type(node)
        if kind in INLINE_NODE_TYPES:
            loose_inline.append(node)
            continue
        if loose_inline:
            rendered.extend(_paragraph(loose_inline))
            loose_inline = []
            previous_list = None
        if kind in _LIST_TYPES:
            variant = 0
            if previous_list is not None and previous_list[0] == kind:
                variant = 1 - previous_list[1]
            rendered.append(_list(node, variant))
            previous_list = (kind, variant)
        else:
            previous_list = None
            rendered.extend(text for text in _block(node) if text)
    rendered.extend(_paragraph(loose_inline))
    return rendered


def _block(node: Node) -> list[str]:
    kind = node_type(node)
    if kind == "paragraph":
        return _paragraph(children(node))
    if kind == "heading":
        return [_heading(node)]
    if kind == "blockquote":
        return [_quote("\n\n".join(_blocks(children(node))))]
    if kind == "image":
        return [_image(node)]
    if kind == "figure" and "src" in attrs(node):
        return [_figure(node)]
    if kind == "file":
        return [_file(node)]
    if kind == "video":
        return [_video(node)]
    if kind == "table":
        return [_table(node)]
    return _blocks(children(node))  # figure, listItem out of place, unknown nodes


def _paragraph(inline: list[Node]) -> list[str]:
    """Images stay inline where they stand, with the blank or break around them."""
    pieces: list[str] = []
    run: list[Node] = []
    for node in [*inline, None]:
        if node is not None and node_type(node) != "image":
            run.append(node)
            continue
        text = inline_to_markdown(run)
        if text:
            if pieces:
                pieces.append(_gap(run[0], at_start=True))
            pieces.append(text)
            if node is not None:
                pieces.append(_gap(run[-1], at_start=False))
        if node is not None:
            pieces.append(_image(node))
        run = []
    paragraph = "".join(pieces)
    return [paragraph] if paragraph else []


def _gap(node: Node, *, at_start: bool) -> str:
    """What stood between text and an image: a line break, a blank or nothing."""
    if node_type(node) == "hardBreak":
        return "\\\n"
    text = node_text(node)
    edge = text[:1] if at_start else text[-1:]
    return " " if edge.isspace() else ""


def _heading(node: Node) -> str:
    level = attrs(node).get("level")
    level = min(max(level, 1), 6) if isinstance(level, int) else 2
    text = escape_heading_end(inline_to_markdown(children(node), breaks=False))
    return "#" * level + (" " + text if text else "")


def _quote(inner: str) -> str:
    if not inner:
        return ">"
    return "\n".join(f"> {line}" if line else ">" for line in inner.split("\n"))


def _list(node: Node, variant: int) -> str:
    ordered = node_type(node) == "orderedList"
    start = attrs(node).get("order", attrs(node).get("start", 1))
    number = start if isinstance(start, int) and 0 <= start < 10**8 else 1
    items: list[str] = []
    for item in children(node):
        if ordered:
            marker = f"{number}{_ORDERED_DELIMITERS[variant]}"
            number += 1
        else:
            marker = _BULLETS[variant]
        items.append(_list_item(item, marker))
    return "\n".join(items) if items else ""


def _list_item(item: Node, marker: str) -> str:
    content = children(item) if node_type(item) == "listItem" else [item]
    blocks = _blocks(content)
    separator = "\n" if _tight_sublist(content, blocks) else "\n\n"
    inner = separator.join(blocks)
    if not inner:
        return marker
    indent = " " * (len(marker) + 1)
    first, *rest = inner.split("\n")
    lines = [f"{marker} {first}", *(indent + line if line else "" for line in rest)]
    return "\n".join(lines)


def _tight_sublist(content: list[Node], blocks: list[str]) -> bool:
    """A list right under the item's text reads better, and Markdown allows it when the
    list can interrupt a paragraph: a first item with text, numbered from 1."""
    kinds = [node_type(node) for node in content]
    if (
        len(blocks) != 2
        or kinds[:1] != ["paragraph"]
        or kinds[1:] not in (["bulletList"], ["orderedList"])
    ):
        return False
    first_line = blocks[1].split("\n", 1)[0]
    return bool(_INTERRUPTING_ITEM.match(first_line))


def _image(node: Node) -> str:
    src = safe_image_src(attr_text(node, "src"))
    alt = escape_inline(terminal_safe_line(attr_text(node, "alt")))
    if src is None:
        return alt
    title = terminal_safe_line(attr_text(node, "title"))
    title_part = f' "{escape_title(title)}"' if title else ""
    return f"![{alt}]({escape_destination(src)}{title_part})"


def _figure(node: Node) -> str:
    """Pleio's block image: the image on a line of its own, the caption in italics under it."""
    image = _image(node)
    caption = " ".join(terminal_safe_line(attr_text(node, "caption")).split())
    if not caption:
        return image
    return f"{image}\n" + inline_to_markdown([{"type": "text", "text": caption, "marks": [ITALIC]}])


def _file(node: Node) -> str:
    url = attr_text(node, "url")
    name = terminal_safe_line(attr_text(node, "name") or url.rsplit("/", 1)[-1]) or "bestand"
    size = attrs(node).get("size")
    size_text = f" ({_human_size(size)})" if isinstance(size, int) and size > 0 else ""
    target = usable_link(url)
    label = escape_inline(name)
    if target is None:
        return f"📎 {label}{size_text}"
    return f"📎 [{label}]({escape_destination(target)}){size_text}"


def _video(node: Node) -> str:
    guid = attr_text(node, "guid")
    platform = terminal_safe_line(attr_text(node, "platform")).lower()
    title = escape_inline(terminal_safe_line(attr_text(node, "title")) or "video")
    template = _VIDEO_URLS.get(platform)
    if template and guid:
        return f"▶ [{title}]({escape_destination(template.format(guid=guid))})"
    return f"▶ {title}" + (f" ({escape_inline(platform)})" if platform else "")


def _table(node: Node) -> str:
    rows = [[_cell(cell) for cell in children(row)] for row in children(node)]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = [_table_row(row + [""] * (width - len(row))) for row in rows]
    lines.insert(1, _table_row(["---"] * width))
    return "\n".join(lines)


def _cell(cell: Node) -> str:
    """A pipe table cell holds one line: its blocks run together, images leave their alt."""
    parts: list[Node] = []
    for block in children(cell):
        if parts:
            parts.append({"type": "text", "text": " "})
        parts.extend(_inline_within(block))
    return inline_to_markdown(parts, breaks=False)


def _inline_within(node: Node) -> list[Node]:
    if node_type(node) in INLINE_NODE_TYPES or node_type(node) == "image":
        return [node]
    found: list[Node] = []
    for child in children(node):
        found.extend(_inline_within(child))
    return found


def _table_row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "kB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} B"
