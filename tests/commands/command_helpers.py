"""Running commands in-process as the command line would, and asking the site."""

from __future__ import annotations

import json
from typing import Any

import httpx

from pleio_tui.cli import main
from pleio_tui.server import LocalSite

SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"


def cli(*argv: str) -> int:
    return main(list(argv))


def graphql(
    site: LocalSite, session: str, query: str, variables: dict[str, Any] | None = None
) -> Any:
    response = httpx.post(
        f"{site.url}/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"Cookie": f"sessionid={session}"},
        timeout=10,
    )
    payload = response.json()
    assert "errors" not in payload, payload
    return payload["data"]


def count_titled(site: LocalSite, session: str, title: str) -> int:
    data = graphql(
        site,
        session,
        'query { entities(subtype: "blog", limit: 1000) { edges { ... on Blog { title } } } }',
    )
    return sum(1 for blog in data["entities"]["edges"] if blog["title"] == title)


def add_blog(site: LocalSite, session: str, group_name: str, title: str, text: str) -> str:
    groups = graphql(site, session, "query { groups(limit: 100) { edges { guid name } } }")
    group = next(g["guid"] for g in groups["groups"]["edges"] if g["name"] == group_name)
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    data = graphql(
        site,
        session,
        "mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }",
        {
            "input": {
                "subtype": "blog",
                "containerGuid": group,
                "title": title,
                "richDescription": json.dumps({"type": "doc", "content": [paragraph]}),
                "accessId": 1,
                "writeAccessId": 0,
            }
        },
    )
    return str(data["addEntity"]["entity"]["guid"])
