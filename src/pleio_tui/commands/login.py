"""`pleio-tui login SITE_URL`: check a browser session cookie and keep it in the keyring.

Pleio has no API tokens: the user logs in with the browser and copies the value
of the `sessionid` cookie.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys
from pathlib import Path

from pleio_tui.api import OfflineError, PleioClient, PleioError, SessionExpiredError
from pleio_tui.commands.errors import describe_offline, explain
from pleio_tui.commands.text_input import read_stdin_line
from pleio_tui.config import Config, load_config
from pleio_tui.credentials import KeyringUnavailableError, save_session
from pleio_tui.models import Viewer
from pleio_tui.paths import AppDirs, ensure_private_dir
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.secret import COOKIE_NAME, MalformedSessionError, Secret, session_secret
from pleio_tui.site_url import parse_site_url


class NoSessionGivenError(ValueError):
    """Nothing was typed or piped in."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _read_session(site_url: str) -> Secret:
    """From the terminal without echo, or one line of piped input; a pasted
    "sessionid=..." (as in a Cookie header) is taken as its value."""
    if sys.stdin.isatty():
        _say(
            f"Log in to {site_url} in your browser, then copy the value of the cookie "
            f"'{COOKIE_NAME}' (developer tools > Storage or Application > Cookies)."
        )
        raw = getpass.getpass(f"{COOKIE_NAME}: ")
    else:
        raw = read_stdin_line()
    if not raw.strip():
        raise NoSessionGivenError
    return session_secret(raw)


async def _viewer(site_url: str, session: Secret) -> Viewer:
    async with PleioClient(site_url, session) as client:
        return await client.viewer()


def remember_site(config_file: Path, config: Config, site_url: str) -> bool:
    """Make the site the default in the config when it names none; True if written."""
    if config.site:
        return False
    ensure_private_dir(config_file.parent)
    existing = config_file.read_text(encoding="utf-8") if config_file.exists() else ""
    # A top-level key goes before any [table]: at the top is always valid TOML.
    text = f"site = {json.dumps(site_url)}\n{existing}"
    temporary = config_file.with_name(config_file.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    os.replace(temporary, config_file)
    return True


def run(args: argparse.Namespace) -> int:
    dirs = AppDirs.default()
    config = load_config(dirs.config_file)
    site_url = parse_site_url(args.site_url, allow_insecure_http=config.allow_insecure_http)
    if args.offline:
        _say("pleio-tui: login checks the session with the site: run it without --offline")
        return 2
    try:
        session = _read_session(site_url)
    except NoSessionGivenError:
        _say("pleio-tui: no sessionid given: nothing was stored")
        return 1
    except MalformedSessionError as exc:
        _say(f"pleio-tui: {exc}: nothing was stored")
        return 2
    try:
        viewer = asyncio.run(_viewer(site_url, session))
    except SessionExpiredError:
        viewer = Viewer(logged_in=False)
    except OfflineError as exc:
        _say(f"pleio-tui: cannot reach {site_url}: {describe_offline(exc)}")
        return 1
    except PleioError as exc:
        _say(f"pleio-tui: {explain(exc)}")
        return 1
    if not viewer.logged_in or viewer.user is None:
        _say(
            f"pleio-tui: {site_url} does not know this session (expired, logged out, or "
            "copied from another site): log in with the browser and copy it again. "
            "Nothing was stored."
        )
        return 1
    try:
        save_session(site_url, session)
    except KeyringUnavailableError as exc:
        _say(
            f"pleio-tui: {site_url} accepts the session, but it was not stored: {exc}. "
            "Not logged in"
        )
        return 2
    if remember_site(dirs.config_file, config, site_url):
        _say(f"Saved {site_url} as the default site in {dirs.config_file}")
    _say(f"Logged in to {site_url} as {terminal_safe_line(viewer.user.name)}")
    return 0
