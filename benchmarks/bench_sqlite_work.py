"""The least CPU a first sync can take with this cache: the fetch floor plus
SQLite's own work on the same rows.

    python benchmarks/bench_sqlite_work.py [--blogs N]

A first sync of a local site of N generated blogs runs in a process of its own
with every statement it sends the cache recorded, parameters and all. Another
process replays those statements, in their order, into a new cache of the same
schema: its CPU is what SQLite spends on that sync's rows, indexes, word index
and transactions, without any of the client's own Python. A third replays them
into a cache whose word index is a plain table, to show what search costs.

A sync has to fetch and parse the pages (bench_scale's floor, measured in the
same run) and have SQLite store them, so the floor plus a replay is the least
any client of this cache can take. bench_scale holds the whole sync to 3x the
floor: when that sum is over 3x, no change to the client's Python meets the
target; only a cache that asks SQLite for less does.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import pickle
import resource
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import bench_scale

SQLITE_WORK_BLOGS = 100_000
_RECORD, _REPLAY = "record", "replay"

Statement = tuple[bool, str, Any]
"""(run by executemany, the SQL, its parameters)."""


def _record(url: str, session: str, cache: Path, log: Path) -> None:
    """A first sync whose statements after the cache is opened are written to `log`."""
    from pleio_tui.store import Store, connection

    statements: list[Statement] = []
    opened = False

    class RecordedConnection(connection.CacheConnection):
        def execute(self, sql: str, parameters: Any = (), /) -> Any:
            if opened:
                statements.append((False, sql, parameters))
            return super().execute(sql, parameters)

        def executemany(self, sql: str, parameters: Any, /) -> Any:
            rows = list(parameters)  # often a generator: kept, and then run
            if opened:
                statements.append((True, sql, rows))
            return super().executemany(sql, rows)

    def open_recorded(path: Path, **options: Any) -> Store:
        nonlocal opened
        store = open_store(path, **options)
        opened = True  # the schema's own statements are the replay's Store.open too
        return store

    open_store = Store.open
    connection.CacheConnection = RecordedConnection  # type: ignore[misc]
    Store.open = open_recorded  # type: ignore[assignment,method-assign]
    asyncio.run(bench_scale._first_sync(url, session, cache))
    with log.open("wb") as output:
        pickle.dump(statements, output, protocol=pickle.HIGHEST_PROTOCOL)


_PLAIN_WORD_INDEX = (
    "DROP TABLE search_index",
    "CREATE TABLE search_index (title, tags, body)",
)
"""The word index as a plain table: the same statements write it, and it keeps
the rows it is given without any of FTS5's work."""


def _replay(cache: Path, log: Path, plain_word_index: bool) -> None:
    """The recorded statements run into a new cache; prints the CPU they took."""
    from pleio_tui.store import Store

    with log.open("rb") as recorded:
        statements: list[Statement] = pickle.load(recorded)
    with Store.open(cache) as store:
        conn = store._conn
        for change in _PLAIN_WORD_INDEX if plain_word_index else ():
            conn.execute(change)
        before = resource.getrusage(resource.RUSAGE_SELF)
        for many, sql, parameters in statements:
            if many:
                conn.executemany(sql, parameters)
            else:
                conn.execute(sql, parameters).fetchall()
        after = resource.getrusage(resource.RUSAGE_SELF)
    spent = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    print(json.dumps({"cpu": spent, "statements": len(statements)}))


def _child(argv: list[str]) -> None:
    command, *rest = argv
    if command == _RECORD:
        url, session, cache, log = rest
        _record(url, session, Path(cache), Path(log))
    elif command == _REPLAY:
        cache, log, *plain = rest
        _replay(Path(cache), Path(log), plain_word_index=bool(plain))
    else:
        raise SystemExit(f"unknown command {command}")


def sqlite_work_results(work: Path, blogs: int) -> list[object]:
    """The sync, its replayed SQLite work and the fetch floor, on one site."""
    import bench_sync
    from table import Result

    size = f"{blogs:,}"
    log = work / "statements.pickle"
    with bench_sync.served_site(work / "site", blogs) as site:
        fetched = bench_scale.run_child("fetch", site.url, site.session)
        synced = bench_scale.run_child("sync", site.url, site.session, str(work / "synced.sqlite3"))
        _run(_RECORD, site.url, site.session, str(work / "recorded.sqlite3"), str(log))
    replayed = json.loads(_run(_REPLAY, str(work / "replayed.sqlite3"), str(log)))
    plain = json.loads(_run(_REPLAY, str(work / "plain.sqlite3"), str(log), "plain"))
    floor = fetched.cpu_seconds
    note = "floor: the same pages fetched and parsed, nothing kept"
    statements = f"{replayed['statements']:,} statements replayed"
    return [
        Result(
            f"first sync of {size} blogs: client CPU",
            synced.cpu_seconds,
            3.0,
            floor=floor,
            note=note,
        ),
        Result(
            f"first sync of {size} blogs at the least: the floor plus SQLite's work ({statements})",
            floor + replayed["cpu"],
            3.0,
            floor=floor,
            note=note,
        ),
        Result(
            f"the same without FTS5: the word index a plain table ({statements})",
            floor + plain["cpu"],
            3.0,
            floor=floor,
            note=note,
        ),
    ]


def _run(*argv: str) -> str:
    import subprocess

    done = subprocess.run(
        [sys.executable, __file__, *argv], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return done.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    import tempfile

    from table import text_table

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--blogs", type=int, default=SQLITE_WORK_BLOGS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pleio-bench-sqlite-") as temporary:
        results = sqlite_work_results(Path(temporary), args.blogs)
    print(text_table(results))  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in (_RECORD, _REPLAY):
        _child(sys.argv[1:])
    else:
        raise SystemExit(main())
