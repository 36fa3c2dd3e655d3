"""`PleioClient`: the reads and writes pleio-tui needs, as typed async calls.

Rich text goes in and comes out as Tiptap JSON strings; converting from and to
Markdown is the caller's job (`pleio_tui.richtext`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from types import TracebackType
from typing import Literal, Self

import httpx

from pleio_tui.api import queries
from pleio_tui.api.answers import (
    ReactionState,
    VoteState,
    has_guid,
    object_at,
    reading_answer,
)
from pleio_tui.api.changes import ChangeCalls
from pleio_tui.api.content_client import ContentCalls
from pleio_tui.api.errors import NotLoggedInError, PleioCode
from pleio_tui.api.notifications import NotificationCalls
from pleio_tui.api.parse import (
    guid_of,
    is_blog,
    is_object,
    parse_blog,
    parse_comment,
    parse_group,
    parse_guid,
    parse_page,
    parse_site,
    parse_viewer,
)
from pleio_tui.api.parse_content import is_content
from pleio_tui.api.transport import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    GraphQLTransport,
    JsonObject,
    RetryPolicy,
)

__all__ = ["PleioClient", "ReactionState", "VoteState", "default_access_id_for"]
from pleio_tui.models import AccessId, Blog, Comment, Group, Page, Site, Viewer

GroupFilter = Literal["all", "mine"]
OrderBy = Literal["timeCreated", "timeUpdated", "timePublished", "lastAction", "title"]
OrderDirection = Literal["asc", "desc"]
_ORDER_BY = ("timeCreated", "timeUpdated", "timePublished", "lastAction", "title")


def default_access_id_for(group: Group | None, site: Site) -> int:
    """The read access a new post gets: the group's default, else the site's.

    Pleio itself defaults to 0 (only the author), which would hide every post.
    """
    if group is not None:
        if group.default_access_id is not None:
            return group.default_access_id
        if group.is_closed:
            return AccessId.GROUP
    return site.default_access_id


class PleioClient(NotificationCalls, ContentCalls, ChangeCalls):
    """One Pleio site, as one user (or anonymously, without a session id).

    Use as `async with PleioClient(url, session) as client:`; an injected
    `httpx.AsyncClient` is left open for its owner to close.
    """

    def __init__(
        self,
        site_url: str,
        session_id: str | None = None,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
        retry: RetryPolicy | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        self.site_url = site_url
        self._transport = GraphQLTransport(
            site_url,
            session_id,
            http=http,
            timeout=timeout,
            total_timeout=total_timeout,
            retry=retry,
            max_response_bytes=max_response_bytes,
        )

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._transport.aclose()

    # --- reading ---

    async def viewer(self) -> Viewer:
        data = await self._transport.query(queries.VIEWER, {}, "Viewer")
        with reading_answer():
            return parse_viewer(object_at(data, "viewer"))

    async def site(self) -> Site:
        data = await self._transport.query(queries.SITE, {}, "Site")
        with reading_answer():
            return parse_site(object_at(data, "site"))

    async def groups(
        self,
        q: str | None = None,
        filter: GroupFilter = "all",
        offset: int = 0,
        limit: int = 20,
    ) -> Page[Group]:
        """Groups of the site, featured first then by name; `q` matches part of the name."""
        if filter not in ("all", "mine"):
            raise ValueError(f"unknown group filter: {filter!r}")
        if filter == "mine" and not self._transport.has_session:
            # Pleio fails on "mine" without a user; anonymous has no groups anyway.
            raise NotLoggedInError(PleioCode.NOT_LOGGED_IN)
        variables = {"q": q, "filter": filter, "offset": offset, "limit": limit}
        data = await self._transport.query(queries.GROUPS, variables, "Groups")
        with reading_answer():
            return parse_page(data.get("groups"), parse_group, is_object)

    async def blogs(
        self,
        container_guid: str | None = None,
        offset: int = 0,
        limit: int = 20,
        order_by: OrderBy = "timePublished",
        order_direction: OrderDirection = "desc",
        with_body: bool = False,
    ) -> Page[Blog]:
        """Blogs of a group (or of the whole site without `container_guid`), without comments."""
        if order_by not in _ORDER_BY:
            raise ValueError(f"unknown order: {order_by!r}")
        if order_direction not in ("asc", "desc"):
            raise ValueError(f"unknown order direction: {order_direction!r}")
        variables = {
            "containerGuid": container_guid,
            "offset": offset,
            "limit": limit,
            "orderBy": order_by,
            "orderDirection": order_direction,
        }
        document, name = (
            (queries.BLOGS_WITH_BODY, "BlogsWithBody") if with_body else (queries.BLOGS, "Blogs")
        )
        data = await self._transport.query(document, variables, name)
        with reading_answer():
            return parse_page(data.get("entities"), parse_blog, is_blog)

    async def blog(self, guid: str) -> Blog | None:
        """One blog with its body, its comments (newest first) and their replies;
        None when the site has no blog with this guid (any more)."""
        data = await self._transport.query(queries.BLOG_DETAIL, {"guid": guid}, "BlogDetail")
        entity = data.get("entity")
        if is_content(entity):  # a discussion, event, ...: every kind is read alike
            return await self.content_item(guid)
        if not is_blog(entity):
            return None
        with reading_answer():
            return parse_blog(entity)

    async def reaction_state(self, guid: str) -> ReactionState | None:
        """The user's vote and bookmark on a blog; None when the site has no blog
        with this guid (Pleio does not look comments up by guid)."""
        data = await self._transport.query(queries.REACTION_STATE, {"guid": guid}, "ReactionState")
        entity = data.get("entity")
        if is_content(entity):
            return await self.content_reaction_state(guid)
        if not is_blog(entity):
            return None
        with reading_answer():
            return ReactionState(
                guid=parse_guid(entity.get("guid")),
                votes=int(entity.get("votes") or 0),
                has_voted=entity.get("hasVoted") is True,
                is_bookmarked=entity.get("isBookmarked") is True,
            )

    def site_now(self) -> datetime | None:
        """The site's clock now, from the `Date` of its last answer; None before
        any answer named one."""
        clock = self._transport.site_clock
        return None if clock is None else clock.now()

    async def entity_exists(self, guid: str) -> bool:
        data = await self._transport.query(queries.ENTITY_EXISTS, {"guid": guid}, "EntityExists")
        return isinstance(data.get("entity"), dict)

    async def bookmarks(self, offset: int = 0, limit: int = 20) -> Page[Blog]:
        variables = {"offset": offset, "limit": limit}
        data = await self._transport.query(queries.BOOKMARKS, variables, "Bookmarks")
        with reading_answer():
            return parse_page(data.get("bookmarks"), parse_blog, is_blog)

    # --- writing: each call is sent once, never retried here ---

    async def add_blog(
        self,
        container_guid: str | None,
        title: str,
        rich_description: str,
        *,
        access_id: int,
        write_access_id: int = AccessId.PRIVATE,
        abstract: str | None = None,
        tags: Sequence[str] = (),
    ) -> Blog:
        """Publish a blog now, in a group or (without `container_guid`) on the site.

        `access_id` is required: see `default_access_id_for`. Write access 0 means
        the author alone may edit, as in Pleio's own editor.
        """
        fields: JsonObject = {
            "subtype": "blog",
            "title": title,
            "richDescription": rich_description,
            "accessId": access_id,
            "writeAccessId": write_access_id,
            "tags": list(tags),
        }
        if container_guid is not None:
            fields["containerGuid"] = container_guid
        if abstract is not None:
            fields["abstract"] = abstract
        data = await self._transport.mutate(queries.ADD_BLOG, {"input": fields}, "AddBlog")
        with reading_answer():
            return parse_blog(object_at(data, "addEntity", "entity"))

    async def edit_blog(
        self,
        guid: str,
        *,
        title: str | None = None,
        rich_description: str | None = None,
        abstract: str | None = None,
        access_id: int | None = None,
        write_access_id: int | None = None,
        tags: Sequence[str] | None = None,
    ) -> Blog:
        """Change the given fields of a blog; fields left at None stay as they are."""
        fields: JsonObject = {"guid": guid}
        for name, value in (
            ("title", title),
            ("richDescription", rich_description),
            ("abstract", abstract),
            ("accessId", access_id),
            ("writeAccessId", write_access_id),
            ("tags", None if tags is None else list(tags)),
        ):
            if value is not None:
                fields[name] = value
        data = await self._transport.mutate(queries.EDIT_BLOG, {"input": fields}, "EditBlog")
        if is_content(data.get("editEntity", {}).get("entity")):
            # A discussion, question, ...: edited; read it back as it is now.
            edited = await self.content_item(guid)
            if edited is not None:
                return edited
        with reading_answer():
            return parse_blog(object_at(data, "editEntity", "entity"))

    async def delete_entity(self, guid: str) -> bool:
        """Delete a blog or a comment; True when the site says it is gone."""
        data = await self._transport.mutate(
            queries.DELETE_ENTITY, {"input": {"guid": guid}}, "DeleteEntity"
        )
        with reading_answer():
            return object_at(data, "deleteEntity").get("success") is True

    async def add_comment(
        self, container_guid: str, rich_description: str, *, blog_guid: str | None = None
    ) -> Comment:
        """Comment on a blog, or reply to a comment (`container_guid` the comment's guid,
        `blog_guid` the blog the thread belongs to)."""
        fields = {
            "subtype": "comment",
            "containerGuid": container_guid,
            "richDescription": rich_description,
        }
        data = await self._transport.mutate(queries.ADD_COMMENT, {"input": fields}, "AddComment")
        with reading_answer():
            return parse_comment(
                object_at(data, "addEntity", "entity"),
                blog_guid=blog_guid or container_guid,
                parent_guid=container_guid,
            )

    async def edit_comment(
        self, guid: str, rich_description: str, *, blog_guid: str, parent_guid: str
    ) -> Comment:
        """Replace a comment's text. Pleio's Comment does not name its container, so
        the caller, who knows the thread, passes `blog_guid` and `parent_guid`."""
        fields = {"guid": guid, "richDescription": rich_description}
        data = await self._transport.mutate(queries.EDIT_COMMENT, {"input": fields}, "EditComment")
        with reading_answer():
            edited = object_at(data, "editEntity", "entity")
            return parse_comment(edited, blog_guid=blog_guid, parent_guid=parent_guid)

    async def vote(self, guid: str, score: int) -> VoteState:
        """+1 or -1 on a blog or comment; the opposite of an earlier vote takes it back."""
        variables = {"input": {"guid": guid, "score": score}}
        data = await self._transport.mutate(queries.VOTE, variables, "Vote")
        with reading_answer():
            voted = object_at(data, "vote", "object")
            return VoteState(
                guid=parse_guid(voted.get("guid")),
                votes=int(voted.get("votes") or 0),
                has_voted=voted.get("hasVoted") is True,
            )

    async def bookmark(self, guid: str, is_adding: bool) -> bool:
        """Add or remove a bookmark; returns whether the item is bookmarked now."""
        variables = {"input": {"guid": guid, "isAdding": is_adding}}
        data = await self._transport.mutate(queries.BOOKMARK, variables, "Bookmark")
        with reading_answer():
            marked = object_at(data, "bookmark", "object").get("isBookmarked")
        return marked if isinstance(marked, bool) else is_adding

    async def follow(self, guid: str, is_following: bool) -> bool:
        """Follow an item (notifications on new comments); returns whether it is followed now."""
        variables = {"input": {"guid": guid, "isFollowing": is_following}}
        data = await self._transport.mutate(queries.FOLLOW, variables, "Follow")
        with reading_answer():
            following = object_at(data, "follow", "object").get("isFollowing")
        return following if isinstance(following, bool) else is_following

    async def join_group(self, guid: str) -> Group:
        """Join an open group at once; a closed or on-request group answers `requested`."""
        data = await self._transport.mutate(
            queries.JOIN_GROUP, {"input": {"guid": guid}}, "JoinGroup"
        )
        with reading_answer():
            return parse_group(object_at(data, "joinGroup", "group"))

    async def leave_group(self, guid: str) -> Group:
        data = await self._transport.mutate(
            queries.LEAVE_GROUP, {"input": {"guid": guid}}, "LeaveGroup"
        )
        with reading_answer():
            return parse_group(object_at(data, "leaveGroup", "group"))

    # --- listings for a sync ---

    @property
    def has_session(self) -> bool:
        return self._transport.has_session

    async def blogs_with_threads(
        self,
        offset: int = 0,
        limit: int = 50,
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
        data = await self._transport.query(
            queries.BLOGS_WITH_THREADS, variables, "BlogsWithThreads"
        )
        with reading_answer():
            return parse_page(data.get("entities"), parse_blog, is_blog)

    async def blog_guids(self, offset: int = 0, limit: int = 500) -> Page[str]:
        """A page of the guids of every blog the user can read, oldest first."""
        variables = {"offset": offset, "limit": limit}
        data = await self._transport.query(queries.BLOG_GUIDS, variables, "BlogGuids")
        with reading_answer():
            return parse_page(data.get("entities"), guid_of, has_guid)

    async def comments_under(self, guid: str) -> tuple[Comment, ...] | None:
        """The comments directly under a blog or a comment (with their replies, for a
        blog); None when the site has no such item (any more)."""
        data = await self._transport.query(queries.THREAD, {"guid": guid}, "Thread")
        entity = data.get("entity")
        if is_content(entity):
            return await self.content_thread(guid)
        if not isinstance(entity, dict) or entity.get("__typename") not in ("Blog", "Comment"):
            return None
        with reading_answer():
            return tuple(
                parse_comment(comment, blog_guid=guid, parent_guid=guid)
                for comment in entity.get("comments") or []
                if isinstance(comment, dict)
            )
