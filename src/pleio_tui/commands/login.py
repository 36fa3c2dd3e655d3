"""`pleio-tui login SITE [--name NAME] [--from-browser BROWSER [--profile PATH] |
--anonymous]`: check a browser session cookie, keep it in the keyring, and put
the site in the config.

Pleio has no API tokens: the user logs in with the browser, and the session is
the `sessionid` cookie it set, read from the browser's cookie store or pasted.
A public site can also be added to be read without an account.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from pleio_tui.api import OfflineError, PleioClient, PleioError, SessionExpiredError
from pleio_tui.browser_login import BrowserLoginError, BrowserSupportMissingError
from pleio_tui.cli_i18n import tr
from pleio_tui.commands.errors import describe_no_keyring, describe_offline, explain
from pleio_tui.commands.text_input import BadInputError, read_stdin_line
from pleio_tui.config import SITE_NAME, Config, load_config, unique_site_name
from pleio_tui.config_file import add_site, set_site_settings
from pleio_tui.context import resolve_site
from pleio_tui.credentials import KeyringUnavailableError, save_session
from pleio_tui.models import Viewer
from pleio_tui.paths import AppDirs
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.secret import COOKIE_NAME, MalformedSessionError, Secret, session_secret


class NoSessionGivenError(ValueError):
    """Nothing was typed or piped in."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _read_session(site_url: str) -> Secret:
    """From the terminal without echo, or one line of piped input; a pasted
    "sessionid=..." (as in a Cookie header) is taken as its value."""
    if sys.stdin.isatty():
        _say(
            tr(
                "Log in to {site} in your browser, then copy the value of the cookie "
                "'{cookie}' (developer tools > Storage or Application > Cookies).",
                site=site_url,
                cookie=COOKIE_NAME,
            )
        )
        raw = getpass.getpass(f"{COOKIE_NAME}: ")
    else:
        raw = read_stdin_line()
    if not raw.strip():
        raise NoSessionGivenError
    return session_secret(raw)


async def _viewer(site_url: str, session: Secret | None) -> Viewer:
    async with PleioClient(site_url, session) as client:
        return await client.viewer()


def remember_site(
    config_file: Path,
    config: Config,
    site_url: str,
    name: str | None = None,
    settings: dict[str, str | bool | None] | None = None,
) -> str:
    """Put the site in the config as `[sites.NAME]` (the default when the config
    names none), or set its settings when it is there; the name it has."""
    settings = settings or {}
    entry = config.site_at(site_url)
    if entry is not None and (name is None or name == entry.name):
        if settings:
            set_site_settings(config_file, entry.name, settings)
        return entry.name
    if name is not None and config.site_named(name) is not None:
        raise BadInputError(
            tr("the config already has a site named {name}: choose another --name", name=repr(name))
        )
    name = name or unique_site_name(config, site_url)
    add_site(config_file, name, site_url, make_default=config.site is None, settings=settings)
    return name


def _check_name(name: str | None) -> str | None:
    if name is not None and not SITE_NAME.match(name):
        raise BadInputError(tr("--name takes letters, digits, - and _ (at most 40)"))
    return name


def _anonymous(args: argparse.Namespace, dirs: AppDirs, config: Config, site_url: str) -> int:
    """Add the site to be read without an account, once it answers as Pleio does."""
    try:
        asyncio.run(_viewer(site_url, None))
    except OfflineError as exc:
        _say(
            "pleio-tui: "
            + tr("cannot reach {site}: {why}", site=site_url, why=describe_offline(exc))
        )
        return 1
    except PleioError:
        _say(
            "pleio-tui: "
            + tr(
                "{site} cannot be read without an account (a closed site): log in with "
                "`pleio-tui login {site} --from-browser firefox` (or another browser)",
                site=site_url,
            )
        )
        return 1
    settings: dict[str, str | bool | None] = {"anonymous": True, "browser": None, "profile": None}
    name = remember_site(dirs.config_file, config, site_url, args.name, settings)
    _say(
        tr(
            "Added {site} as {name}, read without an account: "
            "`pleio-tui sync --site {short}` fetches what visitors may read",
            site=site_url,
            name=repr(name),
            short=name,
        )
    )
    return 0


def run(args: argparse.Namespace) -> int:
    dirs = AppDirs.default()
    config = load_config(dirs.config_file)
    site_url, entry = resolve_site(args.site_url, config)
    name = _check_name(getattr(args, "name", None))
    taken = config.site_named(name) if name is not None else None
    if taken is not None and taken != entry:
        raise BadInputError(
            tr("the config already has a site named {name}: choose another --name", name=repr(name))
        )
    if args.offline:
        _say("pleio-tui: " + tr("login checks the session with the site: run it without --offline"))
        return 2
    browser = getattr(args, "from_browser", None)
    profile = getattr(args, "profile", None)
    if profile is not None and browser is None:
        raise BadInputError(tr("--profile goes with --from-browser"))
    if getattr(args, "anonymous", False):
        if browser is not None:
            raise BadInputError(tr("--anonymous and --from-browser exclude each other"))
        return _anonymous(args, dirs, config, site_url)
    try:
        if browser is not None:
            session = read_from_browser(browser, site_url, profile)
        else:
            session = _read_session(site_url)
    except NoSessionGivenError:
        _say("pleio-tui: " + tr("no sessionid given: nothing was stored"))
        return 1
    except MalformedSessionError as exc:
        _say("pleio-tui: " + tr("{why}: nothing was stored", why=exc))
        return 2
    except BrowserLoginError as exc:
        _say("pleio-tui: " + tr("{why}: nothing was stored", why=exc))
        return 2 if isinstance(exc, BrowserSupportMissingError) else 1
    try:
        viewer = asyncio.run(_viewer(site_url, session))
    except SessionExpiredError:
        viewer = Viewer(logged_in=False)
    except OfflineError as exc:
        _say(
            "pleio-tui: "
            + tr("cannot reach {site}: {why}", site=site_url, why=describe_offline(exc))
        )
        return 1
    except PleioError as exc:
        _say(f"pleio-tui: {explain(exc)}")
        return 1
    if not viewer.logged_in or viewer.user is None:
        again = (
            tr("log in to {site} in {browser} again", site=site_url, browser=browser)
            if browser
            else tr("log in with the browser and copy it again")
        )
        _say(
            "pleio-tui: "
            + tr(
                "{site} does not know this session (expired, logged out, or copied from "
                "another site): {again}. Nothing was stored.",
                site=site_url,
                again=again,
            )
        )
        return 1
    try:
        save_session(site_url, session)
    except KeyringUnavailableError as exc:
        _say(
            "pleio-tui: "
            + tr(
                "{site} accepts the session, but it was not stored: {why}. Not logged in",
                site=site_url,
                why=describe_no_keyring(exc.detail),
            )
        )
        return 2
    settings: dict[str, str | bool | None] = {"anonymous": None}
    if browser is not None:
        settings.update(
            browser=browser, profile=str(Path(profile).expanduser()) if profile else None
        )
    had_default = config.site is not None
    name = remember_site(dirs.config_file, config, site_url, name, settings)
    if not had_default:
        _say(
            tr(
                "Saved {site} as {name}, the default site, in {file}",
                site=site_url,
                name=repr(name),
                file=dirs.config_file,
            )
        )
    _say(
        tr(
            "Logged in to {site} as {user} (site {name})",
            site=site_url,
            user=terminal_safe_line(viewer.user.name),
            name=repr(name),
        )
    )
    return 0


def read_from_browser(browser: str, site_url: str, profile: str | None) -> Secret:
    from pleio_tui.browser_login import session_from_browser  # sqlite, AES: when asked

    return session_from_browser(browser, site_url, Path(profile) if profile else None)
