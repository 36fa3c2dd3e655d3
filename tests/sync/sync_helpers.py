"""Running the sync against the local site, and changing the site behind its back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from pleio_tui.api import PleioClient, RetryPolicy
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync import OutboxOutcome, OutboxReplayer, SyncEngine, SyncReport
from pleio_tui.sync.reconcile import RECONCILED

FAST_RETRY = RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.02)
SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"
OPEN_GROUP = "Open overheid in de praktijk"
SEED_BLOG = "Leren door doen; overheidsparticipatie in een energieke samenleving"


async def run_sync(
    site_url: str, session: str, cache_path: Path, http: httpx.AsyncClient | None = None
) -> SyncReport:
    async with PleioClient(site_url, session, retry=FAST_RETRY, http=http) as client:
        with Store.open(cache_path) as store:
            return await SyncEngine(client, store).run()


async def replay(site_url: str, session: str, cache_path: Path) -> list[OutboxOutcome]:
    async with PleioClient(site_url, session, retry=FAST_RETRY) as client:
        with Store.open(cache_path) as store:
            return await OutboxReplayer(client, store).replay()


REPLAY_ONCE = Path(__file__).resolve().parent.parent / "exactly_once" / "replay_once.py"


def replay_elsewhere(site_url: str, session: str, cache_path: Path) -> list[list[Any]]:
    """One replay by a process of its own, which then ends (an earlier `pleio-tui
    sync`): this process has not seen its attempts. Each outcome as [id, result]."""
    env = {**os.environ, "PLEIO_TUI_SESSION": session}
    done = subprocess.run(
        [sys.executable, str(REPLAY_ONCE), site_url, str(cache_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    outcomes: list[list[Any]] = json.loads(done.stdout)["outcomes"]
    return outcomes


def age_last_reconcile(cache_path: Path, days: int = 2) -> None:
    """As if the last listing of every guid ran `days` ago: the next sync lists again."""
    with Store.open(cache_path) as store:
        then = datetime.now(UTC) - timedelta(days=days)
        store.set_watermark(RECONCILED, then.isoformat())


def tiptap(text: str) -> str:
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    return json.dumps({"type": "doc", "content": [paragraph]})


class SiteApi:
    """GraphQL over plain HTTP, as another client of the site would send it."""

    def __init__(self, site: LocalSite) -> None:
        self.site = site

    def data(self, session: str, query: str, variables: dict[str, Any] | None = None) -> Any:
        response = httpx.post(
            f"{self.site.url}/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Cookie": f"sessionid={session}"},
            timeout=10,
        )
        payload = response.json()
        assert "errors" not in payload, payload
        return payload["data"]

    def group_guid(self, session: str, name: str) -> str:
        data = self.data(
            session, "query($q: String) { groups(q: $q) { edges { guid name } } }", {"q": name}
        )
        return next(g["guid"] for g in data["groups"]["edges"] if g["name"] == name)

    def blogs(self, session: str) -> list[dict[str, Any]]:
        """Every blog the user can read: guid, title, commentCount."""
        data = self.data(
            session,
            """query { entities(subtype: "blog", limit: 10000) {
                 edges { ... on Blog { guid title commentCount } } } }""",
        )
        return list(data["entities"]["edges"])

    def blog_guid(self, session: str, title: str) -> str:
        return next(blog["guid"] for blog in self.blogs(session) if blog["title"] == title)

    def count_titled(self, session: str, title: str) -> int:
        return sum(1 for blog in self.blogs(session) if blog["title"] == title)

    def add_blog(self, session: str, group_guid: str, title: str, text: str) -> str:
        data = self.data(
            session,
            """mutation($input: addEntityInput!) { addEntity(input: $input) {
                 entity { guid } } }""",
            {
                "input": {
                    "subtype": "blog",
                    "containerGuid": group_guid,
                    "title": title,
                    "richDescription": tiptap(text),
                    "accessId": 1,
                    "writeAccessId": 0,
                }
            },
        )
        return str(data["addEntity"]["entity"]["guid"])

    def edit_title(self, session: str, guid: str, title: str) -> None:
        self.data(
            session,
            "mutation($input: editEntityInput!) { editEntity(input: $input) { entity { guid } } }",
            {"input": {"guid": guid, "title": title}},
        )

    def add_comment(self, session: str, container_guid: str, text: str) -> str:
        data = self.data(
            session,
            """mutation($input: addEntityInput!) { addEntity(input: $input) {
                 entity { guid } } }""",
            {
                "input": {
                    "subtype": "comment",
                    "containerGuid": container_guid,
                    "richDescription": tiptap(text),
                }
            },
        )
        return str(data["addEntity"]["entity"]["guid"])

    def delete(self, session: str, guid: str) -> None:
        data = self.data(
            session,
            "mutation($input: deleteEntityInput!) { deleteEntity(input: $input) { success } }",
            {"input": {"guid": guid}},
        )
        assert data["deleteEntity"]["success"] is True
