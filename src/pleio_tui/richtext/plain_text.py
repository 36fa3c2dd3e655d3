"""A Tiptap document as plain text, the way Pleio derives `description` from it."""

from pleio_tui.richtext.document import (
    Node,
    attr_text,
    children,
    load_doc,
    node_text,
    node_type,
)
from pleio_tui.richtext.errors import RichTextError

_LINE_SEPARATED = frozenset({"bulletList", "orderedList", "listItem", "table", "figure"})


def tiptap_to_plain_text(doc_json: str | Node) -> str:
    """Blocks apart by a blank line; list items, table rows and line breaks on lines of their own.

    Raises RichTextError for malformed JSON or a non-doc.
    """
    doc = load_doc(doc_json)
    plain = _paragraphs_text(doc)
    if plain is not None:
        return plain
    try:
        return _block_text(doc, depth=0).strip()
    except RecursionError as error:
        raise RichTextError("rich text is nested too deeply") from error


def _block_text(node: Node, depth: int) -> str:
    kind = node_type(node)
    if kind == "text":
        return node_text(node)
    if kind == "hardBreak":
        return "\n"
    if kind == "mention":
        label = attr_text(node, "label")
        return f"@{label}" if label else ""
    if kind == "image":
        return attr_text(node, "alt")
    if kind == "figure" and not children(node):
        return attr_text(node, "caption") or attr_text(node, "alt")
    if kind == "file":
        return attr_text(node, "name") or attr_text(node, "url")
    if kind == "video":
        return attr_text(node, "title")
    if kind == "tableRow":
        cells = [_block_text(cell, depth + 1).replace("\n", " ") for cell in children(node)]
        return " | ".join(cell for cell in cells if cell)
    kids = children(node)
    if not kids:
        return ""
    inline = _inline_text(kids, depth)
    if inline is not None:
        return inline
    separator = "\n" if kind in _LINE_SEPARATED or depth > 1 else "\n\n"
    parts = (_block_text(kid, depth + 1).strip("\n") for kid in kids)
    return separator.join(part for part in parts if part)


def _inline_text(kids: list[Node], depth: int) -> str | None:
    """The text of a block that holds inline nodes only (most paragraphs), in one
    pass; None when it holds a block."""
    parts: list[str] = []
    for kid in kids:
        kind = kid.get("type")
        if kind == "text":
            text = kid.get("text")
            parts.append(text if isinstance(text, str) else "")
        elif kind == "hardBreak":
            parts.append("\n")
        elif kind == "mention":
            parts.append(_block_text(kid, depth + 1))
        else:
            return None
    return "".join(parts)


def _paragraphs_text(doc: Node) -> str | None:
    """What `_block_text` gives a doc of paragraphs of inline nodes (most posts and
    comments), without its calls per block; None for any other doc."""
    paragraphs: list[str] = []
    for block in children(doc):
        if block.get("type") != "paragraph":
            return None
        inline = _inline_text(children(block), 1)
        if inline is None:
            return None
        paragraph = inline.strip("\n")
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs).strip()
