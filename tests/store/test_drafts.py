"""Drafts are saved while typing and come back after a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from pleio_tui.store import Store


def test_draft_upsert_and_reload(store: Store, cache_path: Path) -> None:
    before = datetime.now(UTC)
    store.save_draft("comment:b1", "", "Eerst")
    store.save_draft("comment:b1", "", "Eerst, dan meer")
    store.save_draft("post:g1", "Titel", "Lange tekst\nmet regels")
    store.close()

    with Store.open(cache_path) as reopened:
        draft = reopened.load_draft("comment:b1")
        assert draft is not None
        assert (draft.key, draft.title, draft.body) == ("comment:b1", "", "Eerst, dan meer")
        assert before - timedelta(seconds=1) <= draft.updated_at <= datetime.now(UTC)
        assert [d.key for d in reopened.drafts()] == ["post:g1", "comment:b1"]
        reopened.delete_draft("comment:b1")
        reopened.delete_draft("never-saved")
        assert reopened.load_draft("comment:b1") is None
        assert [d.key for d in reopened.drafts()] == ["post:g1"]
