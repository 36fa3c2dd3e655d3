"""Where pleio-tui keeps its files: platformdirs' directories for the app name,
one cache file per site, created readable by the user alone."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import platformdirs

from pleio_tui import APP_NAME

# The built-in SHA-256 (`_sha2` from Python 3.12): hashlib would load OpenSSL
# first, 2 ms of every start, for the one short digest in a cache file's name.
try:
    from _sha2 import sha256
except ImportError:
    try:
        from _sha256 import sha256
    except ImportError:  # a Python built without them
        from hashlib import sha256


class AppDirs(NamedTuple):
    data: Path
    config: Path
    cache: Path

    @classmethod
    def default(cls) -> AppDirs:
        return cls(
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def parsed_config_file(self) -> Path:
        """The config as last parsed (see `load_config`)."""
        return self.cache / "config.json"

    def site_cache_file(self, site_url: str) -> Path:
        return self.data / "sites" / f"{site_slug(site_url)}.sqlite3"


def site_slug(site_url: str) -> str:
    """A readable, collision-free file name for a site: host, port, short hash."""
    parts = urlsplit(site_url)
    host = (parts.hostname or "site").lower()
    readable = re.sub(r"[^a-z0-9.-]+", "-", host).strip("-.") or "site"
    if parts.port:
        readable += f"_{parts.port}"
    digest = sha256(normalise_site_url(site_url).encode()).hexdigest()[:8]
    return f"{readable}-{digest}"


def normalise_site_url(site_url: str) -> str:
    """scheme://host[:port] in lower case, without path or trailing slash."""
    parts = urlsplit(site_url.strip())
    netloc = parts.netloc.lower()
    return f"{parts.scheme.lower()}://{netloc}"


def ensure_private_dir(path: Path) -> Path:
    """Create a directory (and parents) that only the user can enter."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)
    return path
