"""Pleio's answers for the kinds of content beside blogs, as `Blog` records with
their `subtype` and `ContentDetails` (an event's dates, a question's best answer,
a wiki page's place in its tree, a file's size and download address)."""

from __future__ import annotations

from typing import Any

from pleio_tui.api.content_queries import CONTENT_SUBTYPES
from pleio_tui.api.parse import Json, optional_guid, parse_blog, parse_datetime
from pleio_tui.models import Blog, ContentDetails

CONTENT_TYPENAMES = {
    "Discussion": "discussion",
    "Question": "question",
    "News": "news",
    "Event": "event",
    "Wiki": "wiki",
    "StatusUpdate": "statusupdate",
    "File": "file",
    "Folder": "folder",
}


UNCOMMENTED = frozenset({"wiki", "folder"})


def is_content(data: Any) -> bool:
    """A content item of a kind beside blogs."""
    return isinstance(data, dict) and data.get("__typename") in CONTENT_TYPENAMES


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _pair(value: Any) -> tuple[str, str] | None:
    if not isinstance(value, dict):
        return None
    guid = optional_guid(value.get("guid"))
    if guid is None:
        return None
    return guid, value.get("title") if isinstance(value.get("title"), str) else ""


def best_answer_guid(comments: Any) -> str | None:
    """The guid of the comment marked as the best answer, if any."""
    for comment in comments or []:
        if isinstance(comment, dict) and comment.get("isBestAnswer") is True:
            return optional_guid(comment.get("guid"))
    return None


def parse_details(data: Json) -> ContentDetails:
    size = data.get("size")
    children = data.get("children") or []
    return ContentDetails(
        start_date=parse_datetime(data.get("startDate")),
        end_date=parse_datetime(data.get("endDate")),
        location=_text(data.get("location")),
        location_link=_text(data.get("locationLink")),
        is_attending=_text(data.get("isAttending")),
        enable_maybe=data.get("enableMaybeAttendEvent") is not False,
        is_closed=data.get("isClosed") is True,
        can_choose_best_answer=data.get("canChooseBestAnswer") is True,
        best_answer_guid=best_answer_guid(data.get("comments")),
        parent=_pair(data.get("parent")),
        children=tuple(p for p in (_pair(child) for child in children) if p is not None),
        size=size if isinstance(size, int) and not isinstance(size, bool) else 0,
        mime_type=_text(data.get("mimeType")),
        download_url=_text(data.get("download")),
        folder=_pair(data.get("parentFolder")),
    )


def parse_content(data: Json) -> Blog:
    """Any kind of content: a blog's fields, then its kind and what only it has."""
    item = parse_blog(data)
    subtype = CONTENT_TYPENAMES.get(str(data.get("__typename")), "")
    if subtype not in CONTENT_SUBTYPES:
        return item
    # Wiki pages and folders take no comments: an empty thread, fetched as it is.
    comments = () if item.comments is None and subtype in UNCOMMENTED else item.comments
    return item._replace(subtype=subtype, details=parse_details(data), comments=comments)
