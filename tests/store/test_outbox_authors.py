"""Every outbox item remembers the account that wrote it: the viewer the cache
holds when it is queued; items queued before any login become the first
account's the cache learns, and stay that account's when another logs in."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pleio_tui.models import OutboxKind, User, Viewer, WaitingAuthor
from pleio_tui.store import Store
from pleio_tui.store.connection import create_private_dirs
from pleio_tui.store.migrations import MIGRATIONS, SCHEMA_VERSION
from pleio_tui.store.outbox_schema import OUTBOX_AUTHOR

ANNA = Viewer(logged_in=True, is_admin=False, user=User(guid="u-anna", name="Anna de Vries"))
BOB = Viewer(logged_in=True, is_admin=False, user=User(guid="u-bob", name="Bob Jansen"))


def test_an_item_is_the_viewers_the_cache_holds_when_it_is_queued(store: Store) -> None:
    store.save_viewer(ANNA)
    anna = store.enqueue(OutboxKind.COMMENT, "b1", body="Van Anna")
    store.save_viewer(BOB)
    bob = store.queue_vote("b1", 1)

    assert (anna.author_guid, bob.author_guid) == ("u-anna", "u-bob")
    assert store.waiting_for_others("u-bob") == [WaitingAuthor("u-anna", "Anna de Vries", 1)]
    assert store.waiting_for_others("u-anna") == [WaitingAuthor("u-bob", "Bob Jansen", 1)]


def test_items_queued_before_any_login_are_the_first_accounts(store: Store) -> None:
    early = store.enqueue(OutboxKind.COMMENT, "b1", body="Nog niemand ingelogd")
    assert early.author_guid is None

    store.save_viewer(ANNA)
    store.save_viewer(BOB)

    assert store.outbox_item(early.id).author_guid == "u-anna"  # type: ignore[union-attr]


def test_a_visitor_in_between_leaves_them_with_the_account_before(store: Store) -> None:
    store.save_viewer(ANNA)
    store.save_viewer(Viewer(logged_in=False, is_admin=False, user=None))
    item = store.enqueue(OutboxKind.COMMENT, "b1", body="Als bezoeker geschreven")
    store.save_viewer(BOB)

    # Queued with no account logged in: the first one after takes it.
    assert store.outbox_item(item.id).author_guid == "u-bob"  # type: ignore[union-attr]


def _cache_before_authors(cache_path: Path, viewer: Viewer | None) -> None:
    step = MIGRATIONS.index(OUTBOX_AUTHOR)
    Store.open(cache_path).close()  # the newest schema; the outbox taken back below
    conn = sqlite3.connect(cache_path, isolation_level=None)
    conn.execute("DROP TABLE outbox")
    conn.execute(
        "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
        " target_guid TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,"
        " score INTEGER NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
        " error_code TEXT, error_message TEXT, remote_guid TEXT, created_at INTEGER NOT NULL,"
        " updated_at INTEGER NOT NULL, draft_key TEXT, thread_guid TEXT,"
        " first_sent_at INTEGER, unconfirmed_at INTEGER, tags TEXT)"
    )
    for state in ("sending", "pending", "failed"):
        conn.execute(
            "INSERT INTO outbox (kind, target_guid, title, body, score, state, created_at,"
            " updated_at) VALUES ('comment', 'b1', '', ?, 0, ?, 1, 1)",
            (f"Een {state} reactie", state),
        )
    if viewer is not None:
        user = viewer.user
        assert user is not None
        value = {"logged_in": True, "is_admin": False, "user": {**user._asdict()}}
        conn.execute(
            "INSERT INTO site_info (key, value) VALUES ('viewer', ?)", (json.dumps(value),)
        )
    conn.execute(f"PRAGMA user_version = {step}")
    conn.close()


def test_an_older_cache_gives_its_queued_items_to_the_viewer_it_holds(cache_path: Path) -> None:
    create_private_dirs(cache_path.parent)
    _cache_before_authors(cache_path, ANNA)

    with Store.open(cache_path) as store:
        assert store._scalar("PRAGMA user_version") == SCHEMA_VERSION
        assert {item.author_guid for item in store.outbox()} == {"u-anna"}
        store.save_viewer(BOB)
        assert store.waiting_for_others("u-bob") == [
            WaitingAuthor("u-anna", "Anna de Vries", 2)  # the failed one waits for a retry
        ]


def test_an_older_cache_with_no_viewer_leaves_them_for_the_first_login(cache_path: Path) -> None:
    create_private_dirs(cache_path.parent)
    _cache_before_authors(cache_path, None)

    with Store.open(cache_path) as store:
        assert {item.author_guid for item in store.outbox()} == {None}
        store.save_viewer(BOB)
        assert {item.author_guid for item in store.outbox()} == {"u-bob"}
        assert store.waiting_for_others("u-bob") == []
