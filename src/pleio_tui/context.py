"""What every command needs to know about the site it works on."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from pleio_tui.config import Config, SiteEntry, load_config
from pleio_tui.paths import AppDirs
from pleio_tui.secret import Secret
from pleio_tui.site_url import SiteUrlError, parse_site_url


class NoSiteError(ValueError):
    def __init__(self, config_file: Path) -> None:
        super().__init__(
            "which site? give --site NAME or --site https://..., or add the site with "
            f"`pleio-tui login https://...` (a [sites.NAME] table in {config_file})"
        )


class UnknownSiteNameError(SiteUrlError):
    def __init__(self, name: str, config: Config) -> None:
        known = ", ".join(entry.name for entry in config.sites) or "none yet"
        super().__init__(
            f"no site named {name!r} in the config (sites: {known}); give its address "
            "(https://...) or add it with `pleio-tui login https://... --name NAME`"
        )


class SiteContext(NamedTuple):
    site_url: str
    session: Secret | None
    cache_path: Path
    config: Config
    offline: bool = False
    entry: SiteEntry | None = None
    """The site's table in the config; None for an address given that it lacks."""
    session_in_keyring: bool = False
    """The session is the keyring's (not PLEIO_TUI_SESSION, not given)."""

    @property
    def anonymous(self) -> bool:
        """Read without an account: added so, or no session to read with."""
        return (self.entry is not None and self.entry.anonymous) or (
            self.session is None and not self.offline
        )


def resolve_site(
    raw: str, config: Config, *, may_be_name: bool = True
) -> tuple[str, SiteEntry | None]:
    """The address of `raw` (a site's name in the config, or an address) and its
    entry; UnknownSiteNameError for a bare word that names no site. The config's
    own default is an address (`may_be_name=False`)."""
    named = config.site_named(raw.strip()) if may_be_name else None
    if named is not None:
        return parse_site_url(named.url, allow_insecure_http=config.allow_insecure_http), named
    text = raw.strip()
    bare_word = "://" not in text and "." not in text and ":" not in text
    if may_be_name and bare_word and text != "localhost":
        raise UnknownSiteNameError(text, config)
    site_url = parse_site_url(text, allow_insecure_http=config.allow_insecure_http)
    return site_url, config.site_at(site_url)


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

    `config` is the one read from `dirs` already, when the caller has it. The
    session is PLEIO_TUI_SESSION's only for the site PLEIO_TUI_SESSION_SITE names
    (UnboundSessionError when it names none), else the keyring's.
    """
    dirs = dirs or AppDirs.default()
    if config is None:
        config = load_config(dirs.config_file)
    raw = site_option or config.site
    if not raw:
        raise NoSiteError(dirs.config_file)
    try:
        site_url, entry = resolve_site(raw, config, may_be_name=bool(site_option))
    except SiteUrlError as exc:
        if site_option:
            raise
        raise SiteUrlError(f"{dirs.config_file}: site: {exc}") from None
    if entry is not None and entry.anonymous:
        read_keyring = False  # added to be read without an account
    in_keyring = False
    if session is None and read_keyring:
        # keyring: 20 ms, when needed
        from pleio_tui.credentials import load_session, session_from_env

        session = load_session(site_url)
        in_keyring = session is not None and session_from_env(site_url) is None
    return SiteContext(
        site_url=site_url,
        session=session,
        cache_path=dirs.site_cache_file(site_url),
        config=config.for_site(entry),
        offline=offline,
        entry=entry,
        session_in_keyring=in_keyring,
    )
