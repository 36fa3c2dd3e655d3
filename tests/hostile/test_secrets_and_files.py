"""The session cookie stays in the keyring, files stay private, TLS stays on.

After `login`, `sync`, `search` and `post` on the real local site, and an app
session with a screenshot, the session value is found nowhere but the keyring:
not in the config, the cache (WAL included), any output, or the SVG. The files
created are 0600 and their folders 0700, the external editor's temporary file
too. The client verifies certificates, and plain http to anything but loopback
needs `allow_insecure_http`.
"""

from __future__ import annotations

import io
import ssl
import stat
import sys
from pathlib import Path

import pytest
from test_app_support import SIZE, make_app, synced

from fixtures_keyring import MemoryKeyring
from pleio_tui import APP_NAME
from pleio_tui.api import PleioClient
from pleio_tui.cli import main
from pleio_tui.config import Config
from pleio_tui.context import site_context
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite
from pleio_tui.site_url import SiteUrlError, parse_site_url
from pleio_tui.tui.editor import edit_externally


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def files_under(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()]


def test_the_session_is_in_the_keyring_and_nowhere_else(
    demo_site: LocalSite,
    hadewych: str,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"sessionid={hadewych}\n"))
    assert main(["login", demo_site.url]) == 0
    post_body = tmp_path / "post.md"
    post_body.write_text("Een **post**.\n", encoding="utf-8")
    assert main(["sync"]) == 0
    assert main(["search", "energieke"]) == 0
    assert main(["post", "--group", "van buiten", "--title", "Geheim?", str(post_body)]) == 0
    output = capsys.readouterr()

    assert memory_keyring.passwords == {(APP_NAME, demo_site.url): hadewych}
    dirs = AppDirs.default()
    everything = [
        *files_under(dirs.config),
        *files_under(dirs.data),
        *(files_under(dirs.cache) if dirs.cache.exists() else []),
    ]
    assert dirs.config_file in everything and dirs.site_cache_file(demo_site.url) in everything
    secret = hadewych.encode()
    for path in everything:
        assert secret not in path.read_bytes(), path
        assert mode(path) == 0o600, (path, oct(mode(path)))
    for folder in {path.parent for path in everything}:
        assert mode(folder) == 0o700, (folder, oct(mode(folder)))
    assert hadewych not in output.out + output.err
    assert "Posted:" in output.err  # the commands did run

    context = site_context(None)
    assert context.session == Secret(hadewych) and context.cache_path.exists()


async def test_a_screenshot_never_shows_the_session(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await pilot.press("O")  # the outbox and help screens too
        await pilot.pause(0.2)
        shot = Path(app.save_screenshot(path=str(tmp_path), filename="shot.svg"))
    if app.store is not None:
        app.store.close()
    svg = shot.read_text(encoding="utf-8")
    assert "Hadewych" in svg and hadewych not in svg


def test_the_editors_temporary_file_is_private(tmp_path: Path) -> None:
    seen = tmp_path / "mode.txt"
    editor = f'sh -c \'stat -c %a "$0" > {seen}; echo extra >> "$0"\''
    outcome = edit_externally("concept", {"EDITOR": editor, "PATH": "/usr/bin:/bin"})
    assert outcome.text == "conceptextra"  # what the editor wrote came back
    assert seen.read_text().strip() == "600"


async def test_the_client_verifies_certificates() -> None:
    async with PleioClient("https://pleio.example", None) as client:
        http = client._transport._http  # type: ignore[attr-defined]
        context = http._transport._pool._ssl_context
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_plain_http_elsewhere_needs_the_setting(tmp_path: Path) -> None:
    with pytest.raises(SiteUrlError, match="allow_insecure_http"):
        parse_site_url("http://gemeente.pleio.example")
    assert parse_site_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    allowed = parse_site_url("http://gemeente.pleio.example", allow_insecure_http=True)
    assert allowed == "http://gemeente.pleio.example"
    assert Config().allow_insecure_http is False
