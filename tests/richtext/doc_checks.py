import json
from typing import Any

from pleio_tui.richtext.document import KNOWN_MARK_TYPES, KNOWN_NODE_TYPES


def assert_well_formed(doc_json: str) -> dict[str, Any]:
    """The doc parsed, after checking every node is typed and known and no text is empty."""
    doc = json.loads(doc_json)
    assert doc["type"] == "doc"
    assert doc.get("content"), "a doc holds at least one block"
    stack = [doc]
    while stack:
        node = stack.pop()
        assert node.get("type") in KNOWN_NODE_TYPES, node
        if node["type"] == "text":
            assert isinstance(node.get("text"), str) and node["text"], node
            for mark in node.get("marks", []):
                assert mark.get("type") in KNOWN_MARK_TYPES, mark
        else:
            assert "text" not in node, node
        if node["type"] == "listItem":
            assert node["content"][0]["type"] == "paragraph", node
        if node["type"] in ("blockquote", "bulletList", "orderedList", "table", "tableRow"):
            assert node.get("content"), node
        stack.extend(node.get("content", []))
    return doc
