"""Replaying the outbox: what the user wrote offline reaches the site exactly once,
oldest first.

One sender at a time: the replay holds the outbox lease (see store/lease.py)
while it sends, and a replay that cannot get it sends nothing (`busy`).

Three outcomes, never a guess. Once a write has left, only a definite Pleio
answer (data, or an error code Pleio defines) decides sent or failed. Anything
else (a timeout, a dropped or reset connection, a 5xx, a web page of any status,
an unknown error) leaves the item SENDING and unconfirmed: before it is sent
again it is looked up on the site, and a lookup that cannot tell leaves it so.
Only a refused connection proves a write never left.

Each item goes out only under the account that wrote it (store/outbox_authors.py):
the replay asks the site who the session belongs to before it touches the site
for an item, and leaves the items of any other account waiting, untouched, and
looks up an unconfirmed one among its author's writing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from pleio_tui.api import (
    AlreadyDoneError,
    NotLoggedInError,
    OfflineError,
    PleioClient,
    PleioError,
    RemoteError,
    SessionExpiredError,
)
from pleio_tui.api.errors import is_pleio_answer, never_left
from pleio_tui.models import OutboxItem, OutboxKind, OutboxState, WaitingAuthor
from pleio_tui.store import OutboxItemNotFoundError, OutboxStateError, Store
from pleio_tui.sync.attempt_clock import note_attempt, since_last_attempt
from pleio_tui.sync.counting import RequestCounter
from pleio_tui.sync.delivery import Delivered, send_item
from pleio_tui.sync.events import OutboxOutcome, OutboxResult
from pleio_tui.sync.lookup import CLIENT_CLOCK_MARGIN, ThreadUnknownError, find_on_site

LOOKUP_DELAY = timedelta(seconds=90)
"""A write whose answer was lost may still be on its way to the site: its lookup
waits this long after the last attempt, so that it cannot miss a late arrival.
A gateway in front of the site (nginx, by default) holds a request up to 60 s
before it gives up on the site, which then still acts on it; the answer may be
lost at once (a reset), so the wait counts from then and covers the gateway's."""

_CREATED_KINDS = (
    OutboxKind.BLOG,
    OutboxKind.COMMENT,
    OutboxKind.DISCUSSION,
    OutboxKind.QUESTION,
    OutboxKind.STATUS_UPDATE,
)
"""Kinds that create something new, found by a lookup. The others are desired
states: sending one reads the site first and writes only what is missing."""

_SAME_THING = {OutboxKind.DELETE_COMMENT: OutboxKind.EDIT_COMMENT}
"""Kinds that change the same thing as another kind: an edit and a deletion of
one comment are sent in the order they were made, never one past the other."""

_THREAD_KINDS = (OutboxKind.COMMENT, OutboxKind.EDIT_COMMENT, OutboxKind.DELETE_COMMENT)
"""Kinds after which the blog's thread is read again, to show the site's own state."""


class OutboxReplayer:
    """Sends pending items in order; stops at the first sign of no network.

    `stopped_by` holds the error that stopped the replay (no network, expired
    session), None when every item got an answer. `busy` is True when another
    replay (this process or another) holds the outbox and this one sent nothing.
    `for_others`: after a replay, the unsent items that wait for another account
    than the session's (never sent by this one), by account.
    """

    def __init__(
        self,
        client: PleioClient,
        store: Store,
        *,
        count: RequestCounter | None = None,
        viewer_guid: str | None = None,
        lookup_delay: timedelta = LOOKUP_DELAY,
        queued_now: Sequence[int] = (),
    ) -> None:
        """`viewer_guid`: the logged-in user, when the caller has just asked the site.
        `queued_now`: items the caller has just queued to send with this very
        session; they are its account's, whatever viewer the cache held then."""
        self._client = client
        self._store = store
        self.count = count or RequestCounter()
        self._viewer_guid = viewer_guid
        self._lookup_delay = lookup_delay
        self._queued_now = tuple(queued_now)
        self.stopped_by: PleioError | None = None
        self.busy = False
        self.for_others: list[WaitingAuthor] = []

    async def replay(self) -> list[OutboxOutcome]:
        self.stopped_by = None
        self.busy = False
        self.for_others = []
        if not self._store.outbox((OutboxState.PENDING, OutboxState.SENDING)):
            return []
        if not self._store.take_outbox_lease():
            self.busy = True
            return []
        try:
            if self._viewer_guid is not None:
                self._store.claim_queued(self._queued_now, self._viewer_guid)
            outcomes = await self._replay_held()
        finally:
            self._store.release_outbox_lease()
        self.for_others = self._store.waiting_for_others(self._viewer_guid or self._cached_viewer())
        return outcomes

    async def _replay_held(self) -> list[OutboxOutcome]:
        outcomes: list[OutboxOutcome] = []
        handled: set[int] = set()
        while (item := self._next(handled)) is not None:
            handled.add(item.id)
            outcome = await self._deliver(item)
            if outcome is not None:
                outcomes.append(outcome)
            if self.stopped_by is not None:
                break
        return outcomes

    def _next(self, handled: set[int]) -> OutboxItem | None:
        """The oldest unsent item not tried yet in this replay (items queued while
        it runs are picked up too). A vote, bookmark or edit waits while an older
        one of its author for the same thing is unsent: sent after it, that one
        would undo it. Once the session's account is known, other accounts' items
        are passed over."""
        waiting = self._store.outbox((OutboxState.PENDING, OutboxState.SENDING))
        unsettled: set[tuple[str | None, OutboxKind, str]] = set()
        for item in waiting:
            if self._viewer_guid is not None and not self._is_mine(item):
                continue
            key = (item.author_guid, _SAME_THING.get(item.kind, item.kind), item.target_guid)
            if item.id not in handled and key not in unsettled:
                return item
            if item.kind not in _CREATED_KINDS:
                unsettled.add(key)
        return None

    async def _deliver(self, item: OutboxItem) -> OutboxOutcome | None:
        """What became of the item; None when it is another account's (it waits,
        untouched, for that one)."""
        # Under the lease nobody else is sending it: its fate is unknown. Nothing
        # is asked of the site for it yet, whoever's it is.
        if item.state == OutboxState.SENDING and self._too_recent(item):
            return _outcome(item, OutboxResult.WAITING, message="not confirmed yet")
        if self._viewer_guid is None:
            try:
                await self._viewer()
            except PleioError as exc:
                self.stopped_by = exc  # nothing can go out without knowing as whom
                return _outcome(item, OutboxResult.WAITING, error=exc)
            # Knowing the viewer may have given the item its author.
            item = self._store.outbox_item(item.id) or item
        author = self._author(item)
        if author is None or author != self._viewer_guid:
            return None
        if item.state == OutboxState.SENDING and item.kind in _CREATED_KINDS:
            looked_up = await self._look_up(item, author)
            if looked_up is not None:
                return looked_up
        return await self._send(item, author)

    async def _look_up(self, item: OutboxItem, author: str) -> OutboxOutcome | None:
        """FOUND when the site has the item already (written by `author`, the
        item's), WAITING when that cannot be told now; None when it is certainly
        not there and is to be sent."""
        try:
            claimed = self._store.claimed_remote_guids(other_than=item.id)
            found = await find_on_site(self._client, item, author, claimed, self.count)
        except ThreadUnknownError as exc:
            return _outcome(item, OutboxResult.WAITING, message=str(exc))
        except PleioError as exc:
            if _pleio_refused(exc):
                # Pleio says the place is gone or closed to the user: it cannot
                # hold the item. Sending it gets Pleio's own answer.
                return None
            self._stop_if_unreachable(exc)
            return _outcome(item, OutboxResult.WAITING, error=exc)
        if found is None:
            return None
        self._accept(item, found)
        return _outcome(item, OutboxResult.FOUND, found)

    async def _send(self, item: OutboxItem, author: str) -> OutboxOutcome:
        wrote = False

        async def before_write() -> None:
            nonlocal wrote
            sending = self._store.mark_sending(item.id, await self._site_time(), author)
            note_attempt(self._store.path, sending)
            wrote = True

        try:
            delivered = await send_item(self._client, self._store, item, self.count, before_write)
        except AlreadyDoneError:
            delivered = Delivered(item.target_guid)
        except PleioError as exc:
            return self._failed(item, exc, wrote=wrote)
        except (OutboxItemNotFoundError, OutboxStateError):
            if wrote:
                raise
            # Discarded (or retried) by the user while its site state was read:
            # nothing left for it, and the rest of the outbox goes on.
            return _outcome(item, OutboxResult.WAITING, message="changed while it was sent")
        self._accept(item, delivered)
        await self._refresh_thread(item)
        return _outcome(item, OutboxResult.SENT, delivered)

    def _failed(self, item: OutboxItem, exc: PleioError, *, wrote: bool) -> OutboxOutcome:
        if never_left(exc) or isinstance(exc, NotLoggedInError):
            # Nothing reached the site, or Pleio turned the request away at the door.
            if wrote:
                # `item` is as it was before this send: PENDING with no time, so
                # no earlier attempt left either.
                first = item.state == OutboxState.PENDING and item.first_sent_at is None
                self._store.mark_pending(item.id, first_attempt=first)
            self.stopped_by = exc
            return _outcome(item, OutboxResult.WAITING, error=exc)
        if is_pleio_answer(exc):
            self._store.mark_failed(item.id, exc.code, _message(exc))
            return _outcome(item, OutboxResult.FAILED, error=exc)
        if wrote:
            lost = self._store.mark_unconfirmed(item.id, exc.code, _message(exc))
            note_attempt(self._store.path, lost)
        self._stop_if_unreachable(exc)
        return _outcome(item, OutboxResult.WAITING, error=exc)

    def _stop_if_unreachable(self, exc: PleioError) -> None:
        """An unknown error from the site itself leaves this item for later and
        goes on with the next; no network, a login wall or a proxy stops the replay."""
        if isinstance(exc, RemoteError) and not isinstance(exc, SessionExpiredError):
            return
        self.stopped_by = exc

    def _accept(self, item: OutboxItem, delivered: Delivered) -> None:
        self._store.mark_sent(item.id, delivered.guid)
        if delivered.blog is not None:
            self._store.upsert_blogs([delivered.blog])
        if delivered.comment is not None:
            self._store.save_edited_comment(delivered.comment)
        if item.kind == OutboxKind.DELETE_COMMENT:
            self._store.forget_comment(item.target_guid)

    async def _refresh_thread(self, item: OutboxItem) -> None:
        """Show the site's own thread at once after a change in it; failing here
        loses nothing: the change is on the site and the next sync brings it."""
        thread = item.thread_guid or item.target_guid
        if item.kind not in _THREAD_KINDS or self._store.blog(thread) is None:
            return
        try:
            blog = await self.count(self._client.blog(thread))
        except PleioError:
            return
        if blog is not None:
            self._store.upsert_blogs([blog])

    async def _site_time(self) -> datetime:
        """The site's clock now, asked of the site when no recent answer named it;
        this machine's clock with a margin only when the site answers without one.

        When no answer comes back (a timeout, a dropped connection) this raises
        and nothing is written: dated by this machine's clock, the attempt would
        let a lookup take an identical text written minutes before for it, and it
        would never be sent."""
        now = self._client.site_now()
        if now is None:
            try:
                await self._viewer(refresh=True)
            except OfflineError:
                raise
            except PleioError:
                pass  # the site answered: the write itself will tell what it does
            now = self._client.site_now()
        return now if now is not None else datetime.now(UTC) - CLIENT_CLOCK_MARGIN

    async def _viewer(self, *, refresh: bool = False) -> str:
        """Who is sending, asked of the site: the cache may hold an earlier login."""
        if self._viewer_guid is None or refresh:
            viewer = await self.count(self._client.viewer())
            if viewer.user is None:
                if not self._client.has_session:
                    raise NotLoggedInError("not_logged_in", "no session to send with")
                raise SessionExpiredError("the site does not know this session")
            self._store.save_viewer(viewer)
            self._viewer_guid = viewer.user.guid
            self._store.claim_queued(self._queued_now, self._viewer_guid)
        return self._viewer_guid

    def _cached_viewer(self) -> str | None:
        viewer = self._store.load_viewer()
        return None if viewer is None or viewer.user is None else viewer.user.guid

    def _author(self, item: OutboxItem) -> str | None:
        """The account the item is written as. One without an author (the cache
        knew no viewer yet) is the cached viewer's, else the session's."""
        return item.author_guid or self._cached_viewer() or self._viewer_guid

    def _is_mine(self, item: OutboxItem) -> bool:
        return self._viewer_guid is not None and self._author(item) == self._viewer_guid

    def _too_recent(self, item: OutboxItem) -> bool:
        """Whether the last attempt of a SENDING item may still be on its way: its
        answer was lost, or its sender stopped before recording any outcome
        (killed, or the cache refused the outcome), less than the lookup delay ago
        (see attempt_clock.py for which clock says so). A slow site still finishes
        a write whose sender is gone: looked up at once, it is not there yet."""
        ago = since_last_attempt(self._store.path, item)
        return ago is not None and ago < self._lookup_delay


def _pleio_refused(exc: PleioError) -> bool:
    return (
        isinstance(exc, RemoteError)
        and is_pleio_answer(exc)
        and not isinstance(exc, SessionExpiredError)
    )


def _message(error: PleioError) -> str:
    return error.message if isinstance(error, RemoteError) else str(error)


def _outcome(
    item: OutboxItem,
    result: OutboxResult,
    delivered: Delivered | None = None,
    *,
    error: PleioError | None = None,
    message: str | None = None,
) -> OutboxOutcome:
    return OutboxOutcome(
        item_id=item.id,
        kind=item.kind,
        result=result,
        remote_guid=delivered.guid if delivered else None,
        remote_url=delivered.url if delivered else None,
        error_code=error.code if error else None,
        message=_message(error) if error else message,
    )
