"""Posts rendered to terminal lines once, cached, and scrolled by the post view."""

from pleio_tui.tui.render.ages import AgeFormatter, english_age
from pleio_tui.tui.render.post import (
    CommentSpan,
    PostLink,
    RenderedPost,
    clear_render_cache,
    render_post,
)
from pleio_tui.tui.render.strings import DUTCH, ENGLISH, PostStrings

__all__ = [
    "DUTCH",
    "ENGLISH",
    "AgeFormatter",
    "CommentSpan",
    "PostLink",
    "PostStrings",
    "RenderedPost",
    "clear_render_cache",
    "english_age",
    "render_post",
]
