"""The cache file itself: where it goes, who may read it, and what happens when it is bad."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

import pytest
from store_factories import make_blog

from pleio_tui.models import OutboxKind
from pleio_tui.store import CacheBusyError, CacheCorruptError, NewerSchemaError, Store
from pleio_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_and_directories_are_private(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "cache.sqlite3"
    with Store.open(path) as store:
        store.upsert_blogs([make_blog("b1")])
        assert _mode(path) == 0o600
        assert _mode(path.parent) == 0o700
        assert _mode(path.parent.parent) == 0o700
        wal = path.with_name(path.name + "-wal")
        assert wal.exists() and _mode(wal) == 0o600


def test_existing_file_is_tightened_to_0600(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    Store.open(path).close()
    path.chmod(0o644)
    Store.open(path).close()
    assert _mode(path) == 0o600


def test_wal_and_settings(store: Store, cache_path: Path) -> None:
    conn = sqlite3.connect(cache_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    own = store._conn
    assert own.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert own.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_what_the_user_wrote_is_on_the_disk_at_commit_and_site_rows_are_not_waited_for(
    store: Store,
) -> None:
    """A power cut may take back NORMAL commits: never a queued item, its draft
    or an outbox state (a "sending" mark lost after the request left would send
    it again); rows the site sends again may wait for the next sync."""
    store.upsert_blogs([make_blog("b1")])
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    item = store.enqueue(OutboxKind.COMMENT, "b1", body="Een reactie")
    store.save_draft("comment:b1", "", "Nog een")
    assert store.take_outbox_lease()
    store.mark_sending(item.id)
    store.release_outbox_lease()
    store.upsert_blogs([make_blog("b2")])
    store.set_watermark("last_sync", "2026-11-29T00:00:00+00:00")
    store._conn.set_trace_callback(None)
    before_each_begin = [seen[i - 1] for i, sql in enumerate(seen) if sql == "BEGIN IMMEDIATE"]
    assert before_each_begin == [
        "PRAGMA synchronous = FULL",
        "PRAGMA synchronous = FULL",
        "PRAGMA synchronous = FULL",
        "PRAGMA synchronous = NORMAL",
        "PRAGMA synchronous = NORMAL",
    ]


def test_migrations_run_on_an_empty_file_and_reopen_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.touch(mode=0o600)
    with Store.open(path) as store:
        store.upsert_blogs([make_blog("b1")])
        store.set_watermark("k", "v")
    schema_before = _schema(path)
    for _ in range(2):
        with Store.open(path) as store:
            assert store.get_watermark("k") == "v"
            assert store.feed(None).count() == 1
            assert store.integrity_problems() == []
    assert _schema(path) == schema_before


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    finally:
        conn.close()


def test_file_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerSchemaError, match="newer pleio-tui"):
        Store.open(path)


def test_corrupt_file_raises_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    garbage = b"this is not a database, just some text that ended up here\n" * 200
    path.write_bytes(garbage)
    with pytest.raises(CacheCorruptError) as raised:
        Store.open(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == garbage
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.sqlite3"]


def test_damaged_pages_raise_corrupt_error(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with Store.open(path) as store:
        store.upsert_blogs(make_blog(f"b{i}", description="tekst " * 50) for i in range(200))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Overwrite every page after the first (schema page) with junk.
    for offset in range(page_size, len(data), page_size):
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()

    with pytest.raises(CacheCorruptError), Store.open(path) as store:
        store.feed(None).window(0, 500)
        store.search("tekst")
        store.upsert_blogs([make_blog("new")])
    assert path.read_bytes() == damaged


def test_write_lock_held_elsewhere_raises_busy(cache_path: Path) -> None:
    Store.open(cache_path).close()
    holder = sqlite3.connect(cache_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with Store.open(cache_path, busy_timeout=0.2) as store:
            # Reading goes on while another process writes (WAL).
            assert store.feed(None).count() == 0
            with pytest.raises(CacheBusyError, match="locked by another"):
                store.save_draft("k", "", "tekst")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_site_path_is_one_safe_file_per_site(tmp_path: Path) -> None:
    one = Store.site_path(tmp_path, "https://gemeente.pleio.nl")
    same = Store.site_path(tmp_path, "https://Gemeente.pleio.nl/")
    other_port = Store.site_path(tmp_path, "http://127.0.0.1:8765")
    hostile = Store.site_path(tmp_path, "https://../../etc/passwd")
    assert one == same
    assert one != other_port
    assert one.parent == tmp_path / "sites"
    assert one.name.startswith("gemeente.pleio.nl")
    assert "8765" in other_port.name
    assert hostile.parent == tmp_path / "sites" and "/" not in hostile.name


def test_an_older_cache_is_announced_before_it_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in (s for step in MIGRATIONS[:5] for s in step):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 5")
    conn.close()
    said: list[int] = []

    def announce() -> None:
        said.append(sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0])

    Store.open(path, on_upgrade=announce).close()
    assert said == [5]  # once, before anything changed
    Store.open(path, on_upgrade=announce).close()
    Store.open(tmp_path / "new.sqlite3", on_upgrade=announce).close()
    assert said == [5]  # neither an up-to-date nor a new file is announced
