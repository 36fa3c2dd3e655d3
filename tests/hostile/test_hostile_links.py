"""Addresses the reader makes from cached guids are checked like any link.

A cache filled by an older pleio-tui may hold a guid with escapes in it. The
post's list of related blogs builds each one's address from its guid: such a
blog is listed by its title, without a link, and no hyperlink or address on
screen carries the escape. A notice that quotes an address it could not open
quotes it safely.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus import assert_inert
from hostile_site import SEED_GROUP, SiteWriter, doc, paragraph, text
from old_cache import give_cached_guid
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, make_app, notices, open_blog, synced, wait_for

from pleio_tui.server import LocalSite
from pleio_tui.sync.runner import sync_site

OLD_GUID = "buur\x1b]8;;https://evil.example/\x07blog\x1b]0;PWNED\x07"


async def test_a_related_blog_with_a_guid_no_address_holds_is_listed_without_a_link(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    writer = SiteWriter(demo_site, hadewych)
    group = writer.group_guid(SEED_GROUP)
    neighbour = writer.blog(group, "Buurblog", doc(paragraph(text("ernaast"))))
    writer.blog(group, "Open mij", doc(paragraph(text("hier"))))
    cache = tmp_path / "cache.sqlite3"
    assert (await sync_site(demo_site.url, hadewych, cache)).completed
    give_cached_guid(cache, neighbour, OLD_GUID)
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Open mij")
        rendered = app.main.post.view.rendered
        assert rendered is not None
        shown = assert_strips_inert(rendered.finish().lines, "related blogs")
        line = next(line for line in shown.splitlines() if "Buurblog" in line)
        assert not re.search(r"\[\d+\]", line), line  # listed, not numbered as a link
        assert all("PWNED" not in link.url for link in rendered.finish().links)
        assert "PWNED" not in shown
        assert_strips_inert(screen_strips(pilot), "post view")
    if app.store is not None:
        app.store.close()


async def test_an_address_the_app_cannot_open_is_quoted_safely(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    cache = tmp_path / "cache.sqlite3"
    assert (await sync_site(demo_site.url, hadewych, cache)).completed
    app = make_app(demo_site.url, hadewych, tmp_path, offline=True)
    address = f"{demo_site.url}/blog/view/nietgecached/\x1b]0;PWNED\x07\u202e[@click=app.quit]x"
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        app.reading.links.follow(address)  # a blog of this site, not cached, offline
        await wait_for(pilot, lambda: any("nietgecached" in n for n in notices(pilot)))
        [notice] = [n for n in notices(pilot) if "nietgecached" in n]
        assert notice.startswith("Dit blog staat niet in de cache en de site is niet bereikbaar.")
        assert_inert(notice, "notice")
        assert notice.endswith("/blog/view/nietgecached/]0;PWNED[@click=app.quit]x")
        assert_strips_inert(screen_strips(pilot), "notice on screen")
    if app.store is not None:
        app.store.close()
