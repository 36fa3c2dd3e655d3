"""The session cookie, kept in the OS keyring (or given in PLEIO_TUI_SESSION for
the one site PLEIO_TUI_SESSION_SITE names).

The session is the user's whole identity on a Pleio site, so it never goes to a
plain file: a machine without a keyring backend gets a message that names the
environment variables instead.
"""

from __future__ import annotations

import keyring
import keyring.errors

from pleio_tui import APP_NAME
from pleio_tui.paths import normalise_site_url
from pleio_tui.secret import SESSION_ENV, MalformedSessionError, Secret, session_secret
from pleio_tui.session_env import SESSION_SITE_ENV, UnboundSessionError, session_from_env

__all__ = [
    "SESSION_ENV",
    "SESSION_SITE_ENV",
    "KeyringUnavailableError",
    "MalformedSessionError",
    "UnboundSessionError",
    "forget_session",
    "keyring_session",
    "load_session",
    "save_session",
    "session_from_env",
]


class KeyringUnavailableError(RuntimeError):
    def __init__(self, detail: str) -> None:
        self.detail = detail
        """What the keyring said or did, without the advice."""
        super().__init__(
            "no usable keyring on this machine to keep the session in "
            f"({detail}); set the environment variables {SESSION_ENV} to the "
            f"sessionid value and {SESSION_SITE_ENV} to the site's address instead"
        )


def load_session(site_url: str) -> Secret | None:
    """The session for a site: PLEIO_TUI_SESSION when PLEIO_TUI_SESSION_SITE names
    this site, else the keyring. UnboundSessionError when PLEIO_TUI_SESSION is set
    and names no site: it is sent nowhere."""
    from_env = session_from_env(site_url)
    if from_env:
        return from_env
    # A malformed one is not ours to send: the site would refuse it; login replaces it.
    return keyring_session(site_url)


def keyring_session(site_url: str) -> Secret | None:
    """The session the keyring holds for a site now, whatever the environment
    says: a running app asks before each piece of network work, so that a
    `pleio-tui logout` (or a new login) in another shell counts at once."""
    stored = _stored(site_url)
    if not stored:
        return None
    try:
        return session_secret(stored, source="the session in the keyring")
    except MalformedSessionError:
        return None


def save_session(site_url: str, session: Secret) -> None:
    """Keep the session in the keyring, then read it back: a backend that takes
    it and keeps nothing (no backend at all, a null one) is as unusable as one
    that refuses."""
    try:
        keyring.set_password(APP_NAME, normalise_site_url(site_url), session.reveal())
    except Exception as exc:  # backends raise their own errors (D-Bus, locked wallets)
        raise KeyringUnavailableError(type(exc).__name__) from None
    kept = _stored(site_url)
    if kept is None or Secret(kept) != session:
        backend = type(keyring.get_keyring())
        name = f"{backend.__module__}.{backend.__qualname__}"
        raise KeyringUnavailableError(f"the keyring backend {name} did not keep it")


def forget_session(site_url: str) -> bool:
    """Remove a stored session; False when there was none."""
    try:
        keyring.delete_password(APP_NAME, normalise_site_url(site_url))
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise KeyringUnavailableError(type(exc).__name__) from None
    return True


def _stored(site_url: str) -> str | None:
    try:
        return keyring.get_password(APP_NAME, normalise_site_url(site_url))
    except Exception as exc:  # NoKeyringError, and the backends' own errors
        raise KeyringUnavailableError(type(exc).__name__) from None
