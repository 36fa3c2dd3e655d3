"""An import inside a function trades clarity for start-up time, so each one says
what it saves: a comment on its line, or above the block of imports it is in."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "pleio_tui"


def _under_type_checking(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _in_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            return True
    return False


def _has_reason(lines: list[str], index: int) -> bool:
    """A comment on the import's line, on an import line right above it, or on the
    line above that block."""
    while index >= 0:
        line = lines[index].strip()
        if "#" in line:
            return True
        if not line.startswith(("import ", "from ")):
            return False
        index -= 1
    return False


def deferred_imports_without_reason(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    missing: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if not _in_function(node, parents) or _under_type_checking(node, parents):
            continue
        if not _has_reason(lines, node.lineno - 1):
            here = lines[node.lineno - 1].strip()
            missing.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {here}")
    return missing


def test_every_deferred_import_names_its_saving() -> None:
    missing = [
        line
        for path in sorted(PACKAGE.rglob("*.py"))
        for line in deferred_imports_without_reason(path)
    ]
    assert not missing, "imports inside functions without a comment:\n" + "\n".join(missing)


def test_the_check_sees_an_import_without_a_reason(tmp_path: Path) -> None:
    module = PACKAGE / "_probe_for_deferred_imports.py"
    module.write_text("def f():\n    import json\n\n\ndef g():\n    import re  # 1 ms\n")
    try:
        assert deferred_imports_without_reason(module) == [
            "_probe_for_deferred_imports.py:2: import json"
        ]
    finally:
        module.unlink()
