"""Storage faults on a real cache file become typed StoreErrors that name the file
and say what to do; what failed is not half-written, and writing works again once
the cause is gone."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from store_factories import make_blog

from cache_faults import (
    WriteLockHolder,
    can_make_read_only,
    damage_pages,
    fill_disk,
    free_disk,
    read_only_folder,
)
from pleio_tui.store import (
    CacheBusyError,
    CacheCorruptError,
    CacheFullError,
    CacheIOError,
    CacheOpenError,
    CacheReadOnlyError,
    CacheReplacedError,
    Store,
    StoreError,
)
from pleio_tui.store.errors import file_error

LONG_TEXT = "Een zin die de schijf vult. " * 1200  # more than a page holds


def test_disk_full_is_named_and_nothing_is_half_written(store: Store, cache_path: Path) -> None:
    store.save_draft("comment:b1", "", "eerste versie")
    fill_disk(store._conn)
    with pytest.raises(CacheFullError) as raised:
        store.save_draft("comment:b1", "", LONG_TEXT)
    message = str(raised.value)
    assert str(cache_path) in message and "full" in message and "free some space" in message
    draft = store.load_draft("comment:b1")
    assert draft is not None and draft.body == "eerste versie"

    free_disk(store._conn)
    store.save_draft("comment:b1", "", LONG_TEXT)
    draft = store.load_draft("comment:b1")
    assert draft is not None and draft.body == LONG_TEXT


def test_read_only_connection_is_named(store: Store, cache_path: Path) -> None:
    """`PRAGMA query_only` makes SQLite answer SQLITE_READONLY as for a read-only
    file, whoever runs the test."""
    store._conn.execute("PRAGMA query_only = ON")
    with pytest.raises(CacheReadOnlyError, match="read-only") as raised:
        store.save_draft("k", "", "tekst")
    assert str(cache_path) in str(raised.value)
    assert store.feed(None).count() == 0  # reading goes on


@pytest.mark.skipif(can_make_read_only() is None, reason="neither chattr (root) nor chmod works")
def test_read_only_folder_is_named_at_open_and_on_write(tmp_path: Path) -> None:
    """A real read-only folder: immutable (`chattr +i`) as root, chmod otherwise."""
    folder = tmp_path / "sites"
    path = folder / "site.sqlite3"
    with Store.open(path) as store:
        store.upsert_blogs([make_blog("b1")])
    with read_only_folder(folder):
        with (
            pytest.raises((CacheReadOnlyError, CacheOpenError)) as raised,
            Store.open(path) as store,
        ):
            store.save_draft("k", "", "tekst")
        assert str(path) in str(raised.value)
        with pytest.raises((CacheReadOnlyError, CacheOpenError)):
            Store.open(folder / "new.sqlite3")
    with Store.open(path) as store:
        store.save_draft("k", "", "tekst")


def test_a_folder_that_is_a_file_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "sites").write_text("not a folder")
    with pytest.raises(CacheOpenError) as raised:
        Store.open(tmp_path / "sites" / "site.sqlite3")
    assert "site.sqlite3" in str(raised.value) and "cannot be opened" in str(raised.value)


def test_damaged_pages_in_the_middle_are_named(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with Store.open(path) as store:
        store.upsert_blogs(make_blog(f"b{i}", description="tekst " * 80) for i in range(150))
    damage_pages(path)
    with pytest.raises(CacheCorruptError) as raised, Store.open(path) as store:
        store.feed(None).window(0, 200)
        store.blog("b75")
        store.search("tekst")
    assert str(path) in str(raised.value) and "move it aside" in str(raised.value)


def test_deleted_cache_is_detected_before_a_write(store: Store, cache_path: Path) -> None:
    store.save_draft("k", "", "voor")
    cache_path.unlink()
    assert not store.is_same_file()
    with pytest.raises(CacheReplacedError) as raised:
        store.save_draft("k", "", "na")
    assert str(cache_path) in str(raised.value) and "deleted or replaced" in str(raised.value)
    assert store.load_draft("k") is not None  # what was open can still be read


def test_replaced_cache_is_detected_before_a_write(store: Store, cache_path: Path) -> None:
    store.save_draft("k", "", "voor")
    os.replace(cache_path, cache_path.with_name("aside.sqlite3"))
    Store.open(cache_path).close()  # another file now has the name
    with pytest.raises(CacheReplacedError):
        store.save_draft("k", "", "na")
    with Store.open(cache_path) as fresh:
        assert fresh.load_draft("k") is None


def test_write_lock_held_by_another_process_is_named(cache_path: Path) -> None:
    Store.open(cache_path).close()
    with WriteLockHolder(cache_path) as holder, Store.open(cache_path, busy_timeout=0.2) as store:
        assert store.feed(None).count() == 0
        with pytest.raises(CacheBusyError, match="locked by another"):
            store.save_draft("k", "", "tekst")
        holder.release()
        store.save_draft("k", "", "tekst")


def test_every_file_fault_is_a_store_error_and_a_wrong_statement_is_not(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    texts = {
        "database or disk is full": CacheFullError,
        "attempt to write a readonly database": CacheReadOnlyError,
        "unable to open database file": CacheOpenError,
        "disk I/O error": CacheIOError,
        "database disk image is malformed": CacheCorruptError,
        "database is locked": CacheBusyError,
    }
    for text, kind in texts.items():
        translated = file_error(path, sqlite3.OperationalError(text))
        assert isinstance(translated, kind) and isinstance(translated, StoreError)
        assert str(path) in str(translated)
    assert file_error(path, sqlite3.OperationalError("near 'SELEC': syntax error")) is None
