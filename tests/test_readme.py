"""The README documents every command and every key binding the program has."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from pleio_tui.cli import build_parser
from pleio_tui.tui.keys import DEFAULT_KEYS

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("the parser has no commands")


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    assert f"pleio-tui {name}" in README


@pytest.mark.parametrize("binding_id", sorted({spec.id for spec in DEFAULT_KEYS}))
def test_every_binding_id_is_in_the_readme(binding_id: str) -> None:
    assert f"`{binding_id}`" in README


def test_the_screenshots_the_readme_shows_exist() -> None:
    root = Path(__file__).resolve().parents[1]
    shown = [part.split(")")[0] for part in README.split("](screenshots/")[1:]]
    assert shown
    for name in shown:
        assert (root / "screenshots" / name).is_file(), name
