"""The user's TOML configuration: site, language, key remaps, sync settings."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from pleio_tui.paths import ensure_private_dir


class ConfigError(ValueError):
    """The config file has a problem; the message names the file and the setting."""


LANGUAGES = ("nl", "en")


NO_KEYS: Mapping[str, str] = MappingProxyType({})


class Config(NamedTuple):
    """Read at every start: a NamedTuple, like the models (see models.py)."""

    site: str | None = None
    language: str | None = None
    """"nl" or "en"; None follows the site's language."""
    allow_insecure_http: bool = False
    keys: Mapping[str, str] = NO_KEYS
    """Binding id -> comma-separated keys, e.g. {"post.comment": "C"}."""
    sync_interval_minutes: int = 15
    path: Path | None = None
    theme: str | None = None
    """One of Textual's themes by name ("nord", "textual-light"); None: the default."""


def load_config(path: Path, *, parsed_copy: Path | None = None) -> Config:
    """The config in `path`; defaults when there is no such file.

    `parsed_copy` is a file where the config's text is kept with what it parsed
    to, as JSON: a start that finds the same text there does not import tomllib,
    which costs more than everything else in reading the config (1.5 ms).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    data = _kept_parse(parsed_copy, text) if parsed_copy is not None else None
    if data is None:
        data = _parse_toml(text, path)
        if parsed_copy is not None:
            _keep_parse(parsed_copy, text, data)
    return _config_from(data, path)


def _parse_toml(text: str, path: Path) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _kept_parse(parsed_copy: Path, text: str) -> dict[str, Any] | None:
    """What `text` parsed to last time, or None when the copy is missing, stale
    or unreadable."""
    try:
        kept = json.loads(parsed_copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or kept.get("text") != text:
        return None
    data = kept.get("data")
    return data if isinstance(data, dict) else None


def _keep_parse(parsed_copy: Path, text: str, data: dict[str, Any]) -> None:
    """Replace the copy whole (never half written); failing to keep it costs only
    the next start's time."""
    try:
        encoded = json.dumps({"text": text, "data": data}, ensure_ascii=False)
    except (TypeError, ValueError):  # TOML dates and times have no JSON form
        return
    try:
        ensure_private_dir(parsed_copy.parent)
        handle, name = tempfile.mkstemp(dir=parsed_copy.parent, prefix=".config-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(encoded)
            os.replace(name, parsed_copy)
        except BaseException:
            os.unlink(name)
            raise
    except OSError:
        return


def _config_from(data: dict[str, Any], path: Path) -> Config:
    known = {"site", "language", "allow_insecure_http", "keys", "sync", "theme"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"{path}: unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    site = _typed(data, "site", str, path)
    language = _typed(data, "language", str, path)
    if language is not None and language not in LANGUAGES:
        raise ConfigError(
            f"{path}: language must be one of {', '.join(LANGUAGES)}, not {language!r}"
        )
    insecure = _typed(data, "allow_insecure_http", bool, path) or False
    keys = _typed(data, "keys", dict, path) or {}
    for binding_id, value in keys.items():
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f'{path}: [keys] {binding_id} must be a key name such as "ctrl+k"')
    sync = _typed(data, "sync", dict, path) or {}
    interval = sync.get("interval_minutes", 15)
    if not isinstance(interval, int) or isinstance(interval, bool) or interval < 0:
        raise ConfigError(f"{path}: [sync] interval_minutes must be a whole number >= 0")
    return Config(
        site=site,
        language=language,
        allow_insecure_http=insecure,
        keys=MappingProxyType(dict(keys)),
        sync_interval_minutes=interval,
        path=path,
        theme=_typed(data, "theme", str, path),
    )


def _typed(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise ConfigError(f"{path}: {key} must be a {kind.__name__}, not {type(value).__name__}")
    return value
