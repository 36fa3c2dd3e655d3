"""The calls of `PleioClient` for every kind of content beside blogs: pages and
guids for a sync, one item, new discussions, questions and status updates, the
best answer of a question, an event's attendance, and a file's download."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from pleio_tui.api import queries
from pleio_tui.api.answers import ReactionState, has_guid, object_at, reading_answer
from pleio_tui.api.content_queries import CONTENT_SUBTYPES
from pleio_tui.api.errors import OfflineError
from pleio_tui.api.parse import guid_of, is_object, parse_comment, parse_guid, parse_page
from pleio_tui.api.parse_content import best_answer_guid, is_content, parse_content
from pleio_tui.models import Blog, Comment, Page

if TYPE_CHECKING:
    from pleio_tui.api.transport import GraphQLTransport

MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024
ATTENDANCE_STATES = ("accept", "maybe", "reject")


class ForeignDownloadError(ValueError):
    """A download address on another host: the session is never sent there."""


class ContentCalls:
    site_url: str
    _transport: GraphQLTransport

    async def content_page(
        self,
        offset: int = 0,
        limit: int = 50,
        order_by: str = "timeCreated",
        order_direction: str = "desc",
        subtypes: Sequence[str] = CONTENT_SUBTYPES,
        container_guid: str | None = None,
    ) -> Page[Blog]:
        """A page of every item of the given kinds the user can read (in one group,
        with `container_guid`), each with its body, its thread and what only its
        kind has."""
        variables = {
            "subtypes": list(subtypes),
            "containerGuid": container_guid,
            "offset": offset,
            "limit": limit,
            "orderBy": order_by,
            "orderDirection": order_direction,
        }
        data = await self._transport.query(queries.CONTENT_PAGE, variables, "ContentPage")
        with reading_answer():
            return parse_page(data.get("entities"), parse_content, is_content)

    async def content_changes(
        self, offset: int = 0, limit: int = 25, subtypes: Sequence[str] = CONTENT_SUBTYPES
    ) -> tuple[Page[Blog], Page[Blog]]:
        """A page by `timeUpdated` and one by `lastAction`, newest first, in one request."""
        variables = {"subtypes": list(subtypes), "offset": offset, "limit": limit}
        data = await self._transport.query(queries.CONTENT_CHANGES, variables, "ContentChanges")
        with reading_answer():
            return (
                parse_page(data.get("byUpdate"), parse_content, is_content),
                parse_page(data.get("byAction"), parse_content, is_content),
            )

    async def content_guids(
        self, offset: int = 0, limit: int = 2000, subtypes: Sequence[str] = CONTENT_SUBTYPES
    ) -> Page[str]:
        variables = {"subtypes": list(subtypes), "offset": offset, "limit": limit}
        data = await self._transport.query(queries.CONTENT_GUIDS, variables, "ContentGuids")
        with reading_answer():
            return parse_page(data.get("entities"), guid_of, has_guid)

    async def content_item(self, guid: str) -> Blog | None:
        """One item of a kind beside blogs; None when the site has none by this guid."""
        data = await self._transport.query(queries.CONTENT_DETAIL, {"guid": guid}, "ContentDetail")
        entity = data.get("entity")
        if not is_content(entity):
            return None
        with reading_answer():
            return parse_content(entity)

    async def content_thread(self, guid: str) -> tuple[Comment, ...] | None:
        data = await self._transport.query(queries.CONTENT_THREAD, {"guid": guid}, "ContentThread")
        entity = data.get("entity")
        if not is_content(entity) or "comments" not in entity:
            return None
        with reading_answer():
            return tuple(
                parse_comment(comment, blog_guid=guid, parent_guid=guid)
                for comment in entity.get("comments") or []
                if is_object(comment)
            )

    async def add_content(self, fields: dict[str, Any]) -> Blog:
        """addEntity for a discussion, question, status update (or another kind
        Pleio takes there); `fields` as addEntityInput names them."""
        data = await self._transport.mutate(queries.ADD_CONTENT, {"input": fields}, "AddContent")
        with reading_answer():
            return parse_content(object_at(data, "addEntity", "entity"))

    async def attend_event(self, guid: str, state: str | None) -> str | None:
        """Answer an event's invitation ("accept", "maybe", "reject"; None takes the
        answer back); returns the site's answer now."""
        variables = {"input": {"guid": guid, "state": state or ""}}
        data = await self._transport.mutate(queries.ATTEND_EVENT, variables, "AttendEvent")
        with reading_answer():
            state = object_at(data, "attendEvent", "entity").get("isAttending")
        return state if isinstance(state, str) and state else None

    async def attendance(self, guid: str) -> str | bool | None:
        """The user's answer to an event now; False when there is no such event."""
        data = await self._transport.query(queries.ATTENDANCE, {"guid": guid}, "Attendance")
        entity = data.get("entity")
        if not isinstance(entity, dict) or entity.get("__typename") != "Event":
            return False
        state = entity.get("isAttending")
        return state if isinstance(state, str) and state else None

    async def toggle_best_answer(self, answer_guid: str) -> str | None:
        """Make an answer the best of its question, or not any more (Pleio toggles);
        returns the question's best answer now."""
        variables = {"input": {"guid": answer_guid}}
        data = await self._transport.mutate(
            queries.TOGGLE_BEST_ANSWER, variables, "ToggleBestAnswer"
        )
        with reading_answer():
            question = object_at(data, "toggleBestAnswer", "entity")
            return best_answer_guid(question.get("comments"))

    async def best_answer(self, question_guid: str) -> str | bool | None:
        """A question's best answer now (None for none); False when there is no such question."""
        data = await self._transport.query(
            queries.BEST_ANSWER, {"guid": question_guid}, "BestAnswer"
        )
        entity = data.get("entity")
        if not isinstance(entity, dict) or entity.get("__typename") != "Question":
            return False
        with reading_answer():
            return best_answer_guid(entity.get("comments"))

    async def content_reaction_state(self, guid: str) -> ReactionState | None:
        variables = {"guid": guid}
        data = await self._transport.query(
            queries.CONTENT_REACTION_STATE, variables, "ContentReactionState"
        )
        entity = data.get("entity")
        if not is_content(entity):
            return None
        with reading_answer():
            return ReactionState(
                guid=parse_guid(entity.get("guid")),
                votes=int(entity.get("votes") or 0),
                has_voted=entity.get("hasVoted") is True,
                is_bookmarked=entity.get("isBookmarked") is True,
            )

    async def download(self, address: str) -> bytes:
        """A file's contents from its download address on this site. The session
        goes to this site alone: an address on another host is refused."""
        url = urljoin(self.site_url.rstrip("/") + "/", address)
        own, asked = urlsplit(self.site_url), urlsplit(url)
        if (asked.scheme, asked.netloc) != (own.scheme, own.netloc):
            raise ForeignDownloadError(url)
        return await self._transport.get_bytes(url, MAX_DOWNLOAD_BYTES)


__all__ = ["ContentCalls", "ForeignDownloadError", "OfflineError"]
