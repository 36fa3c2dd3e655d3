"""What the controllers tell the app. Each is posted to the app, which passes it
down to the panes or to the controller it concerns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from pleio_tui.tui.services.background import SiteAccess


@dataclass
class CacheChanged(Message):
    """The cache changed under the panes (a sync, a send, a join): read it again."""

    delivered: bool = False
    """Something from the outbox reached the site: the open thread may have grown."""


@dataclass
class OutboxQueued(Message):
    """Something was put in the outbox: send it, or say it waits."""


@dataclass
class NetworkFailed(Message):
    """A request to the site failed; the network controller says what and why."""

    error: BaseException
    quiet_offline: bool = False
    """No notice when the site is out of reach (the user did not ask for this)."""


@dataclass
class LoggedIn(Message):
    """The user logged in; on another site than before when `same_site` is False."""

    access: SiteAccess
    same_site: bool


@dataclass
class SiteAnswered(Message):
    """A request to the site got an answer: the app is online."""
