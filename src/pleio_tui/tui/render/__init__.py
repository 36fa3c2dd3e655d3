"""Posts rendered to terminal lines once, cached, and scrolled by the post view."""

from pleio_tui.lazy import lazy_exports
from pleio_tui.tui.render.ages import AgeFormatter, english_age
from pleio_tui.tui.render.strings import DUTCH, ENGLISH, PostStrings

# The renderer needs markdown-it and Rich's tables: imported when a post is first
# shown, not for the first screen.
_RENDERER = "pleio_tui.tui.render.post"
_LAZY = {
    name: _RENDERER
    for name in ("CommentSpan", "PostLink", "RenderedPost", "clear_render_cache", "render_post")
}
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
