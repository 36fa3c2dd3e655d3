"""Giving up an outbox item whose fate cannot be told: the store stops it under
the outbox lease; here is what the user is told when that cannot be done now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pleio_tui.store import OutboxBusyError, OutboxItemNotFoundError, OutboxStateError, StoreError

if TYPE_CHECKING:
    from pleio_tui.tui.controllers.host import AppHost


def give_up_item(host: AppHost, item_id: int) -> bool:
    """Whether the item is given up: never sent again, its text kept."""
    store = host.store
    if store is None:
        return False
    try:
        store.give_up(item_id)
    except OutboxBusyError:
        host.notify_plain(host.strings("notice.give_up_busy"), "warning")
        return False
    except (OutboxStateError, OutboxItemNotFoundError):
        # Sent, or settled otherwise, while the question was open.
        host.notify_plain(host.strings("notice.give_up_not_sending"), "warning")
        return False
    except StoreError as exc:
        host.report(exc)
        return False
    host.show_status()
    return True
