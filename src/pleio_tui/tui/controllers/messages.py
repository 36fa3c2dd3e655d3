"""What the controllers tell the app. Each is posted to the app, which passes it
down to the panes or to the controller it concerns.

Plain classes rather than dataclasses: making a dataclass costs about half a
millisecond at import, and these are imported before the first frame."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from pleio_tui.tui.services.background import SiteAccess


class CacheChanged(Message):
    """The cache changed under the panes (a sync, a send, a join): read it again."""

    def __init__(self, delivered: bool = False) -> None:
        super().__init__()
        self.delivered = delivered
        """Something from the outbox reached the site: the open thread may have grown."""


class OutboxQueued(Message):
    """Something was put in the outbox: send it, or say it waits."""


class NetworkFailed(Message):
    """A request to the site failed; the network controller says what and why."""

    def __init__(self, error: BaseException, quiet_offline: bool = False) -> None:
        super().__init__()
        self.error = error
        self.quiet_offline = quiet_offline
        """No notice when the site is out of reach (the user did not ask for this)."""


class LoggedIn(Message):
    """The user logged in; on another site than before when `same_site` is False."""

    def __init__(self, access: SiteAccess, same_site: bool) -> None:
        super().__init__()
        self.access = access
        self.same_site = same_site


class SiteAnswered(Message):
    """A request to the site got an answer: the app is online."""
