"""The session cookie, kept in the OS keyring (or given in PLEIO_TUI_SESSION).

The session is the user's whole identity on a Pleio site, so it never goes to a
plain file: a machine without a keyring backend gets a message that names the
environment variable instead.
"""

from __future__ import annotations

import os

import keyring
import keyring.errors

from pleio_tui import APP_NAME
from pleio_tui.paths import normalise_site_url

SESSION_ENV = "PLEIO_TUI_SESSION"


class KeyringUnavailableError(RuntimeError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            "no usable keyring on this machine to keep the session in "
            f"({detail}); set the environment variable {SESSION_ENV} to the "
            "sessionid value instead"
        )


def session_from_env() -> str | None:
    value = os.environ.get(SESSION_ENV, "").strip()
    return value or None


def load_session(site_url: str) -> str | None:
    """The session for a site: the environment first, then the keyring."""
    from_env = session_from_env()
    if from_env:
        return from_env
    try:
        return keyring.get_password(APP_NAME, normalise_site_url(site_url))
    except keyring.errors.NoKeyringError as exc:
        raise KeyringUnavailableError(type(exc).__name__) from None
    except Exception as exc:  # backends raise their own errors (D-Bus, locked wallets)
        raise KeyringUnavailableError(type(exc).__name__) from None


def save_session(site_url: str, sessionid: str) -> None:
    try:
        keyring.set_password(APP_NAME, normalise_site_url(site_url), sessionid)
    except Exception as exc:
        raise KeyringUnavailableError(type(exc).__name__) from None


def forget_session(site_url: str) -> bool:
    """Remove a stored session; False when there was none."""
    try:
        keyring.delete_password(APP_NAME, normalise_site_url(site_url))
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        raise KeyringUnavailableError(type(exc).__name__) from None
    return True
