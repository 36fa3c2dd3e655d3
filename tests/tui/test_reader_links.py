"""Following links: numbered in the text, listed under the post as terminal
hyperlinks, the link picker (`u`), blogs of this site opened in the app (from the
cache or fetched), the rest handed to a browser, and `o`/`y` saying what really
happened."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from test_app_support import (
    SEED_TITLE,
    make_app,
    notices,
    open_blog,
    screen_text,
    synced,
    wait_for,
    widget_text,
)

from pleio_tui.config import Config
from pleio_tui.server import LocalSite
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.post_links import site_blog_guid
from pleio_tui.tui.render.post import PostLink

CAT = shutil.which("cat")  # before a test empties PATH
SIZES = [(80, 24), (120, 40), (200, 50)]
LINKED_TITLE = "Regels verminderen"  # the seed blog links to this blog of the same site


def app_in(lang: str, site: LocalSite, session: str, tmp_path: Path) -> PleioApp:
    return make_app(
        site.url, session, tmp_path, config=Config(language=lang, sync_interval_minutes=0)
    )


def seed_link(app: PleioApp) -> PostLink:
    rendered = app.main.post.view.rendered
    assert rendered is not None
    return next(link for link in rendered.finish().links if link.blog_guid is None)


def fake_program(folder: Path, name: str, out: Path, *, reads_stdin: bool) -> Path:
    """A real program in PATH that records what it was given."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    record = f'{CAT} > "$OUT"' if reads_stdin else 'printf %s "$1" > "$OUT"'
    script.write_text(f"#!/bin/sh\nOUT={out}\n{record}\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


@pytest.fixture
def no_desktop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No display, no $BROWSER, no clipboard tool: a bare terminal."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"):
        monkeypatch.delenv(name, raising=False)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    monkeypatch.setenv("PATH", str(bin_dir))
    return bin_dir


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_seed_link_is_numbered_listed_whole_and_a_hyperlink(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    app = app_in(lang, demo_site, hadewych, tmp_path)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        link = seed_link(app)
        assert site_blog_guid(demo_site.url, link.url) is not None
        rendered = app.main.post.view.rendered
        assert rendered is not None
        lines = [strip.text for strip in rendered.lines]
        assert "vervagen[1]" in " ".join(lines[link.line : link.line + 2])  # numbered in the text
        heading = lines.index(" Links")
        assert "[1]" in lines[heading + 1]
        # Every piece of text linked to it carries the whole target, and what is
        # shown of the address is never split across lines: whole, or cut with "…".
        shown = []
        for strip in rendered.lines:
            for segment in strip:
                if segment.style is not None and segment.style.link:
                    assert segment.style.link in {item.url for item in rendered.links}
                    if segment.style.link == link.url and segment.text.startswith("http"):
                        shown.append(segment.text)
        assert shown, "the address is listed"
        for text in shown:
            assert link.url.startswith(text.removesuffix("…")), text
            assert text == link.url or text.endswith("…")
        width = app.main.post.view.scrollable_content_region.width
        assert all(strip.cell_length <= width for strip in rendered.lines)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_u_picks_a_link_by_number_and_a_blog_of_the_site_opens_in_the_app(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    from pleio_tui.tui.screens.links import LinksScreen

    app = app_in(lang, demo_site, hadewych, tmp_path)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        target = site_blog_guid(demo_site.url, seed_link(app).url)
        await pilot.press("u")
        await wait_for(pilot, lambda: isinstance(app.screen, LinksScreen))
        assert "Regels verminderen" in widget_text(app.screen.links_list)
        prompt = "Nummer van de link" if lang == "nl" else "Number of the link"
        assert prompt in screen_text(pilot)
        await pilot.press("1", "enter")
        await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.guid == target)
        assert not isinstance(app.screen, LinksScreen)
        assert LINKED_TITLE in widget_text(app.main.post.view)
        # The feed's cursor follows the post that is open.
        row = app.main.feed.row_list.highlighted_row
        assert row is not None and row.guid == target


async def test_a_linked_blog_not_in_the_cache_is_fetched_and_opened(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = app_in("en", demo_site, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        link = seed_link(app)
        target = site_blog_guid(demo_site.url, link.url)
        assert app.store is not None and target is not None
        app.store.delete_blogs([target])
        app.reading.links.follow(link.url)
        await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.guid == target)
        assert LINKED_TITLE in widget_text(app.main.post.view)
        assert app.store.blog(target) is not None  # kept for offline reading


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_related_blogs_open_from_the_picker(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    from pleio_tui.tui.screens.links import LinksScreen

    app = app_in(lang, demo_site, hadewych, tmp_path)
    async with app.run_test(size=size) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        rendered = app.main.post.view.rendered
        assert rendered is not None
        related = [link for link in rendered.finish().links if link.blog_guid is not None]
        assert related, "the seed blog's group has other blogs"
        await pilot.press("u")
        await wait_for(pilot, lambda: isinstance(app.screen, LinksScreen))
        related_word = "gerelateerd blog" if lang == "nl" else "related blog"
        assert related_word in widget_text(app.screen.links_list)
        await pilot.press(*str(related[0].number), "enter")
        guid = related[0].blog_guid
        await wait_for(pilot, lambda: app.open_blog is not None and app.open_blog.guid == guid)


async def test_another_site_goes_to_the_browser_without_the_session(
    demo_site: LocalSite,
    hadewych: str,
    tmp_path: Path,
    no_desktop: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened = tmp_path / "opened.txt"
    script = fake_program(no_desktop, "mybrowser", opened, reads_stdin=False)
    script.write_text(
        f'#!/bin/sh\nprintf "%s %s" "$1" "${{PLEIO_TUI_SESSION:-none}}" > {opened}\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("BROWSER", str(script))
    monkeypatch.setenv("PLEIO_TUI_SESSION", "geheim")
    app = app_in("nl", demo_site, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        app.reading.links.follow("https://example.org/elders")
        await wait_for(pilot, lambda: any("Geopend in de browser" in n for n in notices(pilot)))
        assert "(mybrowser)" in " ".join(notices(pilot))
        assert opened.read_text(encoding="utf-8") == "https://example.org/elders none"


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_o_without_a_browser_says_so_and_shows_the_address(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, no_desktop: Path, lang: str
) -> None:
    app = app_in(lang, demo_site, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        url = app.reading.browser_url()
        assert url is not None
        await pilot.press("o")
        words = "Geen browser" if lang == "nl" else "No browser"
        await wait_for(pilot, lambda: any(words in n for n in notices(pilot)))
        said = " ".join(notices(pilot))
        assert url in said
        assert "Geopend" not in said and "Opened" not in said


async def test_y_says_which_clipboard_took_the_link(
    demo_site: LocalSite,
    hadewych: str,
    tmp_path: Path,
    no_desktop: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copied = tmp_path / "copied.txt"
    fake_program(no_desktop, "xclip", copied, reads_stdin=True)
    monkeypatch.setenv("DISPLAY", ":99")
    app = app_in("en", demo_site, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Leren door doen")
        url = app.reading.browser_url()
        await pilot.press("y")
        await wait_for(pilot, lambda: any("(xclip)" in n for n in notices(pilot)))
        assert copied.read_text(encoding="utf-8") == url
        assert app.clipboard == url  # also sent to the terminal (OSC 52)


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_y_without_a_clipboard_tool_shows_the_link_to_copy_by_hand(
    demo_site: LocalSite, hadewych: str, tmp_path: Path, no_desktop: Path, lang: str
) -> None:
    app = app_in(lang, demo_site, hadewych, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await synced(pilot)
        await open_blog(pilot, SEED_TITLE[:10])
        url = app.reading.browser_url()
        assert url is not None
        await pilot.press("y")
        await wait_for(pilot, lambda: any("OSC 52" in n for n in notices(pilot)))
        said = " ".join(notices(pilot))
        assert url in said
        assert "gekopieerd naar het klembord" not in said and "copied to the clipboard" not in said


def test_only_this_sites_blog_addresses_open_in_the_app() -> None:
    site = "https://gemeente.pleio.nl"
    assert site_blog_guid(site, f"{site}/blog/view/abc-1/titel") == "abc-1"
    assert site_blog_guid(site, f"{site}/groups/view/g1/groep/blog/view/abc-2/t") == "abc-2"
    assert site_blog_guid(site, "https://andere.pleio.nl/blog/view/abc-1/titel") is None
    assert site_blog_guid(site, "https://gemeente.pleio.nl:8443/blog/view/abc-1") is None
    assert site_blog_guid(site, f"{site}/news/view/abc-1/titel") is None
    assert site_blog_guid(site, "mailto:blog/view/abc-1@gemeente.pleio.nl") is None


def test_the_environment_of_programs_started_holds_no_session() -> None:
    from pleio_tui.tui.handoff import child_environment

    env = child_environment({**os.environ, "PLEIO_TUI_SESSION": "geheim"})
    assert "PLEIO_TUI_SESSION" not in env
