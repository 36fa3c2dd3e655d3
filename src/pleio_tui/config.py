"""The user's TOML configuration: the sites, language, key remaps, sync settings.

Several sites live in `[sites.NAME]` tables (`url`, optional `language`,
`anonymous`, `browser`, `profile`, `[sites.NAME.sync] interval_minutes`), one of
them named by `default`; the older single `site = URL` is read as one site."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from pleio_tui.paths import ensure_private_dir, normalise_site_url


class ConfigError(ValueError):
    """The config file has a problem; the message names the file and the setting."""


LANGUAGES = ("nl", "en")


NO_KEYS: Mapping[str, str] = MappingProxyType({})


SITE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
"""A site's name: a bare TOML key, short enough for the site switcher."""

BROWSERS = ("firefox", "chromium", "chrome", "edge", "brave")


class SiteEntry(NamedTuple):
    """One `[sites.NAME]` table (or the older top-level `site`)."""

    name: str
    url: str
    """As written in the config; checked by `site_url.parse_site_url` when used."""
    language: str | None = None
    sync_interval_minutes: int | None = None
    anonymous: bool = False
    """Read without an account: no login asked, writing refused."""
    browser: str | None = None
    """The browser whose cookie store the session was read from (`login --from-browser`)."""
    profile: str | None = None
    """That browser's profile folder; None for its default profile."""


class Config(NamedTuple):
    """Read at every start: a NamedTuple, like the models (see models.py)."""

    site: str | None = None
    """The default site's address: `default`'s, the older `site`, or the only one."""
    language: str | None = None
    """"nl" or "en"; None follows the site's language."""
    allow_insecure_http: bool = False
    keys: Mapping[str, str] = NO_KEYS
    """Binding id -> comma-separated keys, e.g. {"post.comment": "C"}."""
    sync_interval_minutes: int = 15
    path: Path | None = None
    sites: tuple[SiteEntry, ...] = ()
    default: str | None = None
    """The name of the default site, when the config names one."""
    theme: str | None = None
    """One of Textual's themes by name ("nord", "textual-light"); None: the default."""

    def site_named(self, name: str) -> SiteEntry | None:
        return next((entry for entry in self.sites if entry.name == name), None)

    def site_at(self, site_url: str) -> SiteEntry | None:
        """The entry whose address is `site_url` (both normalised)."""
        wanted = normalise_site_url(site_url)
        return next((e for e in self.sites if _normalised(e.url) == wanted), None)

    def for_site(self, entry: SiteEntry | None) -> Config:
        """This config with the site's own language and sync interval in force."""
        if entry is None:
            return self
        return self._replace(
            language=entry.language or self.language,
            sync_interval_minutes=(
                self.sync_interval_minutes
                if entry.sync_interval_minutes is None
                else entry.sync_interval_minutes
            ),
        )


def _normalised(raw: str) -> str:
    """The address to compare sites by; one that cannot be parsed is compared as
    written (using it says what is wrong with it, `site_url.parse_site_url`)."""
    text = raw.strip()
    try:
        return normalise_site_url(text if "://" in text else "https://" + text)
    except ValueError:
        return text.lower()


def name_for_host(site_url: str) -> str:
    """A site's name derived from its host: "gemeente" for gemeente.pleio.nl,
    "127-0-0-1-8000" for a loopback address with a port."""
    try:
        parts = urlsplit(_normalised(site_url))
        host, port = (parts.hostname or "site").lower(), parts.port
    except ValueError:
        host, port = "site", None
    labels = [label for label in host.split(".") if label]
    numeric = all(label.isdigit() for label in labels) or ":" in host
    if len(labels) >= 2 and not numeric:
        base = labels[0] if labels[0] != "www" or len(labels) == 2 else labels[1]
    else:
        base = host
        if port:
            base += f"-{port}"
    name = re.sub(r"[^a-z0-9_-]+", "-", base).strip("-")[:40]
    return name or "site"


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
    import tomllib  # 4 ms; a start reads the parsed copy instead

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


def unique_site_name(config: Config, site_url: str) -> str:
    """A name from the host that no other site in the config has."""
    base = name_for_host(site_url)
    taken = {entry.name for entry in config.sites}
    name, number = base, 2
    while name in taken:
        name, number = f"{base}-{number}", number + 1
    return name


def _config_from(data: dict[str, Any], path: Path) -> Config:
    known = {"site", "language", "allow_insecure_http", "keys", "sync", "sites", "default", "theme"}
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
    sites = _sites(data, path)
    default = _typed(data, "default", str, path)
    if site is not None and not any(_normalised(e.url) == _normalised(site) for e in sites):
        taken = {entry.name for entry in sites}
        name = name_for_host(site)
        while name in taken:
            name += "-1"
        sites = (SiteEntry(name, site), *sites)
    default_url = site
    if default is not None:
        named = next((entry for entry in sites if entry.name == default), None)
        if named is None:
            raise ConfigError(f"{path}: default = {default!r} names no [sites.{default}] table")
        default_url = named.url
    elif default_url is None and sites:  # no default named: the first
        default_url = sites[0].url
    return Config(
        site=default_url,
        language=language,
        allow_insecure_http=insecure,
        keys=MappingProxyType(dict(keys)),
        sync_interval_minutes=interval,
        path=path,
        sites=sites,
        default=default,
        theme=_typed(data, "theme", str, path),
    )


def _sites(data: dict[str, Any], path: Path) -> tuple[SiteEntry, ...]:
    tables = _typed(data, "sites", dict, path) or {}
    entries = []
    for name, table in tables.items():
        where = f"[sites.{name}]"
        if not SITE_NAME.match(name):
            raise ConfigError(f"{path}: {where}: a site's name is letters, digits, - and _")
        if not isinstance(table, dict):
            raise ConfigError(f'{path}: sites.{name} must be a table with url = "https://..."')
        known = {"url", "language", "anonymous", "browser", "profile", "sync"}
        unknown = sorted(set(table) - known)
        if unknown:
            raise ConfigError(f"{path}: {where}: unknown setting {unknown[0]!r}")
        url = table.get("url")
        if not isinstance(url, str) or not url.strip():
            raise ConfigError(f'{path}: {where} needs url = "https://..."')
        language = table.get("language")
        if language is not None and language not in LANGUAGES:
            raise ConfigError(f"{path}: {where} language must be one of {', '.join(LANGUAGES)}")
        sync = table.get("sync", {})
        interval = sync.get("interval_minutes") if isinstance(sync, dict) else "?"
        bad = not isinstance(interval, int) or isinstance(interval, bool) or interval < 0
        if interval is not None and bad:
            raise ConfigError(f"{path}: [sites.{name}.sync] interval_minutes must be >= 0")
        anonymous = table.get("anonymous", False)
        browser = table.get("browser")
        profile = table.get("profile")
        if not isinstance(anonymous, bool):
            raise ConfigError(f"{path}: {where} anonymous must be true or false")
        if browser is not None and browser not in BROWSERS:
            raise ConfigError(f"{path}: {where} browser must be one of {', '.join(BROWSERS)}")
        if profile is not None and not isinstance(profile, str):
            raise ConfigError(f"{path}: {where} profile must be a folder's path")
        entries.append(SiteEntry(name, url, language, interval, anonymous, browser, profile))
    return tuple(entries)


def _typed(data: dict[str, Any], key: str, kind: type, path: Path) -> Any:
    value = data.get(key)
    if value is not None and not isinstance(value, kind):
        raise ConfigError(f"{path}: {key} must be a {kind.__name__}, not {type(value).__name__}")
    return value
