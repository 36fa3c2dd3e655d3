"""Two real processes replay the same outbox at once while the proxy holds every
write: only the one holding the outbox lease sends, the other says so and sends
nothing, and every kind of item has its one effect on the site."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from fault_proxy import Fault, FaultProxy
from scenarios import KINDS, World, all_sent, make_world, replay
from site_view import SiteView

from pleio_tui.store import Store

SCRIPT = Path(__file__).with_name("replay_once.py")


def start_replay(proxy: FaultProxy, me: str, cache_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), proxy.url, str(cache_path)],
        env={**os.environ, "PLEIO_TUI_SESSION": me, "PLEIO_TUI_SESSION_SITE": proxy.url},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def result(process: subprocess.Popen[str]) -> dict[str, object]:
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 0, stderr
    return dict(json.loads(stdout))


async def test_two_processes_racing_send_every_kind_once(
    proxy: FaultProxy, view: SiteView, me: str, cache_path: Path
) -> None:
    worlds: dict[str, World] = {}
    for name, kind in KINDS.items():
        # Each kind under its own blog, all in one outbox.
        world = await make_world(view, me, cache_path)
        worlds[name] = world
        if kind.before is not None:
            kind.before(world)
    await replay(proxy.url, me, cache_path)  # the votes to take back, sent
    sent_before = len(all_sent(cache_path))
    with Store.open(cache_path) as store:
        for name, kind in KINDS.items():
            kind.queue(worlds[name], store)

    proxy.delay = 0.3
    proxy.arm(Fault.HOLD)  # every write waits at the proxy: a slow site
    first = start_replay(proxy, me, cache_path)
    second = start_replay(proxy, me, cache_path)
    deadline = time.monotonic() + 30
    while proxy.writes_reaching_site == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    third = start_replay(proxy, me, cache_path)  # one more, mid-send
    results = [result(first), result(second), result(third)]
    proxy.heal()

    senders = [r for r in results if not r["busy"]]
    assert len(senders) == 1, results
    assert all(r["outcomes"] == [] for r in results if r["busy"])
    assert [outcome[1] for outcome in senders[0]["outcomes"]] == ["sent"] * len(KINDS)
    remote = list(all_sent(cache_path).values())[sent_before:]
    assert remote == [KINDS[name].check(worlds[name]) for name in KINDS]
