"""Changing the config file: a site added as a `[sites.NAME]` table, a few of its
settings set, or a setting chosen in the app (language, theme) kept, with the
rest of the file (comments, order) left as written.

The file is replaced whole (written beside it, then renamed), readable by the
user alone. Only names, addresses, browser names and folders are written here:
never a session.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from pleio_tui.paths import ensure_private_dir

_TABLE = re.compile(r"^\s*\[")
_SETTING_VALUE = re.compile(r"[A-Za-z0-9_.-]{1,64}")
KEPT_SETTINGS = frozenset({"language", "theme"})


def _read(config_file: Path) -> str:
    return config_file.read_text(encoding="utf-8") if config_file.exists() else ""


def _write(config_file: Path, text: str) -> None:
    ensure_private_dir(config_file.parent)
    temporary = config_file.with_name(config_file.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, config_file)


def _value(value: str | bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _header(name: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*\[\s*sites\s*\.\s*\"?{re.escape(name)}\"?\s*\]\s*(#.*)?$")


def add_site(
    config_file: Path,
    name: str,
    url: str,
    *,
    make_default: bool,
    settings: dict[str, str | bool | None] | None = None,
) -> None:
    """Append `[sites.NAME]` with its url and settings (None values left out);
    `make_default` also puts `default = NAME` at the top of the file."""
    text = _read(config_file)
    lines = [f"[sites.{name}]", f"url = {_value(url)}"]
    lines += [f"{key} = {_value(v)}" for key, v in (settings or {}).items() if v is not None]
    if text and not text.endswith("\n"):
        text += "\n"
    text += ("\n" if text else "") + "\n".join(lines) + "\n"
    if make_default:
        # A top-level key goes before any [table]: at the top is always valid TOML.
        text = f"default = {_value(name)}\n{text}"
    _write(config_file, text)


def set_site_settings(config_file: Path, name: str, settings: dict[str, str | bool | None]) -> bool:
    """Set (or, for None, remove) settings in the `[sites.NAME]` table; False
    when the file has no such table (the older `site = ...` has none)."""
    lines = _read(config_file).splitlines()
    header = _header(name)
    start = next((i for i, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return False
    end = next((i for i in range(start + 1, len(lines)) if _TABLE.match(lines[i])), len(lines))
    keys = re.compile(rf"^\s*({'|'.join(map(re.escape, settings))})\s*=")
    body = [line for line in lines[start + 1 : end] if not keys.match(line)]
    added = [f"{key} = {_value(v)}" for key, v in settings.items() if v is not None]
    lines[start + 1 : end] = added + body
    _write(config_file, "\n".join(lines) + "\n")
    return True


def keep_setting(path: Path, key: str, value: str) -> None:
    """Set top-level `key` (language, theme) to `value` in the file at `path` (made
    if missing): its line replaced where it is, else added before the first table.
    OSError when it cannot be written."""
    if key not in KEPT_SETTINGS or not _SETTING_VALUE.fullmatch(value):
        raise ValueError(f"not a setting to keep: {key}={value!r}")
    line = f'{key} = "{value}"'
    lines = _read(path).splitlines()
    assigned = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for number, existing in enumerate(lines):
        if _TABLE.match(existing):
            lines.insert(number, line)
            break
        if assigned.match(existing):
            lines[number] = line
            break
    else:
        lines.append(line)
    _write(path, "\n".join(lines) + "\n")
