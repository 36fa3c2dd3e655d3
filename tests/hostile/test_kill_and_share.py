"""Nothing written is lost to a hard kill, and two instances share a cache safely.

- The real app runs in tmux; a comment is typed, a second passes (the draft is
  saved while typing), the process gets SIGKILL: the draft is in the cache, and
  the next start offers it again in the composer.
- Two Stores on one cache file write at once without damage, and a cache held
  locked by another process gives the user's words, not a sqlite traceback.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from terminal_session import TerminalSession, xdg_env

from pleio_tui.context import site_context
from pleio_tui.models import OutboxKind
from pleio_tui.server import LocalSite
from pleio_tui.store import CacheBusyError, Store
from pleio_tui.tui.failures import error_code
from pleio_tui.tui.i18n import Strings

SEED_TITLE = "Leren door doen"
NEWEST_TITLE = "Werksessie: participatie"
"""The newest item of the demo (an event): the seed blog is further down."""
TYPED = "Half geschreven in de trein"


def open_seed_blog(session: TerminalSession) -> None:
    session.wait_for(NEWEST_TITLE)  # the first sync filled the feed
    session.keys("/")
    session.wait_for("Zoek")
    session.type("energieke samenleving")
    session.keys("Down")
    time.sleep(0.3)
    session.keys("Enter")
    session.wait_for("Door Hadewych in de groep")


def test_a_draft_survives_kill_9_while_typing(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {
        **xdg_env(tmp_path),
        "PLEIO_TUI_SESSION": hadewych,
        "PLEIO_TUI_SESSION_SITE": demo_site.url,
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    cache_path = site_context(demo_site.url, read_keyring=False).cache_path

    session = TerminalSession(["--site", demo_site.url], env)
    try:
        open_seed_blog(session)
        session.keys("c")
        session.wait_for("Reactie op")
        session.type(TYPED)
        session.wait_for(TYPED)
        time.sleep(1.2)  # more than the draft's save delay
        session.kill_hard()
    finally:
        session.close()

    with Store.open(cache_path) as store:
        assert store.integrity_problems() == []
        drafts = store.drafts()
        assert [draft.body for draft in drafts] == [TYPED]
        assert drafts[0].key.startswith("comment:")
        assert store.outbox() == []  # typed, never sent: nothing queued by itself

    again = TerminalSession(["--site", demo_site.url], env)
    try:
        open_seed_blog(again)
        again.keys("c")
        again.wait_for(TYPED)  # the composer opens on the saved draft
    finally:
        again.close()


def test_two_stores_write_at_once_and_a_locked_cache_is_explained(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    with Store.open(path) as first, Store.open(path) as second:
        for number in range(50):
            first.save_draft(f"comment:a{number}", "", f"een {number}")
            second.enqueue(OutboxKind.COMMENT, f"b{number}", body=f"twee {number}")
        assert len(second.drafts()) == 50 and len(first.outbox()) == 50

    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a sync
    try:
        with Store.open(path, busy_timeout=0.2) as store, pytest.raises(CacheBusyError) as caught:
            store.save_draft("comment:x", "", "bezet")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked by another pleio-tui process" in str(caught.value)
    assert Strings("nl").error(error_code(caught.value)) == (
        "De cache is bezet door een ander pleio-tui-proces."
    )
    with Store.open(path) as store:
        assert store.integrity_problems() == []
