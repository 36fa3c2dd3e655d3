"""`pleio-tui notifications [--unread]`: the notifications the last sync brought,
newest first, one a line, for scripts and status bars.

Never touches the network: `pleio-tui sync` fetches them.
"""

from __future__ import annotations

import argparse
import sys

from pleio_tui.cli_i18n import tr
from pleio_tui.context import site_context
from pleio_tui.models import Notification
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.store import Store


def notification_line(notification: Notification) -> str:
    """Id, local time, read or unread, action, who, what, group; tab-separated,
    remote text made harmless."""
    when = notification.time_created.astimezone().strftime("%Y-%m-%d %H:%M")
    who = notification.performer.name if notification.performer else "-"
    fields = (
        str(notification.id),
        when,
        "unread" if notification.is_unread else "read",
        notification.action or "-",
        who or "-",
        notification.title or "-",
        notification.container_name or "-",
    )
    return "\t".join(terminal_safe_line(field) for field in fields)


def run(args: argparse.Namespace) -> int:
    context = site_context(args.site, offline=True, read_keyring=False)
    if not context.cache_path.exists():
        said = tr("nothing is cached for {site} yet: run `pleio-tui sync`", site=context.site_url)
        print("pleio-tui: " + said, file=sys.stderr)
        return 1
    with Store.open(context.cache_path) as store:
        notifications = store.notifications(unread_only=args.unread)
    for notification in notifications:
        print(notification_line(notification))
    return 0
