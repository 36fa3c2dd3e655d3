"""Every kind of outbox item, under every way a write's answer can go wrong,
leaves exactly its one intended effect on the site, and no item is lost.

The fault proxy spoils the first write of the replay. Then: a second replay on
the still-troubled network sends nothing (the item is unconfirmed: looked up
first, and not before the lost write could have landed); once the network is
healthy a final replay settles every item as SENT with the site's guid.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fault_proxy import Fault, FaultProxy
from scenarios import KINDS, all_sent, make_world, replay, states
from site_view import SiteView

from pleio_tui.models import OutboxState
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult

FAULTS = [
    Fault.DROP_ANSWER,
    Fault.DELAY,
    Fault.BAD_GATEWAY,
    Fault.RESET_MID_BODY,
    Fault.HTML_200,
    Fault.HTML_401,
    Fault.CLOSE_BEFORE_FORWARD,
    Fault.UNKNOWN_READ_ERRORS,
]
NOW = timedelta(0)


@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("fault", FAULTS, ids=[fault.value for fault in FAULTS])
async def test_one_effect_under_every_fault(
    kind: str, fault: Fault, proxy: FaultProxy, view: SiteView, me: str, cache_path: Path
) -> None:
    scenario = KINDS[kind]
    world = await make_world(view, me, cache_path)
    if scenario.before is not None:
        scenario.before(world)
        await replay(proxy.url, me, cache_path, healthy=True)
        all_sent(cache_path)
    with Store.open(cache_path) as store:
        scenario.queue(world, store)
    proxy.delay = 1.5  # past the client's whole-answer timeout of 1 s

    proxy.arm(fault)
    first, _ = await replay(proxy.url, me, cache_path)
    assert [outcome.result for outcome in first] == [OutboxResult.WAITING]
    assert states(cache_path)[-1] == OutboxState.SENDING  # unconfirmed, never pending

    writes = proxy.writes_reaching_site
    # Lookups that fail say nothing; a write that may still land is not looked up yet.
    delay = NOW if fault == Fault.UNKNOWN_READ_ERRORS else timedelta(seconds=10)
    second, _ = await replay(proxy.url, me, cache_path, lookup_delay=delay)
    assert [outcome.result for outcome in second] == [OutboxResult.WAITING]
    assert proxy.writes_reaching_site == writes
    assert states(cache_path)[-1] == OutboxState.SENDING

    proxy.heal()
    final, _ = await replay(proxy.url, me, cache_path, lookup_delay=NOW, healthy=True)
    assert [outcome.result for outcome in final][-1] in (OutboxResult.FOUND, OutboxResult.SENT)
    remote = scenario.check(world)
    assert list(all_sent(cache_path).values())[-1] == remote
