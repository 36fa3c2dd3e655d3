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
    "config_file",
    "browser_login",
    "cli_i18n",
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


LONGEST_MODULE = 450
STRING_TABLES = {"tui/i18n.py"}
"""Strings in two languages, one a line: long by nature, and nothing to split."""


@pytest.mark.parametrize("path", python_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_is_longer_than_one_job_needs(path: Path) -> None:
    if path.relative_to(PACKAGE).as_posix() in STRING_TABLES:
        return
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LONGEST_MODULE, f"{path.relative_to(PACKAGE)} has {lines} lines: split it"


def module_name(path: Path) -> str:
    parts = ("pleio_tui", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def loaded_at_import(path: Path, known: set[str]) -> set[str]:
    """The package's modules that importing `path` loads: its top-level imports,
    without those under `if TYPE_CHECKING` or inside functions."""
    found: set[str] = set()
    body = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while body:
        node = body.pop()
        if isinstance(node, ast.If) and not _is_type_checking(node):
            body.extend([*node.body, *node.orelse])
        elif isinstance(node, ast.Try):
            body.extend([*node.body, *node.orelse, *node.finalbody])
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in known else node.module)
    return found & known


def test_no_import_circle() -> None:
    modules = {module_name(path): path for path in python_files()}
    known = set(modules)
    graph = {name: loaded_at_import(path, known) - {name} for name, path in modules.items()}
    circles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                circles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []
