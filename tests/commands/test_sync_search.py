"""`sync` reports what it did and fails loudly; `search` answers from the cache alone."""

from __future__ import annotations

import io

import pytest
from command_helpers import add_blog, cli

from pleio_tui.credentials import save_session
from pleio_tui.secret import Secret
from pleio_tui.server import LocalSite


@pytest.fixture
def logged_in(demo_site: LocalSite, hadewych: str) -> str:
    save_session(demo_site.url, Secret(hadewych))
    return demo_site.url


def test_sync_prints_a_summary_and_succeeds(
    logged_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("sync", "--site", logged_in) == 0

    err = capsys.readouterr().err
    assert err.startswith(f"Synced {logged_in} in ")
    assert "items " in err and "blogs 10" in err and "\r" not in err


def test_sync_with_the_site_stopped_fails_with_a_clear_message(
    demo_site: LocalSite, logged_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_site.stop()

    assert cli("--site", logged_in, "sync") == 1

    err = capsys.readouterr().err
    assert f"{logged_in} cannot be reached" in err
    assert "Traceback" not in err


def test_sync_without_a_session_reads_as_a_visitor_and_says_how_to_log_in(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("--site", demo_site.url, "sync") == 0

    err = capsys.readouterr().err
    assert "read as a visitor" in err and f"pleio-tui login {demo_site.url}" in err


def test_sync_with_an_expired_session_fails(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    save_session(demo_site.url, Secret("lang-verlopen"))

    assert cli("--site", demo_site.url, "sync") == 1

    assert "no longer accepts the session" in capsys.readouterr().err


def test_sync_refuses_to_run_offline(logged_in: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli("--offline", "--site", logged_in, "sync") == 2

    assert "without --offline" in capsys.readouterr().err


def test_sync_without_a_keyring_names_the_environment_variable(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    keyring.set_keyring(NoKeyring())

    assert cli("--site", demo_site.url, "sync") == 2

    err = capsys.readouterr().err
    assert "PLEIO_TUI_SESSION" in err and "PLEIO_TUI_SESSION_SITE" in err
    assert "Traceback" not in err


def test_search_prints_one_hit_a_line_with_the_site_stopped(
    demo_site: LocalSite, logged_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    cli("sync", "--site", logged_in)
    demo_site.stop()
    capsys.readouterr()

    assert cli("search", "energieke", "samenleving", "--site", logged_in) == 0

    [line] = capsys.readouterr().out.splitlines()
    title, group, author, date = line.split("\t")
    assert title == "Leren door doen; overheidsparticipatie in een energieke samenleving"
    assert (group, author) == ("Van buiten naar binnen in het ministerie van V&J", "Hadewych")
    assert len(date) == 10 and date[4] == "-"


def test_search_output_cannot_drive_the_terminal(
    demo_site: LocalSite, hadewych: str, logged_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    add_blog(
        demo_site,
        hadewych,
        "Van buiten naar binnen in het ministerie van V&J",
        "Kaping\x1b]0;PWNED\x07\x1b[2J\u202eevil\ttab",
        "Een kapingspoging op de terminal",
    )
    cli("sync", "--site", logged_in)
    capsys.readouterr()

    assert cli("search", "kapingspoging", "--site", logged_in) == 0

    out = capsys.readouterr().out
    assert out.startswith("Kaping]0;PWNED[2Jevil tab\t")
    assert not any(ch in out for ch in "\x1b\x07\u202e")


def test_search_without_hits_fails(logged_in: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli("sync", "--site", logged_in)

    assert cli("search", "xylofoonbouwer", "--site", logged_in) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert "No cached post matches 'xylofoonbouwer'" in captured.err


def test_search_before_any_sync_says_so(
    demo_site: LocalSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli("search", "iets", "--site", demo_site.url) == 1

    assert "nothing is cached" in capsys.readouterr().err


def test_the_progress_line_redraws_itself_in_place() -> None:
    from pleio_tui.commands.sync import ProgressLine
    from pleio_tui.sync import SyncPhase, SyncProgress

    stream = io.StringIO()
    line = ProgressLine(stream)
    line(SyncProgress(SyncPhase.BLOGS, 50, 200))
    line(SyncProgress(SyncPhase.BLOGS, 200, 200))
    line.clear()

    drawn = stream.getvalue().split("\r")
    assert "\n" not in stream.getvalue()
    assert "[######------------------] 50/200" in drawn[1]
    assert "[########################] 200/200" in drawn[2]
    assert drawn[-1] == ""
