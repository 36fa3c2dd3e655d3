"""Replaying the outbox: what the user wrote offline reaches the site exactly once,
oldest first.

Every item is marked SENDING (on disk) before it goes out. Whatever is found in
SENDING later may have reached the site, so it is looked up there before it is
sent again.
"""

from __future__ import annotations

from pleio_tui.api import (
    AlreadyDoneError,
    OfflineError,
    PleioClient,
    PleioError,
    RemoteError,
    SessionExpiredError,
    UnexpectedResponseError,
)
from pleio_tui.models import OutboxItem, OutboxKind, OutboxState
from pleio_tui.store import Store
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.delivery import Delivered, send_item
from pleio_tui.sync.events import OutboxOutcome, OutboxResult
from pleio_tui.sync.lookup import find_on_site

# Only a refused connection proves the request never left: anything later
# (timeout, dropped connection, a 5xx, a garbled answer) may have been acted on.
NOT_SENT_REASONS = frozenset({"connect"})


class OutboxReplayer:
    """Sends pending items in order; stops at the first sign of no network.

    `stopped_by` holds the error that stopped the replay (no network, expired
    session), None when every item got an answer.
    """

    def __init__(
        self,
        client: PleioClient,
        store: Store,
        *,
        count: RequestCounter | None = None,
        viewer_guid: str | None = None,
    ) -> None:
        """`viewer_guid`: the logged-in user, when the caller has just asked the site."""
        self._client = client
        self._store = store
        self.count = count or RequestCounter()
        self._viewer_guid = viewer_guid
        self.stopped_by: PleioError | None = None

    async def replay(self) -> list[OutboxOutcome]:
        outcomes: list[OutboxOutcome] = []
        handled: set[int] = set()
        self.stopped_by = None
        while (item := self._next(handled)) is not None:
            handled.add(item.id)
            outcome = await self._deliver(item)
            outcomes.append(outcome)
            if self.stopped_by is not None:
                break
        return outcomes

    def _next(self, handled: set[int]) -> OutboxItem | None:
        """The oldest unsent item not tried yet in this replay (items queued while
        it runs are picked up too)."""
        waiting = self._store.outbox((OutboxState.PENDING, OutboxState.SENDING))
        return next((item for item in waiting if item.id not in handled), None)

    async def _deliver(self, item: OutboxItem) -> OutboxOutcome:
        if item.state == OutboxState.SENDING:
            looked_up = await self._look_up(item)
            if looked_up is not None:
                return looked_up
        return await self._send(item)

    async def _look_up(self, item: OutboxItem) -> OutboxOutcome | None:
        """FOUND when the site has the item already, WAITING when that cannot be
        told now; None when it is certainly not there and is to be sent."""
        try:
            found = await find_on_site(self._client, item, await self._viewer(), self.count)
        except SessionExpiredError as exc:
            self.stopped_by = exc
            return _outcome(item, OutboxResult.WAITING, error=exc)
        except RemoteError:
            # The site will not show where it would be (a group left, a blog gone):
            # then it cannot have been added there either. Sending it gets the
            # site's own answer.
            return None
        except PleioError as exc:
            # Still unknown whether the site has it: it stays SENDING.
            self.stopped_by = exc
            return _outcome(item, OutboxResult.WAITING, error=exc)
        if found is None:
            return None
        self._accept(item, found)
        return _outcome(item, OutboxResult.FOUND, found)

    async def _send(self, item: OutboxItem) -> OutboxOutcome:
        self._store.mark_sending(item.id)
        try:
            delivered = await send_item(self._client, self._store, item, self.count)
        except SessionExpiredError as exc:
            # The site turned the request away at the door: nothing was done.
            self._store.mark_pending(item.id)
            self.stopped_by = exc
            return _outcome(item, OutboxResult.WAITING, error=exc)
        except AlreadyDoneError:
            delivered = Delivered(item.target_guid)
        except RemoteError as exc:
            self._store.mark_failed(item.id, exc.code, exc.message)
            return _outcome(item, OutboxResult.FAILED, error=exc)
        except OfflineError as exc:
            if exc.reason in NOT_SENT_REASONS:
                self._store.mark_pending(item.id)
            self.stopped_by = exc
            return _outcome(item, OutboxResult.WAITING, error=exc)
        except UnexpectedResponseError as exc:
            # Not Pleio answering (a proxy, a captive portal): whether the site got the
            # request is unknown, so it stays sending, looked up before any resend.
            self.stopped_by = exc
            return _outcome(item, OutboxResult.WAITING, error=exc)
        except PleioError as exc:
            # The site rejected the request itself (HTTP 400, an unexpected status):
            # keep it visible with the reason rather than retrying forever.
            self._store.mark_failed(item.id, exc.code, str(exc))
            return _outcome(item, OutboxResult.FAILED, error=exc)
        self._accept(item, delivered)
        await self._refresh_thread(item)
        return _outcome(item, OutboxResult.SENT, delivered)

    def _accept(self, item: OutboxItem, delivered: Delivered) -> None:
        self._store.mark_sent(item.id, delivered.guid)
        if delivered.blog is not None:
            self._store.upsert_blogs([delivered.blog])

    async def _refresh_thread(self, item: OutboxItem) -> None:
        """Show a new comment on a cached blog at once; failing here loses nothing:
        the comment is on the site and the next sync brings it."""
        if item.kind != OutboxKind.COMMENT or self._store.blog(item.target_guid) is None:
            return
        try:
            blog = await self.count(self._client.blog(item.target_guid))
        except PleioError:
            return
        if blog is not None:
            self._store.upsert_blogs([blog])

    async def _viewer(self) -> str:
        """Who is sending, asked of the site: the cache may hold an earlier login."""
        if self._viewer_guid is None:
            viewer = await self.count(self._client.viewer())
            if viewer.user is None:
                raise SessionExpiredError("the site does not know this session")
            self._store.save_viewer(viewer)
            self._viewer_guid = viewer.user.guid
        return self._viewer_guid


def _outcome(
    item: OutboxItem,
    result: OutboxResult,
    delivered: Delivered | None = None,
    *,
    error: PleioError | None = None,
) -> OutboxOutcome:
    return OutboxOutcome(
        item_id=item.id,
        kind=item.kind,
        result=result,
        remote_guid=delivered.guid if delivered else None,
        remote_url=delivered.url if delivered else None,
        error_code=error.code if error else None,
        message=(error.message if isinstance(error, RemoteError) else str(error))
        if error
        else None,
    )
