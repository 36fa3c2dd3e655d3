"""The layering rule of the design: imports point down, textual only in the TUI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "pleio_tui"

# Which first-party packages each layer may import (besides itself and the leaves).
LEAVES = {
    "models",
    "richtext",
    "paths",
    "site_url",
    "config",
    "credentials",
    "secret",
    "lazy",
    "__init__",
}
ALLOWED = {
    "api": set(),
    "store": set(),
    "sync": {"api", "store"},
    "tui": {"api", "store", "sync"},
    "server": set(),
}


def imports_of(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def layer_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def test_the_package_has_modules() -> None:
    assert len(python_files()) > 5


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_textual_is_imported_only_under_tui(path: Path) -> None:
    if layer_of(path) == "tui":
        return
    offending = [n for n in imports_of(path) if n == "textual" or n.startswith("textual.")]
    assert not offending, f"{path.name} imports {offending}: textual belongs under tui/"


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    layer = layer_of(path)
    if layer not in ALLOWED:
        return
    allowed = ALLOWED[layer] | LEAVES | {layer}
    for name in imports_of(path):
        if not name.startswith("pleio_tui."):
            continue
        target = name.split(".")[1]
        assert target in allowed, (
            f"{path.relative_to(PACKAGE)} imports {name}: against the layering"
        )


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "tui").rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_the_tui_opens_no_database_or_connection_itself(path: Path) -> None:
    direct = [n for n in imports_of(path) if n.split(".")[0] in {"sqlite3", "httpx"}]
    assert not direct, f"{path.name} imports {direct}: go through store/ and api/"
