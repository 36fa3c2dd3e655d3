"""Bad input from the user gets a clear message pointing at the problem, never a
traceback: headless commands exit with 2 and say it in one line (an unknown group
adds the list to choose from), the app notifies and keeps the draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import assert_inert
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, choose_group, make_app, synced, wait_for

from pleio_tui.cli import main
from pleio_tui.paths import AppDirs
from pleio_tui.server import LocalSite
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
        await pilot.press("n")
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
