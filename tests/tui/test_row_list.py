"""RowList over a large in-memory source: paging by window, cursor keys, messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from rich.text import Text
from textual.app import App, ComposeResult
from textual.strip import Strip

from pleio_tui.models import FeedRow, GroupRow, Membership, SearchHit
from pleio_tui.tui.widgets.feed_rows import FEED_ROW_HEIGHT, format_feed_row
from pleio_tui.tui.widgets.group_rows import format_group_row
from pleio_tui.tui.widgets.row_list import RowList
from pleio_tui.tui.widgets.search_rows import format_search_row

ROWS = 10_000
SIZE = (80, 24)
MAX_WINDOW = 200
NOW = datetime.now(UTC)


class RecordingSource:
    """A RowSource that remembers every window asked of it."""

    def __init__(self, rows: Sequence[FeedRow]) -> None:
        self.rows = list(rows)
        self.calls: list[tuple[int, int]] = []

    def count(self) -> int:
        return len(self.rows)

    def window(self, offset: int, limit: int) -> Sequence[FeedRow]:
        self.calls.append((offset, limit))
        return self.rows[offset : offset + limit]


def feed_row(number: int, *, title: str | None = None, is_read: bool = True) -> FeedRow:
    return FeedRow(
        guid=f"blog-{number}",
        title=title if title is not None else f"Blog number {number}",
        author_name="Hadewych",
        group_guid="group-1",
        group_name="Van buiten naar binnen",
        time_published=NOW - timedelta(days=3),
        comment_count=number % 4,
        votes=number % 3,
        excerpt="",
        is_read=is_read,
        is_bookmarked=number % 5 == 0,
    )


def title_only(row: FeedRow, width: int, selected: bool) -> Text:
    return Text(("> " if selected else "  ") + row.title)


class ListApp(App[None]):
    def __init__(self, source: RecordingSource, **options: object) -> None:
        super().__init__()
        self.source = source
        self.options = options
        self.selected: list[RowList.Selected] = []
        self.highlighted: list[RowList.Highlighted] = []

    def compose(self) -> ComposeResult:
        options = {"formatter": title_only, **self.options}
        yield RowList(self.source, **options)  # type: ignore[arg-type]

    def on_row_list_selected(self, message: RowList.Selected) -> None:
        self.selected.append(message)

    def on_row_list_highlighted(self, message: RowList.Highlighted) -> None:
        self.highlighted.append(message)


def screen_lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def row_list(app: App[None]) -> RowList[FeedRow]:
    return app.query_one(RowList)


def assert_windows_bounded(source: RecordingSource, near: int) -> None:
    for offset, limit in source.calls:
        assert limit <= MAX_WINDOW
        assert abs(offset - near) <= 2 * MAX_WINDOW, (offset, near)


async def test_shows_the_first_rows_and_reads_only_one_window() -> None:
    source = RecordingSource([feed_row(n) for n in range(ROWS)])
    app = ListApp(source)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert lines[0].startswith("> Blog number 0")
        assert lines[1].startswith("  Blog number 1")
        assert lines[23].startswith("  Blog number 23")
        assert row_list(app).virtual_size.height == ROWS
        assert len(source.calls) == 1
        assert_windows_bounded(source, 0)


async def test_keys_move_the_cursor_and_keep_it_visible() -> None:
    source = RecordingSource([feed_row(n) for n in range(ROWS)])
    app = ListApp(source)
    async with app.run_test(size=SIZE) as pilot:
        widget = row_list(app)
        await pilot.press("j", "j", "down")
        assert widget.cursor_index == 3
        await pilot.press("k")
        assert widget.cursor_index == 2
        await pilot.press("pagedown")
        assert widget.cursor_index == 2 + 24
        await pilot.pause()
        assert any(line.startswith("> Blog number 26") for line in screen_lines(app))
        await pilot.press("G")
        await pilot.pause()
        assert widget.cursor_index == ROWS - 1
        assert screen_lines(app)[-1].startswith(f"> Blog number {ROWS - 1}")
        # Only windows at the top and at the end were read, none in between.
        far_calls = [call for call in source.calls if MAX_WINDOW <= call[0] < ROWS - MAX_WINDOW]
        assert far_calls == []
        await pilot.press("g")
        assert widget.cursor_index == 0
        await pilot.press("up")
        assert widget.cursor_index == 0
        assert all(limit <= MAX_WINDOW for _, limit in source.calls)
        assert [message.index for message in app.highlighted][:3] == [1, 2, 3]
        assert app.highlighted[-1].row.guid == "blog-0"


async def test_enter_posts_selected_with_the_row_under_the_cursor() -> None:
    source = RecordingSource([feed_row(n) for n in range(ROWS)])
    app = ListApp(source)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("pagedown", "pagedown", "j", "enter")
        await pilot.pause()
        assert len(app.selected) == 1
        assert app.selected[0].index == 49
        assert app.selected[0].row.guid == "blog-49"
        assert app.selected[0].control is row_list(app)


async def test_set_source_keeps_the_cursor_on_the_same_item() -> None:
    rows = [feed_row(n) for n in range(ROWS)]
    app = ListApp(RecordingSource(rows))
    async with app.run_test(size=SIZE) as pilot:
        widget = row_list(app)
        for _ in range(40):
            await pilot.press("j")
        assert widget.highlighted_row is not None
        assert widget.highlighted_row.guid == "blog-40"
        # Five new posts arrive on top: the same blog is now five rows further down.
        newer = [feed_row(ROWS + n, title=f"New {n}") for n in range(5)]
        widget.set_source(RecordingSource(newer + rows))
        await pilot.pause()
        assert widget.cursor_index == 45
        assert widget.highlighted_row.guid == "blog-40"
        assert any(line.startswith("> Blog number 40") for line in screen_lines(app))
        # A filter that drops the row leaves the cursor in place, clamped to the list.
        widget.set_source(RecordingSource(rows[:10]))
        await pilot.pause()
        assert widget.cursor_index == 9


async def test_refresh_rows_reads_the_changed_data() -> None:
    source = RecordingSource([feed_row(n) for n in range(50)])
    app = ListApp(source)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        source.rows[0] = feed_row(0, title="Renamed by the sync")
        row_list(app).refresh_rows()
        await pilot.pause()
        assert screen_lines(app)[0].startswith("> Renamed by the sync")


async def test_an_empty_source_shows_the_placeholder() -> None:
    app = ListApp(RecordingSource([]), placeholder="No blogs in this group yet")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        assert screen_lines(app)[0].strip() == "No blogs in this group yet"
        assert app.selected == []


async def test_two_line_feed_rows_page_by_rows() -> None:
    source = RecordingSource([feed_row(n, is_read=n % 2 == 0) for n in range(ROWS)])
    app = ListApp(source, formatter=format_feed_row, row_height=FEED_ROW_HEIGHT)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert "Blog number 0" in lines[0]
        assert "Hadewych · 3 days ago · Van buiten naar binnen" in lines[1]
        assert "Blog number 1" in lines[2] and "●" in lines[2]
        await pilot.press("pagedown")
        assert row_list(app).cursor_index == 12
        await pilot.press("enter")
        await pilot.pause()
        assert app.selected[-1].row.guid == "blog-12"


async def test_hostile_titles_stay_literal_and_escape_free() -> None:
    hostile = "\x1b]0;PWNED\x07[@click=app.quit]x[/]"
    source = RecordingSource([feed_row(0, title=hostile), feed_row(1)])
    app = ListApp(source, formatter=format_feed_row, row_height=FEED_ROW_HEIGHT)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        strips: list[Strip] = app.screen._compositor.render_strips()
        assert "[@click=app.quit]x[/]" in strips[0].text
        for strip in strips:
            for segment in strip:
                assert "\x1b" not in segment.text and "\x07" not in segment.text


def test_formatters_fit_the_width_and_show_their_fields() -> None:
    group = GroupRow(
        guid="g",
        name="Van buiten naar binnen in het ministerie van V&J",
        member_count=120,
        membership=Membership.JOINED,
        is_closed=False,
        is_membership_on_request=False,
        unread_count=3,
        blog_count=10,
    )
    name, counts = format_group_row(group, 40, False).split("\n")
    assert name.cell_len <= 40 and counts.cell_len <= 40
    assert "●" in name.plain and "Van buiten naar binnen" in name.plain and "…" in name.plain
    assert "3 new" in counts.plain and "120 members" in counts.plain

    feed = [line.text for line in format_feed_row(feed_row(7, is_read=False), 60, False)]
    assert len(feed) == 2
    assert "●" in feed[0] and "Blog number 7" in feed[0]
    assert "3 comments" in feed[1] and "▲ 1" in feed[1]

    hit = SearchHit(
        blog_guid="b",
        title="Leren door doen",
        group_name="Energieke samenleving",
        author_name="Hadewych",
        time_published=datetime.now(UTC) - timedelta(hours=5),
        snippet="sturen op energie\x1b[31m in de samenleving",
        in_comment=True,
    )
    found = format_search_row(hit, 80, False).plain.split("\n")
    assert "Leren door doen" in found[0] and "5 hours ago" in found[0]
    assert "Hadewych" in found[1] and "sturen op energie" in found[1]
    assert "\x1b" not in found[1]
