"""What the commands say about a site in the config: how to log in to it again,
and whether it may be written to."""

from __future__ import annotations

import shlex

from pleio_tui.cli_i18n import tr
from pleio_tui.context import SiteContext
from pleio_tui.store import Store


def login_hint(context: SiteContext) -> str:
    """How to log in to the site again: from the browser the session came from,
    when the config remembers one."""
    entry = context.entry
    target = entry.name if entry is not None else context.site_url
    if entry is not None and entry.browser:
        profile = f" --profile {shlex.quote(entry.profile)}" if entry.profile else ""
        return f"`pleio-tui login {target} --from-browser {entry.browser}{profile}`"
    return f"`pleio-tui login {target}`"


def read_only(context: SiteContext, store: Store) -> bool:
    """Nobody to write as: the site is read without an account, or (offline, where
    the keyring is not asked) its cache was last synced by a visitor."""
    if context.anonymous:
        return True
    if context.offline:
        viewer = store.load_viewer()
        return viewer is not None and not viewer.logged_in
    return False


def only_members_write(context: SiteContext) -> str:
    text = "only logged-in users can write on {site}, as on Pleio: log in with {how}"
    return tr(text, site=context.site_url, how=login_hint(context))
