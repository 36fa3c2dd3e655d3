"""Two writers on one file, and a writer killed mid-transaction, never damage the cache."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

from store_factories import make_blog, make_comment, make_group

from pleio_tui.models import OutboxKind
from pleio_tui.store import Store

ROUNDS = 100


# What is tested is that concurrent writers never corrupt the file; on a loaded
# two-core machine one writer can wait for the other longer than the default.
LOADED_MACHINE_WAIT = 60.0


def _sync_worker(path: Path, errors: list[BaseException]) -> None:
    try:
        with Store.open(path, busy_timeout=LOADED_MACHINE_WAIT) as store:
            store.upsert_groups([make_group("g1", "Een"), make_group("g2", "Twee")])
            for i in range(ROUNDS):
                thread = (make_comment(f"c{i}", f"sync-{i}", i),)
                store.upsert_blogs(
                    [make_blog(f"sync-{i}", "g1", minutes=i, comments=thread)]
                    + [make_blog(f"sync-{i}-{j}", "g2", minutes=i) for j in range(5)]
                )
                store.set_watermark("blogs:g1", str(i))
    except BaseException as exc:
        errors.append(exc)


def _ui_worker(path: Path, errors: list[BaseException]) -> None:
    try:
        with Store.open(path, busy_timeout=LOADED_MACHINE_WAIT) as store:
            for i in range(ROUNDS):
                store.save_draft("comment:b1", "", f"typing {i}")
                store.enqueue(OutboxKind.VOTE, f"sync-{i}", score=1)
                store.mark_read(f"sync-{i}")
                store.feed(None).window(0, 20)
                store.search("reactie")
    except BaseException as exc:
        errors.append(exc)


def test_two_threads_with_their_own_store_write_concurrently(cache_path: Path) -> None:
    errors: list[BaseException] = []
    workers = [
        threading.Thread(target=_sync_worker, args=(cache_path, errors)),
        threading.Thread(target=_ui_worker, args=(cache_path, errors)),
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert errors == []

    with Store.open(cache_path) as store:
        assert store.integrity_problems() == []
        assert store.feed(None).count() == ROUNDS * 6
        assert len(store.outbox()) == ROUNDS
        assert store.get_watermark("blogs:g1") == str(ROUNDS - 1)
        draft = store.load_draft("comment:b1")
        assert draft is not None and draft.body == f"typing {ROUNDS - 1}"
        # A read mark made before its blog arrived is lost; the rest must be counted.
        read = sum(store.is_read(f"sync-{i}") for i in range(ROUNDS))
        counts = {row.guid: row for row in store.groups().window(0, 10)}
        assert (counts["g1"].blog_count, counts["g1"].unread_count) == (ROUNDS, ROUNDS - read)
        assert (counts["g2"].blog_count, counts["g2"].unread_count) == (ROUNDS * 5, ROUNDS * 5)
        assert store.unread_total() == ROUNDS * 6 - read
        assert len(store.search("reactie", limit=ROUNDS + 10)) == ROUNDS


_CHILD = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from store_factories import make_blog, make_group
from pleio_tui.store import Store

store = Store.open(Path(sys.argv[1]))
store.upsert_groups([make_group("g1", "Een")])
store.upsert_blogs([make_blog(f"kept-{i}", "g1", minutes=i) for i in range(10)])

def batch():
    for i in range(5000):
        if i == 2500:
            print("half", flush=True)
            time.sleep(60)
        yield make_blog(f"lost-{i}", "g1", minutes=100 + i, description="halverwege")

store.upsert_blogs(batch())
"""


def test_killed_writer_leaves_a_sound_file_without_half_a_batch(cache_path: Path) -> None:
    Store.open(cache_path).close()
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(cache_path), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "half"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL

    raw = sqlite3.connect(cache_path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()
    with Store.open(cache_path) as store:
        assert store.feed("g1").count() == 10
        assert store.blog("lost-0") is None
        assert store.search("halverwege") == []
        (row,) = store.groups().window(0, 1)
        assert (row.blog_count, row.unread_count) == (10, 10)
        assert store.integrity_problems() == []
        store.upsert_blogs([make_blog("after", "g1")])
        assert store.feed("g1").count() == 11


def _open_together(path: Path) -> list[BaseException]:
    start = threading.Barrier(2)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            start.wait()
            Store.open(path, busy_timeout=LOADED_MACHINE_WAIT).close()
        except BaseException as exc:
            errors.append(exc)

    openers = [threading.Thread(target=open_it) for _ in range(2)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(timeout=120)
    return errors


def test_two_stores_opening_a_new_file_at_the_same_moment_both_open(tmp_path: Path) -> None:
    """Both switch the new file to WAL at once; SQLite refuses one of them without
    waiting, so the store must wait and try again (this failed about one time in
    thirty before it did)."""
    for attempt in range(150):
        assert _open_together(tmp_path / f"attempt-{attempt}" / "cache.sqlite3") == []
