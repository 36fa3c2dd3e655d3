"""Posts rendered to terminal lines once, cached, and scrolled by the post view."""

from pleio_tui.lazy import lazy_exports
from pleio_tui.tui.render.ages import AgeFormatter, english_age

# The renderer needs markdown-it and Rich's tables: imported when a post is first
# shown, not for the first screen; its strings load with the post view.
_RENDERER = "pleio_tui.tui.render.post"
_STRINGS = "pleio_tui.tui.render.strings"
_LAZY = {
    name: _RENDERER
    for name in ("CommentSpan", "PostLink", "RenderedPost", "clear_render_cache", "render_post")
} | {name: _STRINGS for name in ("DUTCH", "ENGLISH", "PostStrings")}
__getattr__ = lazy_exports(__name__, _LAZY)

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
