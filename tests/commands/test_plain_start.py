"""`pleio-tui [--offline] [--site URL]` starts without argparse, with the same
arguments argparse would have given; any other command line goes to argparse."""

from __future__ import annotations

import subprocess
import sys

import pytest

from pleio_tui.cli import build_parser, plain_start

SITE = "https://gemeente.pleio.nl"


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--offline"],
        ["--site", SITE],
        [f"--site={SITE}"],
        ["--offline", "--site", SITE],
        [f"--site={SITE}", "--offline"],
        ["--site="],
    ],
)
def test_a_plain_start_reads_like_argparse(argv: list[str]) -> None:
    fast = plain_start(argv)
    parsed = build_parser().parse_args(argv)
    assert fast is not None
    assert (fast.command, fast.site, fast.offline) == (
        parsed.command or "tui",
        parsed.site,
        parsed.offline,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["--offline", "--offline"],
        ["--site", SITE, "--site", SITE],
        ["--off"],
        ["--site"],
        ["--site", "--offline"],
        ["sync"],
        ["--site", SITE, "search", "water"],
        ["--help"],
        ["--version"],
        ["-h"],
    ],
)
def test_anything_else_is_left_to_argparse(argv: list[str]) -> None:
    assert plain_start(argv) is None


def test_a_plain_start_does_not_import_argparse() -> None:
    code = (
        "import sys\n"
        "from pleio_tui.cli import plain_start\n"
        "import pleio_tui.commands.tui, pleio_tui.tui.app\n"
        "assert plain_start(['--offline']) is not None\n"
        "print('argparse' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "False"
