"""Peak memory of the app reading a cache, in a process of its own.

`peak_megabytes(cache)` starts a small launcher process, which runs the work in
a child and reports `getrusage(RUSAGE_CHILDREN).ru_maxrss`: the child's peak
resident size alone. (Linux carries the peak of the process that forks across
exec, so the benchmark's own memory would be counted if it were the parent.)
The work opens the app headless on the cache, pages through the feed to its
end, opens a post and searches.
"""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

PAGES = 60
_LAUNCH = "--launch"


def peak_megabytes(cache: Path) -> float:
    """The work's peak resident set size, in MB (10^6 bytes)."""
    launcher = subprocess.run(
        [sys.executable, __file__, _LAUNCH, str(cache)],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(launcher.stdout.split()[-1]) * 1024 / 1e6  # Linux reports kilobytes


def _launch(cache: str) -> None:
    """In the launcher, which imports nothing heavy: run the work, report its peak."""
    subprocess.run([sys.executable, __file__, cache], check=True)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def _work(cache: Path) -> None:
    import asyncio
    import tempfile

    sys.path.insert(0, str(Path(__file__).parent))
    from bench_app import run_in_app
    from synthetic import STOPWORD, WORDS

    from pleio_tui.tui.app import PleioApp

    async def read_everything(app: PleioApp) -> float:
        feed = app.main.feed.row_list
        app.main.activate(app.main.feed)
        feed.focus()
        for _ in range(PAGES):
            await app._check_bindings("pagedown")
            await asyncio.sleep(0)
        await app._check_bindings("end")
        await asyncio.sleep(0.02)
        row = feed.highlighted_row
        if row is not None:
            app.open_post(row.guid)
        if app.store is not None:
            for query in (STOPWORD, WORDS[200][:3], WORDS[1000]):
                app.store.search(query)
        await asyncio.sleep(0.05)
        return 0.0

    with tempfile.TemporaryDirectory(prefix="pleio-bench-home-") as home:
        run_in_app(cache, Path(home), read_everything)


if __name__ == "__main__":
    if sys.argv[1] == _LAUNCH:
        _launch(sys.argv[2])
    else:
        _work(Path(sys.argv[1]))
