"""Draft.js raw content (Pleio's rich text before Tiptap) to Markdown, by way of Tiptap."""

import json
from bisect import bisect_left
from typing import Any, TypeGuard

from pleio_tui.richtext.document import Node
from pleio_tui.richtext.errors import RichTextError
from pleio_tui.richtext.markdown_writer import tiptap_to_markdown

_HEADING_LEVELS = {
    "header-one": 1,
    "header-two": 2,
    "header-three": 3,
    "header-four": 4,
    "header-five": 5,
    "header-six": 6,
}
_LIST_TYPES = {"unordered-list-item": "bulletList", "ordered-list-item": "orderedList"}
_STYLE_MARKS = {"BOLD": "bold", "ITALIC": "italic", "UNDERLINE": "underline"}


def draftjs_to_markdown(raw: str | dict[str, Any]) -> str:
    """Markdown for a Draft.js raw content state; RichTextError when it is not one."""
    return tiptap_to_markdown(draftjs_to_doc(raw))


def is_draftjs(value: object) -> TypeGuard[dict[str, Any]]:
    return isinstance(value, dict) and isinstance(value.get("blocks"), list)


def draftjs_to_doc(raw: str | dict[str, Any]) -> Node:
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except (json.JSONDecodeError, RecursionError) as error:
            raise RichTextError(f"Draft.js content is not valid JSON: {error}") from error
    if not is_draftjs(raw):
        raise RichTextError("not a Draft.js raw content state")
    entity_map = raw.get("entityMap")
    entities = entity_map if isinstance(entity_map, dict) else {}
    builder = _DocBuilder(entities)
    for block in raw["blocks"]:
        if isinstance(block, dict):
            builder.add(block)
    content = builder.content or [{"type": "paragraph"}]
    return {"type": "doc", "content": content}


class _DocBuilder:
    def __init__(self, entities: dict[str, Any]) -> None:
        self.entities = entities
        self.content: list[Node] = []
        self.open_paragraph: Node | None = None  # consecutive plain blocks are its lines

    def add(self, block: dict[str, Any]) -> None:
        kind = block.get("type") if isinstance(block.get("type"), str) else "unstyled"
        inline, attachments = self._inline(block)
        if kind in _LIST_TYPES:
            self._list_item(_LIST_TYPES[kind], _depth(block), inline)
        elif kind in _HEADING_LEVELS:
            self._block({"type": "heading", "attrs": {"level": _HEADING_LEVELS[kind]}}, inline)
        elif kind == "blockquote":
            paragraph = _with_content({"type": "paragraph"}, inline)
            self._block({"type": "blockquote", "content": [paragraph]}, [])
        elif kind == "atomic":
            self.open_paragraph = None
        else:
            self._line(inline)
        for attachment in attachments:
            self._block(attachment, [])

    def _block(self, node: Node, inline: list[Node]) -> None:
        self.open_paragraph = None
        self.content.append(_with_content(node, inline))

    def _line(self, inline: list[Node]) -> None:
        """Draft.js makes a block of every line; an empty one ends the paragraph."""
        if not inline:
            self.open_paragraph = None
            return
        if self.open_paragraph is None:
            self.open_paragraph = {"type": "paragraph", "content": []}
            self.content.append(self.open_paragraph)
        else:
            self.open_paragraph["content"].append({"type": "hardBreak"})
        self.open_paragraph["content"].extend(inline)

    def _list_item(self, list_type: str, depth: int, inline: list[Node]) -> None:
        self.open_paragraph = None
        item = {"type": "listItem", "content": [_with_content({"type": "paragraph"}, inline)]}
        siblings = self.content
        for level in range(depth + 1):
            if not siblings or siblings[-1]["type"] != list_type:
                siblings.append({"type": list_type, "content": []})
            items = siblings[-1]["content"]
            if level == depth:
                items.append(item)
                return
            if not items:
                items.append({"type": "listItem", "content": [{"type": "paragraph"}]})
            siblings = items[-1]["content"]

    def _inline(self, block: dict[str, Any]) -> tuple[list[Node], list[Node]]:
        """Text nodes for the block, and the blocks its entities (image, file, video) bring."""
        text = block.get("text") if isinstance(block.get("text"), str) else ""
        offsets = _utf16_offsets(text)
        styles: list[set[str]] = [set() for _ in text]
        links: list[str | None] = [None for _ in text]
        attachments: list[Node] = []
        hidden = [False for _ in text]
        for style_range, start, end in _ranges(block.get("inlineStyleRanges"), offsets):
            if mark := _STYLE_MARKS.get(str(style_range.get("style"))):
                for index in range(start, end):
                    styles[index].add(mark)
        for entity_range, start, end in _ranges(block.get("entityRanges"), offsets):
            entity = self.entities.get(str(entity_range.get("key")))
            if not isinstance(entity, dict):
                continue
            data = entity.get("data") if isinstance(entity.get("data"), dict) else {}
            kind = str(entity.get("type", "")).upper()
            if kind == "LINK":
                href = data.get("url") or data.get("href")
                for index in range(start, end):
                    links[index] = href if isinstance(href, str) else None
            elif attachment := _attachment(kind, data):
                attachments.append(attachment)
                for index in range(start, end):
                    hidden[index] = True
        return _text_nodes(text, styles, links, hidden), attachments


def _with_content(node: Node, inline: list[Node]) -> Node:
    if inline:
        node["content"] = inline
    return node


def _depth(block: dict[str, Any]) -> int:
    depth = block.get("depth")
    return min(depth, 8) if isinstance(depth, int) and depth > 0 else 0


def _utf16_offsets(text: str) -> list[int]:
    """Draft.js offsets count UTF-16 code units: the start offset of every character."""
    offsets = []
    position = 0
    for char in text:
        offsets.append(position)
        position += 2 if ord(char) > 0xFFFF else 1
    offsets.append(position)
    return offsets


def _ranges(value: object, offsets: list[int]) -> list[tuple[dict[str, Any], int, int]]:
    """Each well-formed range with the character indexes it covers (maybe none)."""
    found = []
    if not isinstance(value, list):
        return found
    for item in value:
        if not isinstance(item, dict):
            continue
        offset, length = item.get("offset"), item.get("length")
        if not isinstance(offset, int) or not isinstance(length, int):
            continue
        characters = len(offsets) - 1
        start = bisect_left(offsets, offset, 0, characters)
        end = bisect_left(offsets, offset + length, 0, characters)
        found.append((item, start, max(start, end)))
    return found


def _attachment(kind: str, data: dict[str, Any]) -> Node | None:
    if kind == "IMAGE" and isinstance(data.get("src"), str):
        alt = data.get("alt") if isinstance(data.get("alt"), str) else ""
        return {"type": "image", "attrs": {"src": data["src"], "alt": alt, "title": ""}}
    if kind == "DOCUMENT" and isinstance(data.get("url"), str):
        attrs = {key: data.get(key) for key in ("url", "name", "mimeType", "size")}
        return {"type": "file", "attrs": attrs}
    if kind == "VIDEO":
        attrs = {key: data.get(key) for key in ("guid", "platform", "title")}
        return {"type": "video", "attrs": attrs}
    return None


def _text_nodes(
    text: str, styles: list[set[str]], links: list[str | None], hidden: list[bool]
) -> list[Node]:
    nodes: list[Node] = []
    previous_key: tuple[tuple[str, ...], str | None] | None = None
    for index, char in enumerate(text):
        if hidden[index]:
            previous_key = None
            continue
        key = (tuple(sorted(styles[index])), links[index])
        if key != previous_key:
            node: Node = {"type": "text", "text": ""}
            marks: list[Node] = [{"type": mark} for mark in key[0]]
            if key[1]:
                marks.append({"type": "link", "attrs": {"href": key[1]}})
            if marks:
                node["marks"] = marks
            nodes.append(node)
            previous_key = key
        nodes[-1]["text"] += char
    return [node for node in nodes if node["text"]]
