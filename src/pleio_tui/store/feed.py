"""Blog lists for the feed pane, read a window at a time along an index, by key."""

from __future__ import annotations

import sqlite3

from pleio_tui.models import FeedRow
from pleio_tui.store.base import StoreBase
from pleio_tui.store.feed_keys import FEED_ORDER, FeedQueries, KeysetFeed
from pleio_tui.store.values import time_from_db

_FEED_SELECT = """
SELECT b.guid, b.title, coalesce(u.name, '') AS author_name, b.group_guid,
       coalesce(g.name, b.group_name) AS group_name, b.time_published,
       b.comment_count, b.votes,
       CASE WHEN b.excerpt <> '' THEN b.excerpt ELSE coalesce(b.abstract, '') END AS excerpt,
       b.is_read, b.is_bookmarked, b.status_published = 'archived' AS is_archived, b.subtype
  FROM blogs AS b
  LEFT JOIN users AS u ON u.guid = b.owner_guid
  LEFT JOIN groups AS g ON g.guid = b.group_guid
"""

ALL_FEED = FeedQueries()
GROUP_FEED = FeedQueries("b.group_guid = :group_guid")
KIND_FEED = FeedQueries("b.subtype = :subtype")
GROUP_KIND_FEED = FeedQueries("b.group_guid = :group_guid AND b.subtype = :subtype")
FEED_ROWS_SQL = f"{_FEED_SELECT} WHERE b.rowid IN (SELECT value FROM json_each(:rowids))"
"""The shown columns, joined only for the rows of a window (found by key first)."""
_RELATED_SQL = f"""
{_FEED_SELECT}
 WHERE b.group_guid = (SELECT group_guid FROM blogs WHERE guid = :guid)
   AND b.guid <> :guid
 ORDER BY {FEED_ORDER}
 LIMIT :limit
"""


def feed_row(row: sqlite3.Row) -> FeedRow:
    return FeedRow(
        guid=row["guid"],
        title=row["title"],
        author_name=row["author_name"],
        group_guid=row["group_guid"],
        group_name=row["group_name"],
        time_published=time_from_db(row["time_published"]),
        comment_count=row["comment_count"],
        votes=row["votes"],
        excerpt=row["excerpt"],
        is_read=bool(row["is_read"]),
        is_bookmarked=bool(row["is_bookmarked"]),
        is_archived=bool(row["is_archived"]),
        subtype=row["subtype"],
    )


class FeedMixin(StoreBase):
    def feed(self, group_guid: str | None, subtype: str | None = None) -> KeysetFeed[FeedRow]:
        """The content of one group, or of all groups when `group_guid` is None;
        of one kind ("blog", "discussion", ...) when `subtype` is given."""
        params: dict[str, str] = {}
        if group_guid is not None:
            params["group_guid"] = group_guid
        if subtype is not None:
            params["subtype"] = subtype
        kinds = {None: (ALL_FEED, GROUP_FEED)}.get(subtype, (KIND_FEED, GROUP_KIND_FEED))
        return KeysetFeed(
            self._conn,
            self._path,
            queries=kinds[0] if group_guid is None else kinds[1],
            params=params,
            rows_sql=FEED_ROWS_SQL,
            make_row=feed_row,
            key_of_row=lambda row: row.guid,
        )

    def related_blogs(self, guid: str, limit: int = 4) -> list[FeedRow]:
        """The most recent other blogs of the same group."""
        rows = self._rows(_RELATED_SQL, {"guid": guid, "limit": limit})
        return [feed_row(row) for row in rows]
