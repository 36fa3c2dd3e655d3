"""Pleio's JSON answers turned into the shared models.

Pleio allows null in most fields; a null becomes the model's empty value. A
missing `guid` or a value of the wrong type is a malformed answer, raised as
`OfflineError("malformed_response")` by the caller catching `MalformedData`.

Every guid in an answer is checked against `GUID`: the cache keeps it, and it
becomes part of file paths and addresses, so a site's guid is remote text that
must not be trusted. Messages about a bad guid describe it, never quote it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from pleio_tui.models import (
    AccessOption,
    Blog,
    Comment,
    Group,
    Membership,
    Page,
    Site,
    User,
    Viewer,
)

T = TypeVar("T")
Json = dict[str, Any]

_EPOCH = datetime.fromtimestamp(0, UTC)


class MalformedData(ValueError):
    """The answer has the wrong shape for what was asked."""


GUID = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,63}")
"""What Pleio's guids are: `str(uuid)` of a model's id, or a small number as text."""


def is_guid(value: Any) -> bool:
    return isinstance(value, str) and GUID.fullmatch(value) is not None


def parse_guid(value: Any) -> str:
    """`value` when it is a guid; MalformedData, which describes it without quoting it, if not."""
    if is_guid(value):
        return value
    if not isinstance(value, str) or not value:
        raise MalformedData("no guid where one belongs")
    raise MalformedData(f"a guid of {len(value)} characters that is not one")


def optional_guid(value: Any) -> str | None:
    """None for a guid that is null or empty; else as `parse_guid`."""
    return None if value is None or value == "" else parse_guid(value)


def guid_of(data: Json) -> str:
    return parse_guid(data.get("guid"))


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _optional_text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _flag(value: Any) -> bool:
    return value is True


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _optional_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def parse_datetime(value: Any) -> datetime | None:
    """An ISO 8601 date as Pleio sends it, as an aware datetime (UTC when it has no offset)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError as exc:
        raise MalformedData(f"not a date: {value!r}") from exc
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def parse_user(data: Any) -> User | None:
    if not isinstance(data, dict):
        return None
    return User(
        guid=guid_of(data),
        name=_text(data.get("name")),
        username=_optional_text(data.get("username")),
        icon=_optional_text(data.get("icon")),
        url=_optional_text(data.get("url")),
    )


def parse_viewer(data: Json) -> Viewer:
    return Viewer(
        logged_in=_flag(data.get("loggedIn")),
        is_admin=_flag(data.get("isAdmin")),
        user=parse_user(data.get("user")),
    )


def parse_site(data: Json) -> Site:
    options = data.get("accessIds") or []
    return Site(
        guid=guid_of(data),
        name=_text(data.get("name")),
        language=_text(data.get("language")) or "nl",
        default_access_id=_count(data.get("defaultAccessId")),
        access_ids=tuple(
            AccessOption(id=_count(option.get("id")), description=_text(option.get("description")))
            for option in options
            if isinstance(option, dict)
        ),
    )


def _membership(value: Any) -> Membership:
    try:
        return Membership(value)
    except ValueError:
        return Membership.NOT_JOINED


def parse_group(data: Json) -> Group:
    return Group(
        guid=guid_of(data),
        name=_text(data.get("name")),
        description=_text(data.get("description")),
        excerpt=_text(data.get("excerpt")),
        url=_text(data.get("url")),
        icon=_optional_text(data.get("icon")),
        is_closed=_flag(data.get("isClosed")),
        is_membership_on_request=_flag(data.get("isMembershipOnRequest")),
        is_featured=_flag(data.get("isFeatured")),
        membership=_membership(data.get("membership")),
        member_role=_optional_text(data.get("memberRole")),
        member_count=_count(data.get("memberCount")),
        default_access_id=_optional_int(data.get("defaultAccessId")),
        can_edit=_flag(data.get("canEdit")),
        plugins=_strings(data.get("plugins")),
        tags=_strings(data.get("tags")),
    )


def parse_comment(data: Json, *, blog_guid: str, parent_guid: str) -> Comment:
    """A comment and its replies; Pleio's Comment does not name its container, the caller does."""
    guid = guid_of(data)
    time_updated = parse_datetime(data.get("timeUpdated"))
    return Comment(
        guid=guid,
        blog_guid=blog_guid,
        parent_guid=parent_guid,
        rich_description=_optional_text(data.get("richDescription")),
        description=_text(data.get("description")),
        time_created=parse_datetime(data.get("timeCreated")) or time_updated or _EPOCH,
        time_updated=time_updated,
        owner=parse_user(data.get("owner")),
        owner_name=_optional_text(data.get("ownerName")),
        can_edit=_flag(data.get("canEdit")),
        can_comment=_flag(data.get("canComment")),
        can_vote=_flag(data.get("canVote")),
        votes=_count(data.get("votes")),
        has_voted=_flag(data.get("hasVoted")),
        comment_count=_count(data.get("commentCount")),
        replies=tuple(
            parse_comment(reply, blog_guid=blog_guid, parent_guid=guid)
            for reply in data.get("comments") or []
            if isinstance(reply, dict)
        ),
    )


def parse_blog(data: Json) -> Blog:
    """A blog; `comments` stays None unless the query selected them."""
    guid = guid_of(data)
    group = data.get("group")
    group = group if isinstance(group, dict) else {}
    # A selected field is always in the answer, null or not: absent means not asked for.
    comments = (data.get("comments") or []) if "comments" in data else None
    return Blog(
        guid=guid,
        title=_text(data.get("title")),
        url=_text(data.get("url")),
        abstract=_optional_text(data.get("abstract")),
        rich_description=_optional_text(data.get("richDescription")),
        description=_text(data.get("description")),
        excerpt=_text(data.get("excerpt")),
        tags=_strings(data.get("tags")),
        time_created=parse_datetime(data.get("timeCreated")),
        time_updated=parse_datetime(data.get("timeUpdated")),
        time_published=parse_datetime(data.get("timePublished")),
        status_published=_text(data.get("statusPublished")) or "published",
        group_guid=optional_guid(group.get("guid")),
        group_name=_optional_text(group.get("name")),
        owner=parse_user(data.get("owner")),
        can_edit=_flag(data.get("canEdit")),
        can_comment=_flag(data.get("canComment")),
        can_vote=_flag(data.get("canVote")),
        can_bookmark=_flag(data.get("canBookmark")),
        votes=_count(data.get("votes")),
        has_voted=_flag(data.get("hasVoted")),
        is_bookmarked=_flag(data.get("isBookmarked")),
        is_following=_flag(data.get("isFollowing")),
        views=_count(data.get("views")),
        is_pinned=_flag(data.get("isPinned")),
        access_id=_optional_int(data.get("accessId")),
        write_access_id=_optional_int(data.get("writeAccessId")),
        comment_count=_count(data.get("commentCount")),
        comments=None
        if comments is None
        else tuple(
            parse_comment(comment, blog_guid=guid, parent_guid=guid)
            for comment in comments
            if isinstance(comment, dict)
        ),
    )


def is_blog(data: Any) -> bool:
    return isinstance(data, dict) and data.get("__typename") == "Blog"


def parse_page(data: Any, parse_item: Callable[[Json], T], keep: Callable[[Any], bool]) -> Page[T]:
    """An EntityList or GroupList; edges that are null or of another type are skipped."""
    if not isinstance(data, dict):
        raise MalformedData("no list in the answer")
    edges = data.get("edges") or []
    return Page(
        total=_count(data.get("total")),
        items=tuple(parse_item(edge) for edge in edges if keep(edge)),
    )


def is_object(data: Any) -> bool:
    return isinstance(data, dict)
