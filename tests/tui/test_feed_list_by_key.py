"""The feed list over the real cache: the last blog at once, and the highlighted
blog kept when a sync writes newer blogs above it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.text import Text
from textual.app import App, ComposeResult

from pleio_tui.models import Blog, FeedRow, User
from pleio_tui.store import Store
from pleio_tui.tui.widgets.row_list import RowList

SIZE = (80, 24)
START = datetime(2025, 1, 1, tzinfo=UTC)


def blog(guid: str, minutes: int) -> Blog:
    return Blog(
        guid=guid,
        title=f"Titel {guid}",
        time_published=START + timedelta(minutes=minutes),
        group_guid="group-1",
        owner=User(guid="user-1", name="Hadewych"),
    )


def title_only(row: FeedRow, width: int, selected: bool) -> Text:
    return Text(("> " if selected else "  ") + row.title)


class FeedApp(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def compose(self) -> ComposeResult:
        yield RowList(self.store.feed(None), title_only)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "cache.sqlite3"
    with Store.open(path) as store:
        store.upsert_blogs(blog(f"old-{n:04}", n) for n in range(1200))
    yield path


async def test_end_shows_the_oldest_blog(cache: Path) -> None:
    with Store.open(cache) as store:
        app = FeedApp(store)
        async with app.run_test(size=SIZE) as pilot:
            rows = app.query_one(RowList)
            rows.focus()
            await pilot.press("end")
            assert rows.cursor_index == 1199
            row = rows.highlighted_row
            assert row is not None and row.guid == "old-0000"
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            assert any("> Titel old-0000" in line for line in lines)


async def test_the_highlighted_blog_stays_when_a_sync_writes_many_newer_ones(cache: Path) -> None:
    with Store.open(cache) as shown, Store.open(cache) as sync:
        app = FeedApp(shown)
        async with app.run_test(size=SIZE) as pilot:
            rows = app.query_one(RowList)
            rows.cursor_index = 700
            await pilot.pause()
            row = rows.highlighted_row
            assert row is not None and row.guid == "old-0499"
            # More newer blogs than the list would look through around its old place.
            sync.upsert_blogs(blog(f"new-{n:04}", 5000 + n) for n in range(250))
            rows.refresh_rows()
            await pilot.pause()
            assert rows.row_count == 1450
            assert rows.cursor_index == 950
            row = rows.highlighted_row
            assert row is not None and row.guid == "old-0499"
