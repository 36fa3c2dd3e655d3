"""The outbox survives `kill -9` in the middle of sending, and never posts twice.

A real `pleio-tui sync` process replays a queued blog or comment through a
loopback proxy in front of the local site. The proxy holds one exchange and the
test SIGKILLs the sync right then:

- the write reached the site but its answer had not come back: the item is
  SENDING, the site has it; a sync right away waits (the write may still be on
  its way), a later one finds it there and sends nothing;
- the write had not reached the site: the item is SENDING, the site has none;
  a sync right away waits, a later one looks, finds nothing, and sends it once;
- nothing had gone out yet: the item is PENDING; the next sync sends it once.

The cache is per site address, so the next sync goes to the same address with
the proxy forwarding everything as it comes.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from holding_proxy import Hold, HoldingProxy
from terminal_session import xdg_env
from test_app_support import graphql

from pleio_tui.context import site_context
from pleio_tui.models import OutboxItem, OutboxKind, OutboxState
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.outbox import LOOKUP_DELAY
from pleio_tui.sync.runner import sync_site

SEED_GROUP = "Van buiten naar binnen in het ministerie van V&J"
SEED_TITLE = "Leren door doen; overheidsparticipatie in een energieke samenleving"
HOLD_TIMEOUT = 30.0

BLOGS = """query { entities(subtype: "blog", limit: 10000) {
  edges { ... on Blog { guid title } } } }"""
COMMENTS = """query($guid: String!) { entity(guid: $guid) {
  ... on Blog { comments { guid description } } } }"""


def blogs_titled(site: LocalSite, session: str, title: str) -> list[str]:
    edges = graphql(site.url, session, BLOGS)["entities"]["edges"]
    return [edge["guid"] for edge in edges if edge.get("title") == title]


def comments_saying(site: LocalSite, session: str, blog_guid: str, text: str) -> list[str]:
    comments = graphql(site.url, session, COMMENTS, guid=blog_guid)["entity"]["comments"]
    return [comment["guid"] for comment in comments if comment["description"].strip() == text]


def pleio_tui(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pleio_tui", *args],
        env={**os.environ, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def kill_sync_while_held(proxy: HoldingProxy, env: dict[str, str]) -> None:
    """Start `pleio-tui sync` and SIGKILL it once the proxy holds its exchange."""
    process = subprocess.Popen(
        [sys.executable, "-m", "pleio_tui", "sync", "--site", proxy.url],
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        held = proxy.holding.wait(HOLD_TIMEOUT)
        process.send_signal(signal.SIGKILL)
    finally:
        _, stderr = process.communicate(timeout=10)
    assert held, f"the sync never reached the held exchange: {stderr.decode(errors='replace')}"
    assert process.returncode == -signal.SIGKILL


def only_item(cache_path: Path) -> OutboxItem:
    with Store.open(cache_path) as store:
        assert store.integrity_problems() == []
        items = store.outbox()
    assert len(items) == 1, items
    return items[0]


def attempted_earlier(cache_path: Path) -> None:
    """As if the last attempt left the lookup delay ago: a write on its way has landed."""
    with sqlite3.connect(cache_path) as conn:
        conn.execute(
            "UPDATE outbox SET updated_at = updated_at - ?",
            (LOOKUP_DELAY // timedelta(microseconds=1),),
        )
    conn.close()


CASES = {
    "blog, answer lost": (OutboxKind.BLOG, Hold.WRITE_ANSWER, OutboxState.SENDING),
    "comment, answer lost": (OutboxKind.COMMENT, Hold.WRITE_ANSWER, OutboxState.SENDING),
    "blog, write never left": (OutboxKind.BLOG, Hold.WRITE_REQUEST, OutboxState.SENDING),
    "comment, write never left": (OutboxKind.COMMENT, Hold.WRITE_REQUEST, OutboxState.SENDING),
    "comment, nothing sent yet": (OutboxKind.COMMENT, Hold.FIRST_REQUEST, OutboxState.PENDING),
}


@pytest.mark.parametrize("case", sorted(CASES))
async def test_a_sync_killed_mid_send_posts_exactly_once(
    case: str,
    demo_site: LocalSite,
    hadewych: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kind, hold, state_after_kill = CASES[case]
    env = {**xdg_env(tmp_path), "PLEIO_TUI_SESSION": hadewych}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    text = f"Verstuurd tijdens een kill {uuid.uuid4().hex[:8]}"
    seed_guid = blogs_titled(demo_site, hadewych, SEED_TITLE)[0]

    def on_site() -> list[str]:
        if kind == OutboxKind.BLOG:
            return blogs_titled(demo_site, hadewych, text)
        return comments_saying(demo_site, hadewych, seed_guid, text)

    with HoldingProxy(demo_site.url) as proxy:
        env["PLEIO_TUI_SESSION_SITE"] = proxy.url  # the site every command talks to
        cache_path = site_context(proxy.url, read_keyring=False).cache_path
        assert (await sync_site(proxy.url, hadewych, cache_path)).completed
        if kind == OutboxKind.BLOG:
            queued = pleio_tui(
                "--offline", "post", "--site", proxy.url, "--group", SEED_GROUP,
                "--title", text, "-", env=env, stdin=f"{text}\n",
            )  # fmt: skip
            assert queued.returncode == 0, queued.stderr
        else:
            with Store.open(cache_path) as store:
                store.enqueue(OutboxKind.COMMENT, seed_guid, body=text, draft_key="comment:x")

        proxy.arm(hold)
        kill_sync_while_held(proxy, env)

        item = only_item(cache_path)
        assert item.state == state_after_kill
        reached_site = hold == Hold.WRITE_ANSWER
        assert len(on_site()) == (1 if reached_site else 0)

        proxy.release()
        if item.state == OutboxState.SENDING:
            # Right after the kill the write may still be on its way to the site:
            # the next sync neither looks it up nor sends it yet.
            soon = pleio_tui("sync", "--site", proxy.url, env=env)
            assert soon.returncode == 0, soon.stderr
            assert only_item(cache_path).state == OutboxState.SENDING
            assert proxy.writes_reaching_site == (1 if reached_site else 0)
            attempted_earlier(cache_path)  # as if the next sync came later
        again = pleio_tui("sync", "--site", proxy.url, env=env)
        assert again.returncode == 0, again.stderr
        assert "Traceback" not in again.stderr

        guids = on_site()
        assert len(guids) == 1, f"{len(guids)} copies on the site"
        assert proxy.writes_reaching_site == 1
        item = only_item(cache_path)
        assert item.state == OutboxState.SENT
        assert item.remote_guid == guids[0]
