"""What `--demo-items N` puts on the site: N items of every kind in a busy group's
mix, each with what its kind has, the same every time."""

from __future__ import annotations

from collections import Counter
from typing import Any

import httpx
from site_graphql import GraphQL

from fixtures_site import SiteFactory
from pleio_tui.server.demo_generated import GROUP_NAME

COUNT = 300
KINDS = {
    "Blog",
    "Discussion",
    "Question",
    "News",
    "Event",
    "Wiki",
    "StatusUpdate",
    "File",
    "Folder",
}
EVERYTHING = """
query($offset: Int) {
  entities(subtypes: ["blog", "discussion", "question", "news", "event", "wiki",
                      "statusupdate", "file", "folder"],
           limit: 100, offset: $offset, orderBy: timePublished) {
    total
    edges {
      __typename
      ... on Blog { guid title group { name } }
      ... on Discussion { guid title commentCount group { name } }
      ... on Question { guid title isClosed comments { isBestAnswer } }
      ... on News { guid title }
      ... on Event { guid title startDate endDate location group { name } }
      ... on Wiki { guid title parent { guid } }
      ... on StatusUpdate { guid description }
      ... on File { guid title size mimeType download parentFolder { guid } }
      ... on Folder { guid title }
    }
  }
}
"""


def everything(site_factory: SiteFactory) -> tuple[str, str, list[dict[str, Any]]]:
    site = site_factory(demo_items=COUNT)
    api = GraphQL(site)
    session = site.login("hadewych")
    items: list[dict[str, Any]] = []
    while len(items) < COUNT:
        page = api.data(EVERYTHING, {"offset": len(items)}, session)["entities"]
        assert page["total"] == COUNT
        items += page["edges"]
    api.close()
    return site.url, session, items


def test_every_kind_in_a_busy_groups_mix(site_factory: SiteFactory) -> None:
    url, session, items = everything(site_factory)
    kinds = Counter(item["__typename"] for item in items)
    assert set(kinds) == KINDS
    # Mostly blogs, discussions and questions; no kind is most of the site.
    assert kinds["Blog"] + kinds["Discussion"] + kinds["Question"] > COUNT // 2
    assert max(kinds.values()) < COUNT // 2
    for item in items:
        kind = item["__typename"]
        if kind in ("Blog", "Discussion", "Event"):
            assert item["group"] == {"name": GROUP_NAME}
        if kind == "Event":
            assert item["startDate"] < item["endDate"] and item["location"]
        if kind == "StatusUpdate":
            assert item["description"]
    guids = {item["guid"]: item["__typename"] for item in items}
    children = [item for item in items if item["__typename"] == "Wiki" and item["parent"]]
    assert children and all(guids[page["parent"]["guid"]] == "Wiki" for page in children)
    filed = [item for item in items if item["__typename"] == "File" and item["parentFolder"]]
    assert filed and all(guids[f["parentFolder"]["guid"]] == "Folder" for f in filed)
    answered = [
        item
        for item in items
        if item["__typename"] == "Question" and any(c["isBestAnswer"] for c in item["comments"])
    ]
    assert answered
    some_file = filed[0]
    downloaded = httpx.get(
        f"{url}{some_file['download']}", cookies={"sessionid": session}, timeout=10
    )
    assert downloaded.status_code == 200
    assert len(downloaded.content) == some_file["size"]
    assert downloaded.content.decode().startswith(some_file["title"])


def test_the_same_items_every_time(site_factory: SiteFactory) -> None:
    def shape(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
        return [(item["__typename"], item.get("title", "")) for item in items]

    assert shape(everything(site_factory)[2]) == shape(everything(site_factory)[2])
