"""Keeping a setting the user chose in the app (language, theme) in config.toml.

Only a top-level `key = "value"` line is written: replaced where it is, else
added before the first table, so the rest of the file (comments, tables, the
user's own order) stays as it was. The file is replaced whole, never half written.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from pleio_tui.paths import ensure_private_dir

_VALUE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
SETTINGS = frozenset({"language", "theme"})


def keep_setting(path: Path, key: str, value: str) -> None:
    """Set top-level `key` to `value` in the TOML file at `path` (made if missing).
    OSError when it cannot be written."""
    if key not in SETTINGS or not _VALUE.fullmatch(value):
        raise ValueError(f"not a setting to keep: {key}={value!r}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    line = f'{key} = "{value}"'
    lines = text.splitlines()
    assigned = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, existing in enumerate(lines):
        if existing.lstrip().startswith("["):
            lines.insert(number, line)
            break
        if assigned.match(existing):
            lines[number] = line
            break
    else:
        lines.append(line)
    _replace(path, "\n".join(lines) + "\n")


def _replace(path: Path, text: str) -> None:
    ensure_private_dir(path.parent)
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=".config-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.replace(name, path)
    except BaseException:
        os.unlink(name)
        raise
