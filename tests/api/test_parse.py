"""Pleio's JSON, nulls and all, into the shared models."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from pleio_tui.api.parse import MalformedData, parse_blog, parse_datetime, parse_group
from pleio_tui.models import Membership


def test_dates_keep_their_offset() -> None:
    moment = parse_datetime("2023-05-19T16:32:58.123456+02:00")
    assert moment == datetime(2023, 5, 19, 14, 32, 58, 123456, tzinfo=UTC)
    assert moment is not None and moment.utcoffset() == timedelta(hours=2)


def test_a_date_without_offset_is_taken_as_utc() -> None:
    assert parse_datetime("2023-05-19T16:32:58") == datetime(2023, 5, 19, 16, 32, 58, tzinfo=UTC)


def test_a_zulu_date_is_utc() -> None:
    moment = parse_datetime("2023-05-19T16:32:58Z")
    assert moment is not None and moment.utcoffset() == timedelta(0)


def test_a_date_that_is_not_one_is_malformed() -> None:
    with pytest.raises(MalformedData):
        parse_datetime("gisteren")


def test_a_blog_of_nulls_parses_to_empty_values() -> None:
    blog = parse_blog(
        {
            "guid": "b1",
            "title": None,
            "url": None,
            "abstract": None,
            "tags": None,
            "timePublished": None,
            "group": None,
            "owner": None,
            "votes": None,
            "canEdit": False,
            "isPinned": False,
        }
    )
    assert (blog.title, blog.url, blog.abstract, blog.tags) == ("", "", None, ())
    assert blog.time_published is None
    assert blog.group_guid is None and blog.owner is None
    assert blog.votes == 0
    assert blog.comments is None


def test_comments_asked_for_but_null_are_an_empty_thread() -> None:
    assert parse_blog({"guid": "b1", "comments": None}).comments == ()


def test_comments_know_their_blog_and_parent() -> None:
    blog = parse_blog(
        {
            "guid": "b1",
            "comments": [
                {
                    "guid": "c1",
                    "timeCreated": "2023-05-19T16:32:58+00:00",
                    "owner": None,
                    "ownerName": "Gast",
                    "comments": [
                        {"guid": "r1", "timeCreated": "2023-05-20T08:00:00+00:00", "canEdit": True}
                    ],
                }
            ],
        }
    )
    assert blog.comments is not None
    [comment] = blog.comments
    assert (comment.blog_guid, comment.parent_guid, comment.author_name) == ("b1", "b1", "Gast")
    [reply] = comment.replies
    assert (reply.blog_guid, reply.parent_guid, reply.can_edit) == ("b1", "c1", True)


def test_a_group_with_an_unknown_membership_is_not_joined() -> None:
    group = parse_group({"guid": "g1", "name": "G", "membership": None, "plugins": ["blog", 3]})
    assert group.membership is Membership.NOT_JOINED
    assert group.plugins == ("blog",)


def test_an_object_without_guid_is_malformed() -> None:
    with pytest.raises(MalformedData):
        parse_group({"name": "no guid"})
