"""Opening a post online asks the site for it: a blog deleted on the site since the
last sync leaves the post pane, the cache and the search index at once."""

from __future__ import annotations

from pathlib import Path

from test_app_support import (
    SIZE,
    choose_group,
    graphql,
    make_app,
    notices,
    open_blog,
    synced,
    wait_for,
    widget_text,
)

from pleio_tui.server import LocalSite
from pleio_tui.tui.i18n import NL

DELETE = "mutation($g: String!) { deleteEntity(input: {guid: $g}) { success } }"
EDIT = """
mutation($g: String!, $t: String!) {
  editEntity(input: {guid: $g, title: $t}) { entity { guid } }
}
"""


async def test_a_blog_deleted_on_the_site_leaves_when_it_is_opened(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert app.store is not None
        (hit,) = app.store.search("energieke samenleving")
        graphql(demo_site.url, hadewych, DELETE, g=hit.blog_guid)

        await choose_group(pilot, "Van buiten naar binnen")
        await pilot.press("enter")
        feed = app.main.feed.row_list
        while (row := feed.highlighted_row) is not None and not row.title.startswith("Leren"):
            await pilot.press("j")
        await pilot.press("enter")  # shown from the cache, then found gone on the site
        await wait_for(pilot, lambda: NL["post.gone"] in notices(pilot))

        assert app.open_blog is None
        assert "Leren door doen" not in widget_text(app.main.post.view)
        assert app.store.blog(hit.blog_guid) is None
        assert app.store.search("energieke samenleving") == []
        assert "Leren door doen" not in widget_text(app.main.feed.row_list)


async def test_an_opened_blog_shows_the_site_s_latest_version(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        assert app.store is not None
        (hit,) = app.store.search("energieke samenleving")
        graphql(demo_site.url, hadewych, EDIT, g=hit.blog_guid, t="Leren door doen, herzien")

        await choose_group(pilot, "Van buiten naar binnen")
        await pilot.press("enter")
        await open_blog(pilot, "Leren door doen")
        await wait_for(pilot, lambda: "herzien" in widget_text(app.main.post.view))
        assert [found.blog_guid for found in app.store.search("herzien")] == [hit.blog_guid]
