"""Talking GraphQL to the started local site over real HTTP, for the server tests."""

from __future__ import annotations

from typing import Any

import httpx

from pleio_tui.server import LocalSite

SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"
OPEN_GROUP = "Open overheid in de praktijk"
CLOSED_GROUP = "Kring van beleidsadviseurs Omgevingswet"
SEED_BLOG = "Leren door doen; overheidsparticipatie in een energieke samenleving"


class GraphQL:
    def __init__(self, site: LocalSite) -> None:
        self.site = site
        self.client = httpx.Client(base_url=site.url, timeout=10)

    def post(
        self, query: str, variables: dict[str, Any] | None = None, session: str | None = None
    ) -> httpx.Response:
        # Sent by hand, as the client does: the cookie is the whole credential.
        headers = {"cookie": f"sessionid={session}"} if session else None
        body: dict[str, Any] = {"query": query}
        if variables is not None:
            body["variables"] = variables
        return self.client.post("/graphql", json=body, headers=headers)

    def data(
        self, query: str, variables: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        """The `data` of an answer that must have no errors."""
        response = self.post(query, variables, session)
        payload = response.json()
        assert response.status_code == 200, payload
        assert "errors" not in payload, payload["errors"]
        return payload["data"]

    def error(
        self, query: str, variables: dict[str, Any] | None = None, session: str | None = None
    ) -> str:
        """The error code of an answer that must fail in a resolver (HTTP 200)."""
        response = self.post(query, variables, session)
        payload = response.json()
        assert response.status_code == 200, payload
        assert payload.get("errors"), payload
        return str(payload["errors"][0]["message"])

    def close(self) -> None:
        self.client.close()

    def group_guid(self, name: str) -> str:
        edges = self.data(
            "query($q: String) { groups(q: $q) { edges { guid name } } }", {"q": name}
        )
        return next(g["guid"] for g in edges["groups"]["edges"] if g["name"] == name)

    def user_guid(self, login: str) -> str:
        """The guid of the demo user who logs in as `login`."""
        viewer = self.data("{ viewer { user { guid } } }", session=self.site.login(login))
        return str(viewer["viewer"]["user"]["guid"])

    def blog_guid(self, title: str, session: str) -> str:
        query = '{ entities(subtype: "blog", limit: 100) { edges { guid ... on Blog { title } } } }'
        edges = self.data(query, session=session)["entities"]["edges"]
        return next(b["guid"] for b in edges if b["title"] == title)

    def blog_guid_in_closed_group(self) -> str:
        """A blog of the closed group, found through one of its members."""
        member = self.site.login("fatima")
        query = (
            'query($g: String) { entities(subtype: "blog", containerGuid: $g) { edges { guid } } }'
        )
        edges = self.data(query, {"g": self.group_guid(CLOSED_GROUP)}, member)["entities"]["edges"]
        return str(edges[0]["guid"])
