"""Big posts in the cache: the generated posts of `bench_views`, under their own guids."""

from __future__ import annotations

from bench_views import generated_blog

from pleio_tui.models import Blog, Comment
from pleio_tui.store import Store


def _renamed(comments: tuple[Comment, ...], prefix: str, blog_guid: str) -> tuple[Comment, ...]:
    return tuple(
        comment._replace(
            guid=f"{prefix}-{comment.guid}",
            blog_guid=blog_guid,
            replies=_renamed(comment.replies, prefix, blog_guid),
        )
        for comment in comments
    )


def big_post(kib: int, guid: str, group_guid: str | None, comments: int = 100) -> Blog:
    blog = generated_blog(kib, comments)
    return blog._replace(
        guid=guid,
        url=f"/blog/view/{guid}/big",
        group_guid=group_guid,
        comments=_renamed(blog.comments or (), guid, guid),
    )


def add_big_posts(store: Store, group_guid: str | None) -> dict[int, str]:
    """A 50 KiB post with 100 comments and a 250 KiB one; their guids by size."""
    guids = {50: "bench-post-50k", 250: "bench-post-250k"}
    store.upsert_blogs(big_post(kib, guid, group_guid) for kib, guid in guids.items())
    return guids
