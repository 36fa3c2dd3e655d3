"""`pleio-tui sync [--site URL]`: send the outbox, then fetch for offline reading."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
from typing import TextIO

from pleio_tui.cli_i18n import tr
from pleio_tui.commands.errors import describe_code, describe_offline
from pleio_tui.commands.notices import warn_if_plain_http
from pleio_tui.context import site_context
from pleio_tui.credentials import SESSION_ENV
from pleio_tui.models import OutboxItem
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.store import Store
from pleio_tui.sync import OutboxResult, StopReason, SyncProgress, SyncReport
from pleio_tui.sync.runner import sync_site

_PHASE_TEXT = {
    "outbox": "sending outbox",
    "site": "site",
    "groups": "groups",
    "blogs": "blogs",
    "changes": "changes",
    "deletions": "deletions",
}
BAR_WIDTH = 24


class ProgressLine:
    """One line on a terminal, redrawn in place with a carriage return."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = False

    def __call__(self, progress: SyncProgress) -> None:
        label = _PHASE_TEXT.get(progress.phase, str(progress.phase))
        if progress.total > 0:
            filled = min(BAR_WIDTH, BAR_WIDTH * progress.done // progress.total)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            text = f"{label:<15} [{bar}] {progress.done}/{progress.total}"
        else:
            text = f"{label:<15} {progress.done or ''}"
        width = max(20, shutil.get_terminal_size().columns - 1)
        self._stream.write("\r" + text[:width].ljust(width))
        self._stream.flush()
        self._shown = True

    def clear(self) -> None:
        if self._shown:
            width = max(20, shutil.get_terminal_size().columns - 1)
            self._stream.write("\r" + " " * width + "\r")
            self._stream.flush()


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def summary(site_url: str, report: SyncReport) -> str:
    template = (
        "Synced {site} in {seconds} s: {groups} groups; blogs {new} new, {updated} updated, "
        "{deleted} deleted; {comments} comments; outbox {sent} sent, {failed} failed, "
        "{waiting} waiting; {requests} requests"
        if report.completed
        else "Sync stopped for {site} in {seconds} s: {groups} groups; blogs {new} new, "
        "{updated} updated, {deleted} deleted; {comments} comments; outbox {sent} sent, "
        "{failed} failed, {waiting} waiting; {requests} requests"
    )
    return tr(
        template,
        site=site_url,
        seconds=f"{report.duration:.1f}",
        groups=report.groups,
        new=report.blogs_new,
        updated=report.blogs_updated,
        deleted=report.blogs_deleted,
        comments=report.comments,
        sent=report.outbox_sent,
        failed=report.outbox_failed,
        waiting=report.outbox_waiting,
        requests=report.requests,
    )


def _describe_item(item: OutboxItem | None) -> str:
    if item is None:
        return tr("an outbox item")
    what = f'"{terminal_safe_line(item.title)}"' if item.title else item.target_guid
    return tr("outbox item {id} ({kind} {what})", id=item.id, kind=item.kind.value, what=what)


def _report_failures(report: SyncReport, store: Store) -> None:
    for outcome in report.outbox:
        if outcome.result == OutboxResult.FAILED:
            reason = describe_code(outcome.error_code or "error")
            item = _describe_item(store.outbox_item(outcome.item_id))
            _say(tr("Rejected: {item}: {reason}", item=item, reason=reason))


def run(args: argparse.Namespace) -> int:
    if args.offline:
        _say("pleio-tui: " + tr("sync needs the network: run it without --offline"))
        return 2
    context = site_context(args.site)
    warn_if_plain_http(context.site_url)
    if context.session is None:
        text = "not logged in to {site}: run `pleio-tui login {site}` (or set {variable})"
        _say("pleio-tui: " + tr(text, site=context.site_url, variable=SESSION_ENV))
        return 1
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        report = asyncio.run(
            sync_site(context.site_url, context.session, context.cache_path, on_progress=progress)
        )
    finally:
        if progress is not None:
            progress.clear()
    with Store.open(context.cache_path) as store:
        _report_failures(report, store)
    _say(summary(context.site_url, report))
    if report.outbox_busy:
        text = "another pleio-tui was sending the outbox; this sync sent nothing"
        _say("pleio-tui: " + tr(text))
    if report.stopped == StopReason.OFFLINE:
        text = (
            "{site} cannot be reached ({why}); what was fetched so far is kept, "
            "and the outbox waits for the next sync"
        )
        why = describe_offline(report.stop_detail)
        _say("pleio-tui: " + tr(text, site=context.site_url, why=why))
    elif report.stopped == StopReason.SESSION_EXPIRED:
        text = "{site} no longer accepts the session: run `pleio-tui login {site}`"
        _say("pleio-tui: " + tr(text, site=context.site_url))
    return 0 if report.completed and report.outbox_failed == 0 else 1
