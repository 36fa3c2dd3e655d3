"""Loading Tiptap documents and the facts about their nodes that every converter shares."""

import json
from typing import Any

from pleio_tui.richtext.errors import RichTextError

Node = dict[str, Any]

BLOCK_NODE_TYPES = frozenset(
    {
        "doc",
        "paragraph",
        "heading",
        "blockquote",
        "bulletList",
        "orderedList",
        "listItem",
        "image",
        "figure",
        "file",
        "video",
        "table",
        "tableRow",
        "tableHeader",
        "tableCell",
    }
)
INLINE_NODE_TYPES = frozenset({"text", "hardBreak", "mention"})
KNOWN_NODE_TYPES = BLOCK_NODE_TYPES | INLINE_NODE_TYPES
KNOWN_MARK_TYPES = frozenset({"bold", "italic", "underline", "link"})


def load_doc(doc_json: str | Node) -> Node:
    """The Tiptap doc as a dict; RichTextError when it is not JSON or not a doc."""
    if isinstance(doc_json, str):
        try:
            doc = json.loads(doc_json)
        except (json.JSONDecodeError, RecursionError) as error:
            raise RichTextError(f"rich text is not valid JSON: {error}") from error
    else:
        doc = doc_json
    if not isinstance(doc, dict) or doc.get("type") != "doc":
        raise RichTextError("rich text is not a Tiptap document")
    return doc


def children(node: Node) -> list[Node]:
    """The node's child nodes, skipping anything that is not a node."""
    content = node.get("content")
    if not isinstance(content, list):
        return []
    return [child for child in content if isinstance(child, dict)]


def attrs(node: Node) -> dict[str, Any]:
    value = node.get("attrs")
    return value if isinstance(value, dict) else {}


def attr_text(node: Node, name: str) -> str:
    """A string attribute, or "" when it is missing or not text."""
    value = attrs(node).get(name)
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def node_type(node: Node) -> str:
    value = node.get("type")
    return value if isinstance(value, str) else ""


def node_text(node: Node) -> str:
    value = node.get("text")
    return value if isinstance(value, str) else ""


def marks(node: Node) -> list[Node]:
    value = node.get("marks")
    if not isinstance(value, list):
        return []
    return [mark for mark in value if isinstance(mark, dict)]


def dump_doc(doc: Node) -> str:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
