"""Every command in a real process on a cache that cannot be used: a damaged
file, a read-only folder, a full disk, a write lock held by another process.
Each says so in one line naming the file and exits non-zero; no traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cache_faults import WriteLockHolder, can_make_read_only, damage_pages, read_only_folder
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.sync.runner import sync_site

TIMEOUT = 60


def run_cli(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pleio_tui", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def assert_one_clear_line(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode != 0, done
    assert "Traceback" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("pleio-tui: ")]
    assert len(lines) == 1, done.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


class Machine:
    """XDG folders of a user whose cache was synced from the local site."""

    def __init__(self, base: Path, site: LocalSite, session: str) -> None:
        self.site = site
        self.env = {
            **os.environ,
            "XDG_DATA_HOME": str(base / "data"),
            "XDG_CONFIG_HOME": str(base / "config"),
            "XDG_CACHE_HOME": str(base / "cache"),
            "PLEIO_TUI_SESSION": session,
            "PLEIO_TUI_SESSION_SITE": site.url,
        }
        self.cache = Store.site_path(base / "data" / "pleio-tui", site.url)

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return run_cli(self.env, *args, stdin=stdin)


@pytest.fixture
async def machine(demo_site: LocalSite, hadewych: str, tmp_path: Path) -> Machine:
    found = Machine(tmp_path, demo_site, hadewych)
    report = await sync_site(demo_site.url, hadewych, found.cache)
    assert report.completed
    return found


def commands(site_url: str) -> list[tuple[str, ...]]:
    group = "Van buiten naar binnen in het ministerie van V&J"
    return [
        ("--site", site_url, "sync"),
        ("search", "--site", site_url, "participatie"),
        ("--offline", "post", "--site", site_url, "--group", group, "--title", "Verslag", "-"),
        ("--offline", "--site", site_url),
    ]


def test_a_damaged_cache_is_named_by_every_command(machine: Machine) -> None:
    """Pages damaged in the middle: the headless commands stop with one line (the
    TUI starts on what it can read and says so: tests/tui, tests/e2e)."""
    damage_pages(machine.cache)
    for args in commands(machine.site.url)[:3]:
        done = machine.run(*args, stdin="Tekst van het verslag\n")
        assert_one_clear_line(done, str(machine.cache), "damaged")


def test_a_cache_damaged_through_and_through_stops_the_tui_with_one_line(
    machine: Machine,
) -> None:
    damage_pages(machine.cache, everywhere=True)
    done = machine.run(*commands(machine.site.url)[3])
    assert_one_clear_line(done, str(machine.cache), "damaged")


@pytest.mark.skipif(can_make_read_only() is None, reason="neither chattr (root) nor chmod works")
def test_a_read_only_cache_folder_is_named_by_every_command_that_writes(
    machine: Machine,
) -> None:
    """A real read-only folder: immutable (`chattr +i`) as root, chmod otherwise."""
    folder = machine.cache.parent
    with read_only_folder(folder):
        for args in commands(machine.site.url):
            if "search" in args:
                continue  # reading may still work: below
            done = machine.run(*args, stdin="Tekst\n")
            assert_one_clear_line(done, str(machine.cache))
        search = machine.run(*commands(machine.site.url)[1])
        assert "Traceback" not in search.stderr
        if search.returncode != 0:
            assert_one_clear_line(search, str(machine.cache))


@pytest.mark.skipif(can_make_read_only() is None, reason="neither chattr (root) nor chmod works")
def test_login_into_a_read_only_config_folder_says_so(machine: Machine) -> None:
    config = Path(machine.env["XDG_CONFIG_HOME"]) / "pleio-tui"
    config.mkdir(parents=True, exist_ok=True)
    (config / "keep").write_text("")
    env = {**machine.env, "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    env.pop("PLEIO_TUI_SESSION")
    with read_only_folder(config):
        done = run_cli(env, "login", machine.site.url, stdin=machine.env["PLEIO_TUI_SESSION"])
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode != 0


def test_a_locked_cache_is_named(machine: Machine) -> None:
    with WriteLockHolder(machine.cache):
        done = machine.run(*commands(machine.site.url)[2], stdin="Tekst\n")
    assert_one_clear_line(done, str(machine.cache), "locked")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB file system (tmpfs), where the machine allows mount."""
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    if shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("this machine does not allow mount")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_a_full_disk_is_named_and_the_file_kept(machine: Machine, small_disk: Path) -> None:
    data = small_disk / "data"
    cache = Store.site_path(data / "pleio-tui", machine.site.url)
    cache.parent.mkdir(parents=True)
    shutil.copy(machine.cache, cache)
    filler = small_disk / "filler"
    # Unbuffered: a write cut short leaves no bytes behind for close to fail on
    # (whether it is cut short depends on the size of the cache copied first).
    with filler.open("wb", buffering=0) as out, pytest.raises(OSError):
        while True:
            out.write(b"\0" * 65536)
            out.flush()
            os.fsync(out.fileno())
    env = {**machine.env, "XDG_DATA_HOME": str(data)}
    body = "Het verslag, lang genoeg om een nieuwe pagina te vragen. " * 200
    group = commands(machine.site.url)[2]
    done = run_cli(env, *group, stdin=body)
    assert_one_clear_line(done, str(cache), "full")


def test_text_from_stdin_is_kept_when_the_cache_cannot_take_it(
    machine: Machine, tmp_path: Path
) -> None:
    """Piped text exists nowhere else: a cache that cannot queue it must not lose it."""
    damage_pages(machine.cache)
    rescue_folder = tmp_path / "rescue"
    rescue_folder.mkdir()
    env = {**machine.env, "TMPDIR": str(rescue_folder)}
    body = "Het verslag van dinsdag, nergens anders bewaard.\n"
    done = run_cli(env, *commands(machine.site.url)[2], stdin=body)
    line = assert_one_clear_line(done, str(machine.cache), "nothing was sent or queued")
    kept = list(rescue_folder.glob("pleio-tui-unsent-*.md"))
    assert len(kept) == 1 and str(kept[0]) in line
    assert kept[0].read_text(encoding="utf-8") == "# Verslag\n\n" + body
    assert kept[0].stat().st_mode & 0o777 == 0o600
