"""Words for where an item sits among the kinds: what a folder holds."""

from __future__ import annotations

NL_KINDS: dict[str, str] = {
    "post.folder_contents": "In deze map:",
    "post.folder_empty": "Deze map is leeg.",
}

EN_KINDS: dict[str, str] = {
    "post.folder_contents": "In this folder:",
    "post.folder_empty": "This folder is empty.",
}
