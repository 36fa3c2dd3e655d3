"""The words of a post or comment as the full-text index sees them: the Markdown a
reader is shown, whatever format (Tiptap, Draft.js, HTML, plain) the body came in."""

from __future__ import annotations

from pleio_tui.models import Blog, Comment

# body_to_markdown is imported where used: importing it brings markdown-it, which
# the store does not need to open or to show the first screen.


def blog_search_body(blog: Blog) -> str:
    from pleio_tui.richtext.body import body_to_markdown  # markdown-it: see above

    parts = (blog.abstract or "", body_to_markdown(blog.rich_description, blog.description))
    return "\n\n".join(part for part in parts if part)


def comment_search_body(comment: Comment) -> str:
    from pleio_tui.richtext.body import body_to_markdown  # markdown-it: see above

    return body_to_markdown(comment.rich_description, comment.description)
