"""A download never writes outside its folder, whatever the site calls the file.

A file on the real local site is given a title that is a path, `..`, a Windows
device or nothing at all; the app downloads it with `w` and the file lands in
the item's own folder under the downloads folder, under a name that is none of
those. When the place to write resolves elsewhere (the item's folder is a link
to another folder), nothing is written and the user is told why.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, choose_group, graphql, make_app, notices, synced, wait_for
from test_hostile_screen import open_by_guid
from textual.pilot import Pilot

from pleio_tui.server import LocalSite
from pleio_tui.server.db import DB_FILE_NAME
from pleio_tui.tui.app import PleioApp

FILE_TITLE = "verslag-werksessie-maart.txt"
CONTENT_START = b"Verslag werksessie participatie"
FILES = '{ entities(subtype: "file", limit: 100) { edges { ... on File { guid title } } } }'
DEVICES = ("CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", "LPT9")


def file_guid(site: LocalSite, session: str) -> str:
    edges = graphql(site.url, session, FILES)["entities"]["edges"]
    return next(edge["guid"] for edge in edges if edge["title"] == FILE_TITLE)


def retitle(site: LocalSite, guid: str, title: str) -> None:
    with sqlite3.connect(site.data_dir / DB_FILE_NAME, timeout=10) as conn:
        conn.execute("UPDATE blogs SET title = ? WHERE id = ?", (title, guid))
    conn.close()


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file() or path.is_symlink()}


def refused(pilot: Pilot[Any]) -> bool:
    return any("downloadmap" in n or "downloads folder" in n for n in notices(pilot))


def saved_unopened(pilot: Pilot[Any]) -> bool:
    return any("niet geopend" in n or "not opened" in n for n in notices(pilot))


async def download(app: PleioApp, guid: str, opened: list[Path]) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")
        await open_by_guid(pilot, guid)
        await pilot.press("w")
        await wait_for(pilot, lambda: opened or refused(pilot) or saved_unopened(pilot))
        assert_strips_inert(screen_strips(pilot), "after the download")
    if app.store is not None:
        app.store.close()


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("..", "download"),
        (".", "download"),
        ("", "download"),
        ("   ", "download"),
        ("../../../.bashrc", "bashrc"),
        ("..\\..\\evil.bat", "evil.bat"),
        ("/etc/passwd", "etcpasswd"),
        ("nul\x00byte.txt", "nulbyte.txt"),
        ("\x1b]0;PWNED\x07name.txt", "]0;PWNEDname.txt"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("Com1.tar.gz", "_Com1.tar.gz"),
        ("lpt9", "_lpt9"),
        ("aux .txt", "_aux .txt"),
        ("CONSOLE.txt", "CONSOLE.txt"),
    ],
)
async def test_a_file_is_saved_in_its_folder_whatever_its_title(
    title: str, expected: str, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    guid = file_guid(demo_site, hadewych)
    retitle(demo_site, guid, title)
    app = make_app(demo_site.url, hadewych, tmp_path)
    opened: list[Path] = []
    app.content.opener = opened.append
    before = files_under(tmp_path)

    await download(app, guid, opened)

    path = tmp_path / "cache" / "files" / guid / expected
    assert path.read_bytes().startswith(CONTENT_START)
    # Only a document, picture or sound is opened: the site chose the name.
    assert opened == ([path] if path.suffix == ".txt" else [])
    assert files_under(tmp_path / "cache" / "files") == {path}
    # Beside it only the app's own new files: its cache, settings and state.
    own = {tmp_path / name for name in ("cache", "data", "config")}
    strays = {
        found
        for found in files_under(tmp_path) - before
        if not any(found.is_relative_to(folder) for folder in own)
        and not found.name.startswith("cache.sqlite3")
    }
    assert strays == set()


@pytest.mark.parametrize("device", DEVICES)
async def test_no_file_is_named_as_a_windows_device(
    device: str, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    guid = file_guid(demo_site, hadewych)
    retitle(demo_site, guid, f"{device.lower()}.txt")
    app = make_app(demo_site.url, hadewych, tmp_path)
    opened: list[Path] = []
    app.content.opener = opened.append

    await download(app, guid, opened)

    [path] = opened
    assert path.name == f"_{device.lower()}.txt"


@pytest.mark.parametrize("name", ["setup.exe", "run.bat", "tool.jar", "start.desktop", "page.html"])
async def test_a_file_that_could_start_a_program_is_saved_and_not_opened(
    name: str, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    guid = file_guid(demo_site, hadewych)
    retitle(demo_site, guid, name)
    app = make_app(demo_site.url, hadewych, tmp_path)
    opened: list[Path] = []
    app.content.opener = opened.append
    said: list[str] = []

    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")
        await open_by_guid(pilot, guid)
        await pilot.press("w")
        await wait_for(pilot, lambda: saved_unopened(pilot))
        said = notices(pilot)
    if app.store is not None:
        app.store.close()

    path = tmp_path / "cache" / "files" / guid / name
    assert opened == [] and path.read_bytes().startswith(CONTENT_START)
    assert any(n.startswith(f"Opgeslagen in {path}; niet geopend") for n in said), said


async def test_a_folder_that_leads_elsewhere_is_refused_with_a_notice(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    guid = file_guid(demo_site, hadewych)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    downloads = tmp_path / "cache" / "files"
    downloads.mkdir(parents=True)
    (downloads / guid).symlink_to(elsewhere, target_is_directory=True)
    app = make_app(demo_site.url, hadewych, tmp_path)
    opened: list[Path] = []
    app.content.opener = opened.append
    said: list[str] = []

    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten naar binnen")
        await open_by_guid(pilot, guid)
        await pilot.press("w")
        await wait_for(pilot, lambda: refused(pilot))
        said = notices(pilot)
        await pilot.press("L")  # the same in English
        await pilot.press("w")
        await wait_for(pilot, lambda: any("downloads folder" in n for n in notices(pilot)))
        said += notices(pilot)
    if app.store is not None:
        app.store.close()

    assert opened == [] and list(elsewhere.iterdir()) == []
    dutch = next(n for n in said if "downloadmap" in n)
    english = next(n for n in said if "downloads folder" in n)
    assert dutch.startswith("Niet opgeslagen: ") and str(downloads) in dutch
    assert english.startswith("Not saved: ") and str(downloads) in english
