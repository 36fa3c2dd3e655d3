"""`pleio-tui sync [--site NAME|URL | --all]`: send the outbox, then fetch for
offline reading; a site without a session is read as a visitor, as Pleio shows
it to one. `--all` syncs every site in the config, one line each."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
from typing import TextIO

from pleio_tui.api import OfflineError, PleioError
from pleio_tui.cli_i18n import tr
from pleio_tui.commands.errors import describe_code, describe_offline, explain
from pleio_tui.commands.notices import warn_if_plain_http
from pleio_tui.commands.sites import login_hint
from pleio_tui.config import Config, load_config
from pleio_tui.context import NoSiteError, SiteContext, site_context
from pleio_tui.credentials import SESSION_ENV, SESSION_SITE_ENV
from pleio_tui.models import OutboxItem
from pleio_tui.paths import AppDirs
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.session_env import bound_site
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


_KIND_NAMES = {
    "blog": "blogs",
    "discussion": "discussions",
    "question": "questions",
    "news": "news",
    "event": "events",
    "wiki": "wiki pages",
    "statusupdate": "status updates",
    "file": "files",
    "folder": "folders",
}


def _new_by_kind(report: SyncReport) -> str:
    """ " (blogs 3, discussions 2)": what the new items are, when there are any."""
    parts = [
        f"{tr(_KIND_NAMES.get(kind, kind))} {count}" for kind, count in report.new_by_kind if count
    ]
    return f" ({', '.join(parts)})" if parts else ""


def summary(site_url: str, report: SyncReport) -> str:
    template = (
        "Synced {site} in {seconds} s: {groups} groups; items {new} new{kinds}, "
        "{updated} updated, {deleted} deleted; {comments} comments; outbox {sent} sent, "
        "{failed} failed, {waiting} waiting; {requests} requests"
        if report.completed
        else "Sync stopped for {site} in {seconds} s: {groups} groups; items {new} new{kinds}, "
        "{updated} updated, {deleted} deleted; {comments} comments; outbox {sent} sent, "
        "{failed} failed, {waiting} waiting; {requests} requests"
    )
    line = tr(
        template,
        site=site_url,
        seconds=f"{report.duration:.1f}",
        groups=report.groups,
        new=report.items_new,
        kinds=_new_by_kind(report),
        updated=report.items_updated,
        deleted=report.items_deleted,
        comments=report.comments,
        sent=report.outbox_sent,
        failed=report.outbox_failed,
        waiting=report.outbox_waiting,
        requests=report.requests,
    )
    if report.notifications_new == 1:
        line += "; " + tr("1 new notification")
    elif report.notifications_new > 1:
        line += "; " + tr("{n} new notifications", n=report.notifications_new)
    return line


def _describe_item(item: OutboxItem | None) -> str:
    if item is None:
        return tr("an outbox item")
    # An outbox row keeps the guid it was queued for, from a cache an older version filled.
    guid = terminal_safe_line(item.target_guid)
    what = f'"{terminal_safe_line(item.title)}"' if item.title else guid
    return tr("outbox item {id} ({kind} {what})", id=item.id, kind=item.kind.value, what=what)


def _report_failures(report: SyncReport, store: Store) -> None:
    for outcome in report.outbox:
        if outcome.result == OutboxResult.FAILED:
            reason = describe_code(outcome.error_code or "error")
            item = _describe_item(store.outbox_item(outcome.item_id))
            _say(tr("Rejected: {item}: {reason}", item=item, reason=reason))


def _sync(context: SiteContext) -> SyncReport:
    progress = ProgressLine(sys.stderr) if sys.stderr.isatty() else None
    try:
        session = None if context.anonymous else context.session
        return asyncio.run(
            sync_site(context.site_url, session, context.cache_path, on_progress=progress)
        )
    finally:
        if progress is not None:
            progress.clear()


def _visitor_note(context: SiteContext) -> str:
    text = "read as a visitor, not logged in: to write, log in with {how}"
    return tr(text, how=login_hint(context))


def for_others_note(report: SyncReport) -> str | None:
    """Items that wait for the account that wrote them, when it is not this one."""
    n = report.outbox_waiting_for_others
    if not n:
        return None
    who = ", ".join(terminal_safe_line(author.shown) for author in report.outbox_for_others)
    if n == 1:
        text = (
            "1 item in the outbox waits for the account that wrote it ({who}); it is sent "
            "once that account is logged in again"
        )
    else:
        text = (
            "{n} items in the outbox wait for the account that wrote them ({who}); they are "
            "sent once that account is logged in again"
        )
    return tr(text, n=n, who=who)


def failed(report: SyncReport) -> bool:
    return not report.completed or report.outbox_failed > 0


def run(args: argparse.Namespace) -> int:
    if args.offline:
        _say("pleio-tui: " + tr("sync needs the network: run it without --offline"))
        return 2
    if getattr(args, "all", False):
        return sync_all()
    context = site_context(args.site)
    warn_if_plain_http(context.site_url)
    try:
        report = _sync(context)
    except PleioError as exc:
        if not context.anonymous:
            raise
        _say(f"pleio-tui: {closed_to_visitors(context, exc)}")
        return 1
    if context.anonymous and report.stopped == StopReason.SESSION_EXPIRED:
        _say(f"pleio-tui: {closed_to_visitors(context, None)}")
        return 1
    with Store.open(context.cache_path) as store:
        _report_failures(report, store)
    _say(summary(context.site_url, report))
    if context.anonymous and report.completed:
        _say(f"pleio-tui: {_visitor_note(context)}")
    if report.outbox_busy:
        text = "another pleio-tui was sending the outbox; this sync sent nothing"
        _say("pleio-tui: " + tr(text))
    others = for_others_note(report)
    if others is not None:
        _say("pleio-tui: " + others)
    if report.stopped == StopReason.OFFLINE:
        text = (
            "{site} cannot be reached ({why}); what was fetched so far is kept, "
            "and the outbox waits for the next sync"
        )
        why = describe_offline(report.stop_detail)
        _say("pleio-tui: " + tr(text, site=context.site_url, why=why))
    elif report.stopped == StopReason.SESSION_EXPIRED:
        text = "{site} no longer accepts the session: run {how}"
        _say("pleio-tui: " + tr(text, site=context.site_url, how=login_hint(context)))
    return 1 if failed(report) else 0


def closed_to_visitors(context: SiteContext, exc: PleioError | None) -> str:
    """An anonymous sync the site refused: a closed site, or something else."""
    if isinstance(exc, OfflineError):
        text = "{site} cannot be reached ({why})"
        return tr(text, site=context.site_url, why=describe_offline(exc))
    text = (
        "{site} shows nothing to visitors (a closed site); log in with {how} "
        "(or set {variable} and {site_variable})"
    )
    return tr(
        text,
        site=context.site_url,
        how=login_hint(context),
        variable=SESSION_ENV,
        site_variable=SESSION_SITE_ENV,
    )


def sync_all() -> int:
    """Every site in the config in turn, one line each; non-zero if any failed."""
    dirs = AppDirs.default()
    config = load_config(dirs.config_file)
    if not config.sites:
        raise NoSiteError(dirs.config_file)
    # PLEIO_TUI_SESSION goes to the site it is bound to alone, the keyring gives
    # the others theirs; without its site it is refused before any site is asked.
    bound_site()
    failures = 0
    for entry in config.sites:
        line, ok = sync_one_line(entry.name, dirs, config)
        failures += not ok
        _say(f"{entry.name}: {line}")
    if failures:
        text = "{failed} of {count} sites failed to sync"
        _say("pleio-tui: " + tr(text, failed=failures, count=len(config.sites)))
    return 1 if failures else 0


def sync_one_line(name: str, dirs: AppDirs, config: Config) -> tuple[str, bool]:
    """One site's sync in one line, and whether it went well."""
    try:
        context = site_context(name, dirs=dirs, config=config)
    except Exception as exc:
        return _explained(exc), False
    try:
        report = _sync(context)
    except PleioError as exc:
        if context.anonymous:
            return closed_to_visitors(context, exc), False
        return _explained(exc), False
    except Exception as exc:
        return _explained(exc), False
    if context.anonymous and report.stopped == StopReason.SESSION_EXPIRED:
        return closed_to_visitors(context, None), False
    line = summary(context.site_url, report)
    if report.stopped == StopReason.OFFLINE:
        line += f"; cannot be reached ({describe_offline(report.stop_detail)})"
    elif report.stopped == StopReason.SESSION_EXPIRED:
        line += f"; the session has expired: run {login_hint(context)}"
    elif context.anonymous:
        line += f"; {_visitor_note(context)}"
    if report.outbox_failed:
        line += "; `pleio-tui sync --site " + name + "` names what the site refused"
    others = for_others_note(report)
    if others is not None:
        line += f"; {others}"
    return line, not failed(report)


def _explained(exc: Exception) -> str:
    message = explain(exc)
    if message is None:
        raise exc
    return message
