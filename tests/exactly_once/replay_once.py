"""Run one outbox replay against a cache, as a separate process would; prints
what it did as JSON: whether another sender held the outbox, and each outcome.

    python replay_once.py SITE_URL CACHE_PATH   (the session in PLEIO_TUI_SESSION)
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from pleio_tui.api import PleioClient
from pleio_tui.store import Store
from pleio_tui.sync import OutboxReplayer


async def main(site_url: str, cache_path: Path) -> dict[str, object]:
    async with PleioClient(site_url, os.environ["PLEIO_TUI_SESSION"]) as client:
        with Store.open(cache_path) as store:
            replayer = OutboxReplayer(client, store)
            outcomes = await replayer.replay()
    return {
        "busy": replayer.busy,
        "outcomes": [[outcome.item_id, outcome.result.value] for outcome in outcomes],
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], Path(sys.argv[2])))))
