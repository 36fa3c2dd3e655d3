"""Bad input from the user gets a clear message pointing at the problem, never a
traceback: headless commands exit with 2 and say it in one line (an unknown group
adds the list to choose from), the app notifies and keeps the draft."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from corpus import assert_inert
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, choose_group, make_app, synced, wait_for

from pleio_tui.cli import main
from pleio_tui.context import site_context
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
from pleio_tui.store import Store
from pleio_tui.tui.screens.new_post import NewPostScreen


def first_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    output = capsys.readouterr()
    assert "Traceback" not in output.err and output.out == ""
    lines = output.err.strip().splitlines()
    assert lines, "no message"
    assert_inert(lines[0])
    return lines[0]


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["search", "x", "--site", "ftp://pleio.example"], "starts with https://"),
        (["search", "x", "--site", "https://"], "no host name"),
        (["search", "x", "--site", "http://pleio.example"], "allow_insecure_http"),
        (["search", "x", "--site", "https://a b.example"], "no host name"),
        (["search", "x"], "which site?"),
        (["post", "--group", "x", "--title", "   "], "title must be 1 to 256"),
        (["post", "--group", "x", "--title", "t" * 257], "title must be 1 to 256"),
    ],
)
def test_bad_arguments_are_one_line_and_exit_2(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    line = first_error_line(capsys)
    assert line.startswith("pleio-tui: ") and expected in line


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ('site = "https://a.example"\nsite = ', "not valid TOML"),
        ('sitee = "https://a.example"\n', "unknown setting 'sitee'"),
        ('language = "fr"\n', "language must be one of nl, en"),
        ("[sync]\ninterval_minutes = -1\n", "interval_minutes"),
        ('site = "\\u001b]0;PWNED\\u0007"\n', "not a valid site address: '\\x1b]0;PWNED"),
    ],
)
def test_a_config_with_errors_names_the_file_and_the_setting(
    config: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    config_file = AppDirs.default().config_file
    config_file.parent.mkdir(parents=True, exist_ok=True)
    config_file.write_text(config, encoding="utf-8")
    assert main(["search", "anything"]) == 2
    line = first_error_line(capsys)
    assert expected in line
    if "site" not in config or "sitee" in config or "TOML" in expected:
        assert str(config_file) in line


def test_an_unknown_group_lists_the_ones_there_are(
    demo_site: LocalSite,
    hadewych: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("PLEIO_TUI_SESSION", hadewych)
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", demo_site.url)
    body = tmp_path / "post.md"
    body.write_text("tekst", encoding="utf-8")
    assert main(["sync", "--site", demo_site.url]) == 0
    capsys.readouterr()
    argv = ["post", "--group", "bestaat \x1b[2Jniet", "--title", "T", str(body)]
    assert main([*argv, "--site", demo_site.url]) == 2
    err = capsys.readouterr().err
    assert_inert(err.replace("\n", " "))
    first, *groups = err.strip().splitlines()
    assert first == "pleio-tui: no cached group matches 'bestaat [2Jniet'; the groups are:"
    assert any("Van buiten naar binnen" in line for line in groups)


async def test_an_empty_title_in_the_app_is_refused_and_the_post_kept(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Van buiten")
        await pilot.press("n")  # n asks the kind first: a blog
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await wait_for(pilot, lambda: isinstance(app.screen, NewPostScreen))
        await pilot.press("tab", *"Een tekst zonder titel", "ctrl+s")
        await pilot.pause(0.3)
        assert isinstance(app.screen, NewPostScreen)  # still open, nothing lost
        shown = assert_strips_inert(screen_strips(pilot), "new post")
        assert "Geef het blog een titel." in shown
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, NewPostScreen))
        store = app.store
        assert store is not None
        assert [draft.body for draft in store.drafts()] == ["Een tekst zonder titel"]
        assert store.outbox() == []
        await pilot.press("j")  # still running
    if app.store is not None:
        app.store.close()


# --- bytes that are not UTF-8, and session values no cookie can carry, in real processes


def run_cli(
    *args: str | bytes, stdin: bytes = b"", session: str | None = None, site: str = ""
) -> subprocess.CompletedProcess[bytes]:
    """`python -m pleio_tui ARGS` as a shell would start it: arguments are bytes;
    `session` is given in the environment for `site`."""
    env = {**os.environ}
    env.pop("PLEIO_TUI_SESSION", None)
    env.pop("PLEIO_TUI_SESSION_SITE", None)
    if session is not None:
        env["PLEIO_TUI_SESSION"] = session
        env["PLEIO_TUI_SESSION_SITE"] = site
    argv = [arg if isinstance(arg, bytes) else arg.encode() for arg in args]
    return subprocess.run(
        [sys.executable.encode(), b"-m", b"pleio_tui", *argv],
        input=stdin,
        env=env,
        capture_output=True,
        timeout=60,
    )


def one_line_exit_2(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err and result.stdout == b""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pleio-tui: "), err
    assert_inert(lines[0])
    return lines[0]


def blog_count(site: LocalSite, session: str) -> int:
    response = httpx.post(
        f"{site.url}/graphql",
        json={"query": '{ entities(subtype: "blog", limit: 1000) { total } }'},
        headers={"Cookie": f"sessionid={session}"},
        timeout=10,
    )
    return int(response.json()["data"]["entities"]["total"])


@pytest.fixture
def synced_site(demo_site: LocalSite, hadewych: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("PLEIO_TUI_SESSION", hadewych)
    monkeypatch.setenv("PLEIO_TUI_SESSION_SITE", demo_site.url)
    assert main(["sync", "--site", demo_site.url]) == 0
    monkeypatch.delenv("PLEIO_TUI_SESSION")
    return demo_site.url


def nothing_queued(site_url: str) -> None:
    with Store.open(site_context(site_url, read_keyring=False).cache_path) as store:
        assert store.outbox() == [] and store.drafts() == []


LATIN_1 = "Één café, één zaak".encode("latin-1")


@pytest.mark.parametrize(
    "args",
    [
        [b"search", b"caf\xe9"],
        [b"post", b"--group", b"Van buiten", b"--title", b"Caf\xe9", b"-"],
        [b"post", b"--group", b"Van buiten \xff", b"--title", b"Titel", b"-"],
        [b"--site", b"https://caf\xe9.example", b"search", b"x"],
    ],
    ids=["search", "post-title", "post-group", "site"],
)
def test_arguments_that_are_not_utf8_are_refused(
    args: list[bytes], synced_site: str, demo_site: LocalSite, hadewych: str
) -> None:
    before = blog_count(demo_site, hadewych)

    result = run_cli(
        *args, b"--site", synced_site.encode(), stdin=b"Tekst", session=hadewych, site=synced_site
    )

    assert "not UTF-8" in one_line_exit_2(result)
    nothing_queued(synced_site)
    assert blog_count(demo_site, hadewych) == before


@pytest.mark.parametrize("source", ["stdin", "file"])
def test_a_body_that_is_not_utf8_is_refused(
    source: str, synced_site: str, demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    before = blog_count(demo_site, hadewych)
    body = tmp_path / "latin1.md"
    body.write_bytes(LATIN_1)
    where = "-" if source == "stdin" else str(body)

    result = run_cli(
        "post",
        "--group",
        "Van buiten",
        "--title",
        "Café",
        where,
        "--site",
        synced_site,
        stdin=LATIN_1,
        session=hadewych,
        site=synced_site,
    )

    line = one_line_exit_2(result)
    assert "not UTF-8" in line and ("standard input" in line or "latin1.md" in line)
    nothing_queued(synced_site)
    assert blog_count(demo_site, hadewych) == before


@pytest.mark.parametrize(
    "args",
    [["sync"], ["post", "--group", "Van buiten", "--title", "Titel", "-"], ["search", "x"], []],
    ids=["sync", "post", "search", "tui"],
)
@pytest.mark.parametrize("session", ["abc def", 'abc"def;other=1', "s\u00e9ssion"])
def test_a_malformed_session_in_the_environment_is_refused(
    args: list[str], session: str, synced_site: str, demo_site: LocalSite, hadewych: str
) -> None:
    before = blog_count(demo_site, hadewych)

    result = run_cli(
        *args, "--site", synced_site, stdin=b"Tekst", session=session, site=synced_site
    )

    if args == ["search", "x"]:  # the cache alone: the session is never read
        assert result.returncode in (0, 1) and b"Traceback" not in result.stderr
        return
    line = one_line_exit_2(result)
    assert "PLEIO_TUI_SESSION" in line and "not a sessionid value" in line
    assert session not in line
    nothing_queued(synced_site)
    assert blog_count(demo_site, hadewych) == before


@pytest.mark.parametrize(
    "pasted", [b"abc def\n", b"abc;def\n", LATIN_1 + b"\n"], ids=["space", "semicolon", "latin-1"]
)
def test_login_refuses_a_malformed_session(pasted: bytes, demo_site: LocalSite) -> None:
    result = run_cli("login", demo_site.url, stdin=pasted)

    line = one_line_exit_2(result)
    assert "sessionid" in line or "not UTF-8" in line
    assert not AppDirs.default().config_file.exists()
