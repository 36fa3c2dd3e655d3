"""What the status bar shows: the site, whose session, the outbox, online or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.models import OutboxState
from pleio_tui.store import StoreError

if TYPE_CHECKING:
    from pleio_tui.tui.app import PleioApp
    from pleio_tui.tui.widgets.status_bar import StatusBar


def show_status(app: PleioApp, status: StatusBar) -> None:
    status.strings = app.strings
    status.host = app.sites.status_name()
    viewer = None
    counts: dict[OutboxState, int] = {}
    if app.store is not None:
        try:
            viewer = app.store.load_viewer()
            counts = app.store.outbox_counts()
        except StoreError as exc:
            app.report(exc)
    # --offline never asks the keyring for the session: the cache it reads is
    # still the one the user last synced, so it is shown under their name.
    whose = (app.site is not None and app.site.session is not None) or app.offline
    user = viewer.user if viewer is not None and whose else None
    status.user_name = user.name if user is not None else None
    status.outbox_pending = counts.get(OutboxState.PENDING, 0) + counts.get(OutboxState.SENDING, 0)
    status.outbox_failed = counts.get(OutboxState.FAILED, 0)
    if not app.network.syncing:
        status.finish_sync(online=app.network.online)
