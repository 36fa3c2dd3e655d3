"""A post body as Markdown a piece at a time, so the first screen need not wait for
the conversion of a long body as a whole."""

from __future__ import annotations

import json
from collections.abc import Iterator

from pleio_tui.richtext import body_to_markdown

WHOLE_BELOW_CHARS = 16_384
"""Bodies shorter than this convert in one go: splitting would gain nothing."""

NODES_PER_CHUNK = 12


def markdown_chunks(rich_description: str | None, description: str | None) -> Iterator[str]:
    """The body's Markdown in order: a long Tiptap document by groups of top-level
    nodes (each converts on its own), anything else whole."""
    nodes = _top_level_nodes(rich_description)
    if nodes is None:
        yield body_to_markdown(rich_description, description)
        return
    for start in range(0, len(nodes), NODES_PER_CHUNK):
        part = {"type": "doc", "content": nodes[start : start + NODES_PER_CHUNK]}
        yield body_to_markdown(json.dumps(part), None)


def _top_level_nodes(rich_description: str | None) -> list[object] | None:
    if not rich_description or len(rich_description) < WHOLE_BELOW_CHARS:
        return None
    if not rich_description.lstrip().startswith("{"):
        return None
    try:
        doc = json.loads(rich_description)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict) or doc.get("type") != "doc":
        return None
    content = doc.get("content")
    return content if isinstance(content, list) and content else None
