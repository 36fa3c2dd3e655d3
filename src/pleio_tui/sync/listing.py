"""The listings a sync needs that `PleioClient` does not offer: a page of blogs
with their comment threads in one request, the bare guids of every readable
blog, and the comments under one blog or comment.

They go through the client's own transport, so retries, timeouts, the session
cookie and the error mapping are the client's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pleio_tui.api import OfflineError, PleioClient
from pleio_tui.api.client import OrderBy, OrderDirection
from pleio_tui.api.parse import is_blog, parse_blog, parse_comment, parse_page
from pleio_tui.api.queries import BLOG_BODY, BLOG_SUMMARY, COMMENT_FIELDS, USER_FIELDS
from pleio_tui.api.transport import GraphQLTransport
from pleio_tui.models import Blog, Comment, Page


def _document(body: str, *fragments: str) -> str:
    return body.strip() + "\n" + "".join(fragment.strip() + "\n" for fragment in fragments)


BLOGS_WITH_THREADS = _document(
    """
query BlogsWithThreads($offset: Int, $limit: Int,
                       $orderBy: OrderBy, $orderDirection: OrderDirection) {
  entities(subtype: "blog", offset: $offset, limit: $limit,
           orderBy: $orderBy, orderDirection: $orderDirection) {
    total
    edges {
      __typename
      ... on Blog {
        ...BlogSummary ...BlogBody
        comments { ...CommentFields comments { ...CommentFields } }
      }
    }
  }
}
""",
    BLOG_SUMMARY,
    BLOG_BODY,
    COMMENT_FIELDS,
    USER_FIELDS,
)

BLOG_GUIDS = """
query BlogGuids($offset: Int, $limit: Int) {
  entities(subtype: "blog", offset: $offset, limit: $limit,
           orderBy: timeCreated, orderDirection: asc) {
    total
    edges { guid }
  }
}
""".strip()

THREAD = _document(
    """
query Thread($guid: String!) {
  entity(guid: $guid) {
    __typename
    ... on Blog { guid comments { ...CommentFields comments { ...CommentFields } } }
    ... on Comment { guid comments { ...CommentFields } }
  }
}
""",
    COMMENT_FIELDS,
    USER_FIELDS,
)


def transport_of(client: PleioClient) -> GraphQLTransport:
    """The client's transport: the client has no public way to send other documents."""
    return client._transport


@contextmanager
def _reading_answer() -> Iterator[None]:
    try:
        yield
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OfflineError("malformed_response", f"unexpected answer shape: {exc}") from exc


async def blogs_with_threads(
    client: PleioClient,
    offset: int,
    limit: int,
    order_by: OrderBy = "timeCreated",
    order_direction: OrderDirection = "desc",
) -> Page[Blog]:
    """A page of every blog the user can read, each with body, comments and replies."""
    variables = {
        "offset": offset,
        "limit": limit,
        "orderBy": order_by,
        "orderDirection": order_direction,
    }
    data = await transport_of(client).query(BLOGS_WITH_THREADS, variables, "BlogsWithThreads")
    with _reading_answer():
        return parse_page(data.get("entities"), parse_blog, is_blog)


def _has_guid(edge: Any) -> bool:
    return isinstance(edge, dict) and isinstance(edge.get("guid"), str) and bool(edge["guid"])


async def blog_guids(client: PleioClient, offset: int, limit: int) -> Page[str]:
    """A page of the guids of every blog the user can read, oldest first."""
    variables = {"offset": offset, "limit": limit}
    data = await transport_of(client).query(BLOG_GUIDS, variables, "BlogGuids")
    with _reading_answer():
        return parse_page(data.get("entities"), lambda edge: str(edge["guid"]), _has_guid)


async def comments_under(client: PleioClient, guid: str) -> tuple[Comment, ...] | None:
    """The comments directly under a blog or a comment (with their replies, for a
    blog); None when the site has no such item (any more)."""
    data = await transport_of(client).query(THREAD, {"guid": guid}, "Thread")
    entity = data.get("entity")
    if not isinstance(entity, dict) or entity.get("__typename") not in ("Blog", "Comment"):
        return None
    with _reading_answer():
        return tuple(
            parse_comment(comment, blog_guid=guid, parent_guid=guid)
            for comment in entity.get("comments") or []
            if isinstance(comment, dict)
        )
