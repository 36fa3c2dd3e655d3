"""How the panes share a wide terminal: by what they hold.

The post gets a readable measure (its text is at most 100 columns, render/post.py),
the group list what its names need, the feed the rest, up to a comfortable
width; past that the post takes what is left (its text stays at the measure).
Below the wide layout the group list folds away and the feed and post share the
width the same way. Narrow terminals stack the panes (app.tcss).
"""

from __future__ import annotations

from typing import NamedTuple

POST_COLUMNS = 106
"""100 columns of text, its margins, the scrollbar gutter and the border."""
GROUPS_MIN, GROUPS_MAX = 32, 40
FEED_MIN = 50
"""A feed row below this cuts the date: the post gives way first."""
FEED_MAX = 110


class PaneWidths(NamedTuple):
    groups: int
    post: int
    """The feed takes what the two leave (1fr)."""


def pane_widths(width: int, *, wide: bool) -> PaneWidths:
    groups = max(GROUPS_MIN, min(GROUPS_MAX, round(width * 0.18))) if wide else GROUPS_MIN
    shared = width - (groups if wide else 0)
    post = max(1, min(POST_COLUMNS, shared - FEED_MIN))
    feed = shared - post
    if feed > FEED_MAX:
        post += feed - FEED_MAX
    return PaneWidths(groups, post)
