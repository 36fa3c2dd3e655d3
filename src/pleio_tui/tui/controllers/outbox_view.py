"""The outbox screen's side in the app: what it lists, and what retrying,
discarding and giving up an item do to the cache."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from pleio_tui.models import OutboxItem, OutboxState
from pleio_tui.store import Store, StoreError
from pleio_tui.tui.controllers.give_up import give_up_item

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost

SENT_ITEMS_SHOWN = 20
"""Sent items the outbox screen still lists, newest last, under the unsent ones."""


def outbox_listing(store: Store) -> list[OutboxItem]:
    unsent = store.outbox(
        (OutboxState.PENDING, OutboxState.SENDING, OutboxState.FAILED, OutboxState.GIVEN_UP)
    )
    sent = store.outbox((OutboxState.SENT,))[-SENT_ITEMS_SHOWN:]
    return [*unsent, *sent]


def waits_for(store: Store) -> Callable[[OutboxItem], str | None]:
    """Names the account an item was written by when it is not the one logged in
    (the viewer the cache holds): the item waits for that account."""
    viewer = store.load_viewer()
    me = viewer.user.guid if viewer is not None and viewer.user is not None else None
    others = {item.author_guid for item in store.outbox()} - {None, me}
    names = {guid: store.author_name(guid) or guid for guid in others if guid is not None}

    def name_of(item: OutboxItem) -> str | None:
        author = item.author_guid
        return None if author is None or author == me else names.get(author, author)

    return name_of


def show_outbox(
    host: AppHost, *, retried: Callable[[], None], given_up: Callable[[], None]
) -> None:
    """Open the outbox screen. `retried`: an item goes out again (send it);
    `given_up`: an item will never be sent (its comment no longer shows as waiting).
    Each action uses the app's store of the moment: a cache replaced meanwhile has
    another (see storage_guard.py)."""
    if host.store is None:
        host.notify_plain(host.strings("notice.no_site"))
        return
    from pleio_tui.tui.screens.outbox import OutboxActions, OutboxScreen  # 10 ms

    def items() -> list[OutboxItem]:
        try:
            return outbox_listing(host.store) if host.store is not None else []
        except StoreError as exc:
            host.report(exc)
            return []

    def retry(item_id: int) -> None:
        if host.store is None:
            return
        try:
            host.store.retry(item_id)
        except StoreError as exc:
            host.report(exc)
            return
        retried()

    def give_up(item_id: int) -> bool:
        done = give_up_item(host, item_id)
        if done:
            given_up()
        return done

    def discard(item_id: int) -> None:
        if host.store is None:
            return
        try:
            host.store.discard(item_id)
        except StoreError as exc:
            host.report(exc)
        host.show_status()

    try:
        named = waits_for(host.store)
    except StoreError as exc:
        host.report(exc)
        named = None
    actions = OutboxActions(items, retry, discard, give_up, named)
    host.push_screen(OutboxScreen(actions, host.strings, host.keys))
