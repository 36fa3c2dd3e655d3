"""Shared helpers of the API client tests (kept out of conftest so tests can import them)."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx

from pleio_tui.api import PleioClient, RetryPolicy
from pleio_tui.models import Group

FAST_RETRY = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02)
SHORT_TIMEOUT = httpx.Timeout(connect=1.0, read=2.0, write=1.0, pool=1.0)

ClientFactory = Callable[..., PleioClient]

VJ_GROUP = "Van buiten naar binnen in het ministerie van V&J"
OPEN_GROUP = "Open overheid in de praktijk"
CLOSED_GROUP = "Kring van beleidsadviseurs Omgevingswet"
SEED_TITLE = "Leren door doen; overheidsparticipatie in een energieke samenleving"


def tiptap(text: str) -> str:
    """A one-paragraph Tiptap document, as Pleio stores rich text."""
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    return json.dumps({"type": "doc", "content": [paragraph]})


async def group_named(client: PleioClient, name: str) -> Group:
    page = await client.groups(q=name, limit=5)
    [group] = [g for g in page.items if g.name == name]
    return group
