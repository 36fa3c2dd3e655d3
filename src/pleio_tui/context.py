"""What every command needs to know about the site it works on."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pleio_tui.config import Config, load_config
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.site_url import SiteUrlError, parse_site_url


class NoSiteError(ValueError):
    def __init__(self, config_file: Path) -> None:
        super().__init__(
            f'which site? give --site https://... or set site = "https://..." in {config_file}'
        )


class SiteContext(NamedTuple):
    site_url: str
    session: Secret | None
    cache_path: Path
    config: Config
    offline: bool = False


def site_context(
    site_option: str | None,
    *,
    offline: bool = False,
    dirs: AppDirs | None = None,
    session: Secret | None = None,
    read_keyring: bool = True,
    config: Config | None = None,
) -> SiteContext:
    """Resolve the site from --site or the config, and its session and cache file.

    `config` is the one read from `dirs` already, when the caller has it.
    """
    dirs = dirs or AppDirs.default()
    if config is None:
        config = load_config(dirs.config_file)
    raw = site_option or config.site
    if not raw:
        raise NoSiteError(dirs.config_file)
    try:
        site_url = parse_site_url(raw, allow_insecure_http=config.allow_insecure_http)
    except SiteUrlError as exc:
        if site_option:
            raise
        raise SiteUrlError(f"{dirs.config_file}: site: {exc}") from None
    if session is None and read_keyring:
        from pleio_tui.credentials import load_session  # keyring: 20 ms, when needed

        session = load_session(site_url)
    return SiteContext(
        site_url=site_url,
        session=session,
        cache_path=dirs.site_cache_file(site_url),
        config=config,
        offline=offline,
    )
