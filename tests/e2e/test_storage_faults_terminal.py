"""Storage faults under the real program in a real terminal (tmux): a disk that
fills up while the user writes (a real 8 MiB tmpfs, where the machine allows
mount) and the cache deleted while the program runs. The screen says what
happened, the program keeps running, and the text typed is in the cache in the
end. Skipped where tmux is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_terminal import Terminal, program_env

from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.runner import sync_site

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TYPED = "Geschreven terwijl de schijf vol was, en toch niet kwijt. " * 40


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.kill()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 8 MiB file system (tmpfs), where the machine allows mount."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount_point)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("this machine does not allow mount")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path) -> Path:
    """Fill the disk to its last byte with one file."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 512, 1):
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError:
                    break
    finally:
        os.close(fd)
    return filler


def leave_and_quit(terminal: Terminal) -> None:
    terminal.keys("Escape")
    terminal.wait_for(lambda shown: "Reactie op" not in shown)
    terminal.keys("Q")


def draft_bodies(cache: Path) -> list[str]:
    with Store.open(cache) as store:
        return [draft.body for draft in store.drafts()]


async def synced_cache(site: LocalSite, session: str, data_home: Path) -> Path:
    cache = Store.site_path(data_home / "pleio-tui", site.url)
    assert (await sync_site(site.url, session, cache)).completed
    return cache


def start_offline(terminal: Terminal, tmp_path: Path, site: LocalSite, data_home: Path) -> None:
    env = program_env(tmp_path, XDG_DATA_HOME=str(data_home))
    terminal.start([sys.executable, "-m", "pleio_tui", "--offline", "--site", site.url], env)
    terminal.wait_for_text("Werksessie: participatie")
    terminal.keys("Enter")  # the newest item (an event: it takes comments too)
    terminal.wait_for_text("Door ")
    terminal.keys("c")
    terminal.wait_for_text("Reactie op")


async def test_a_disk_that_fills_while_writing_keeps_the_text(
    demo_site: LocalSite, hadewych: str, terminal: Terminal, tmp_path: Path, small_disk: Path
) -> None:
    data_home = small_disk / "data"
    cache = await synced_cache(demo_site, hadewych, data_home)
    start_offline(terminal, tmp_path, demo_site, data_home)
    filler = fill(small_disk)

    terminal.type(TYPED)
    shown = terminal.wait_for_text("Concept niet opgeslagen")
    assert "Traceback" not in shown
    assert TYPED not in draft_bodies(cache)

    filler.unlink()  # room again: saved without another keystroke
    terminal.wait_for_text("concepten uit het geheugen")
    assert TYPED in draft_bodies(cache)
    leave_and_quit(terminal)
    assert terminal.wait_for_exit() == "0"


async def test_a_cache_deleted_while_the_program_runs_is_started_anew(
    demo_site: LocalSite, hadewych: str, terminal: Terminal, tmp_path: Path
) -> None:
    data_home = tmp_path / "data-home"
    cache = await synced_cache(demo_site, hadewych, data_home)
    start_offline(terminal, tmp_path, demo_site, data_home)
    shutil.rmtree(cache.parent)

    terminal.type("Na het weggooien van de cache geschreven")
    # Toasts wrap where the path ends, so one word of the notice: it cannot be split.
    shown = terminal.wait_for_text("vervangen;")
    assert "Traceback" not in shown
    leave_and_quit(terminal)
    assert terminal.wait_for_exit() == "0"
    assert "Na het weggooien van de cache geschreven" in draft_bodies(cache)
