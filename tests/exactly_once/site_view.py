"""What the site holds, read as another client would, to count the effects."""

from __future__ import annotations

from typing import Any

import httpx
from sync_helpers import SEED_GROUP, SiteApi

from pleio_tui.server import LocalSite

THREAD = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  comments { guid description owner { guid } votes hasVoted
             comments { guid description owner { guid } votes hasVoted } } } } }"""
BLOG = """query($guid: String!) { entity(guid: $guid) { ... on Blog {
  guid title description tags votes hasVoted isBookmarked } } }"""
BLOGS = """query($containerGuid: String) {
  entities(subtype: "blog", containerGuid: $containerGuid, limit: 1000) {
    total edges { ... on Blog { guid title owner { guid } } } } }"""


class SiteView(SiteApi):
    """One HTTP client for all its reads and writes: a client per request costs
    more than the request on the local site."""

    def __init__(self, site: LocalSite, http: httpx.Client) -> None:
        super().__init__(site)
        self._http = http
        self._groups: dict[str, str] = {}

    def data(self, session: str, query: str, variables: dict[str, Any] | None = None) -> Any:
        response = self._http.post(
            f"{self.site.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Cookie": f"sessionid={session}"},
        )
        payload = response.json()
        assert "errors" not in payload, payload
        return payload["data"]

    def group(self, session: str) -> str:
        if session not in self._groups:
            self._groups[session] = self.group_guid(session, SEED_GROUP)
        return self._groups[session]

    def blog(self, session: str, guid: str) -> dict[str, Any]:
        return dict(self.data(session, BLOG, {"guid": guid})["entity"])

    def blogs_titled(self, session: str, title: str) -> list[str]:
        entities = self.data(session, BLOGS, {"containerGuid": None})["entities"]
        edges = entities["edges"]
        assert len(edges) == entities["total"], "more blogs than one page: page through them"
        return [edge["guid"] for edge in edges if edge.get("title") == title]

    def comments_saying(self, session: str, blog_guid: str, text: str) -> list[str]:
        comments = self.data(session, THREAD, {"guid": blog_guid})["entity"]["comments"]
        return [c["guid"] for c in comments if c["description"].strip() == text]

    def replies_saying(self, session: str, blog_guid: str, parent: str, text: str) -> list[str]:
        comments = self.data(session, THREAD, {"guid": blog_guid})["entity"]["comments"]
        replies = next(c["comments"] for c in comments if c["guid"] == parent)
        return [r["guid"] for r in replies if r["description"].strip() == text]

    def comment(self, session: str, blog_guid: str, guid: str) -> dict[str, Any] | None:
        """A comment or reply of the blog's thread as the site holds it; None when gone."""
        comments = self.data(session, THREAD, {"guid": blog_guid})["entity"]["comments"]
        for comment in comments:
            for candidate in (comment, *(comment["comments"] or [])):
                if candidate["guid"] == guid:
                    return dict(candidate)
        return None
