"""Wide terminals shared by what the panes hold: the post at a readable measure,
the lists at a comfortable width; feed rows drop what the context already says
before they cut the date."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from test_app_support import choose_group, make_app, open_blog, synced, widget_text

from pleio_tui.config import Config
from pleio_tui.server import LocalSite
from pleio_tui.tui.i18n import format_age
from pleio_tui.tui.panes.widths import FEED_MIN, GROUPS_MAX, POST_COLUMNS, pane_widths

SIZES = [(80, 24), (120, 40), (160, 48), (200, 50)]
GROUP = "Van buiten naar binnen"


@pytest.mark.parametrize("width", [100, 120, 159, 160, 200, 240, 300])
def test_the_post_keeps_its_measure_and_the_feed_its_room(width: int) -> None:
    wide = width >= 160
    widths = pane_widths(width, wide=wide)
    feed = width - widths.post - (widths.groups if wide else 0)
    assert feed >= FEED_MIN
    assert widths.groups <= GROUPS_MAX
    assert widths.post <= POST_COLUMNS or feed >= 100  # more only once the feed has plenty


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", SIZES)
async def test_every_feed_row_shows_its_whole_date(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    config = Config(language=lang, sync_interval_minutes=0)
    app = make_app(demo_site.url, hadewych, tmp_path, config=config)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        feed = app.main.feed
        app.main.activate(feed)
        await pilot.pause()
        shown = widget_text(feed)
        now = datetime.now(UTC)
        visible = max(1, feed.scrollable_content_region.height // 2 - 1)
        for index in range(min(visible, feed.row_count)):
            row = feed.row_at(index)
            assert row is not None and row.time_published is not None
            assert format_age(row.time_published, now, lang) in shown, (row.title, shown)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_at_200_columns_the_post_has_100_columns_of_text(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, lang: str
) -> None:
    config = Config(language=lang, sync_interval_minutes=0)
    app = make_app(demo_site.url, hadewych, tmp_path, config=config)
    async with app.run_test(size=(200, 50)) as pilot:
        await synced(pilot)
        main = app.main
        assert main.groups is not None and main.groups.region.width <= GROUPS_MAX
        assert main.feed.region.width >= 56
        await open_blog(pilot, "Leren door doen")
        rendered = main.post.view.rendered
        assert rendered is not None
        widest = max(strip.cell_length for strip in rendered.lines)
        assert 95 <= widest <= 101  # a margin and 100 columns of text


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 50)])
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_a_groups_feed_does_not_repeat_the_group_on_every_row(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    config = Config(language=lang, sync_interval_minutes=0)
    app = make_app(demo_site.url, hadewych, tmp_path, config=config)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        if size[0] >= 160:
            assert GROUP in widget_text(app.main.feed)  # all groups: the group says where
        await app.main.make_groups()
        await choose_group(pilot, GROUP)
        await pilot.press("enter")
        await pilot.pause()
        feed = app.main.feed
        assert GROUP in str(feed.border_title)
        first = feed.row_at(0)
        assert first is not None and first.title[:30] in widget_text(feed)
        if size[1] >= 40:  # the seed blog is further down than 80x24 shows
            assert "Leren door doen" in widget_text(feed)
        assert GROUP not in widget_text(feed)
