"""`pleio-tui post --group NAME|GUID --title T [FILE|-]`: a Markdown post, sent
now or queued in the outbox.

Nothing written is lost: the body is saved as a draft and queued before any
network, and a post the site refuses stays in the outbox with the reason.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from pleio_tui.api import OfflineError, PleioClient, PleioError, SessionExpiredError
from pleio_tui.commands.errors import describe_code, describe_offline
from pleio_tui.commands.notices import warn_if_plain_http
from pleio_tui.context import SiteContext, site_context
from pleio_tui.credentials import SESSION_ENV
from pleio_tui.models import Group, OutboxItem, OutboxKind
from pleio_tui.richtext import absolute_url, terminal_safe_line
from pleio_tui.store import Store
from pleio_tui.sync import OutboxOutcome, OutboxReplayer, OutboxResult

MAX_TITLE = 256
MAX_CANDIDATES = 10


class GroupChoiceError(LookupError):
    """The --group value names no cached group, or more than one."""


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _read_body(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    return Path(source).read_text(encoding="utf-8")


def _listing(groups: list[tuple[str, str]]) -> str:
    shown = [f"  {terminal_safe_line(name)}  ({guid})" for guid, name in groups[:MAX_CANDIDATES]]
    if len(groups) > MAX_CANDIDATES:
        shown.append(f"  ... and {len(groups) - MAX_CANDIDATES} more")
    return "\n".join(shown)


def resolve_group(store: Store, wanted: str) -> Group:
    """The cached group with this guid, or this name (any case), or the one
    group whose name contains it."""
    wanted = wanted.strip()
    by_guid = store.group(wanted) if wanted else None
    if by_guid is not None:
        return by_guid
    every = store.groups()
    everything = [(row.guid, row.name) for row in every.window(0, every.count())]
    if not everything:
        raise GroupChoiceError("no groups in the cache yet: run `pleio-tui sync` first")
    named = [group for group in everything if group[1].casefold() == wanted.casefold()]
    if not named:
        matching = store.groups(wanted)
        named = [(row.guid, row.name) for row in matching.window(0, matching.count())]
    if len(named) == 1:
        group = store.group(named[0][0])
        if group is not None:
            return group
    if named:
        raise GroupChoiceError(
            f"{len(named)} groups match {terminal_safe_line(wanted)!r}: "
            f"give the name in full or the guid\n{_listing(named)}"
        )
    raise GroupChoiceError(
        f"no cached group matches {terminal_safe_line(wanted)!r}; the groups are:\n"
        f"{_listing(everything)}"
    )


async def _replay(
    context: SiteContext, store: Store
) -> tuple[list[OutboxOutcome], PleioError | None, bool]:
    """Send the outbox in order (older items first, this post last); the last
    value says another pleio-tui was sending it."""
    async with PleioClient(context.site_url, context.session) as client:
        replayer = OutboxReplayer(client, store)
        outcomes = await replayer.replay()
        return outcomes, replayer.stopped_by, replayer.busy


def _report(
    context: SiteContext,
    item: OutboxItem,
    outcomes: list[OutboxOutcome],
    stopped_by: PleioError | None,
    busy: bool = False,
) -> int:
    mine = next((outcome for outcome in outcomes if outcome.item_id == item.id), None)
    if mine is not None and mine.delivered:
        url = absolute_url(context.site_url, mine.remote_url or "") or context.site_url
        _say(f"Posted: {url}")
        return 0
    if mine is not None and mine.result == OutboxResult.FAILED:
        _say(
            f"Rejected: {describe_code(mine.error_code or 'error')}. The post is kept in the "
            "outbox as failed (and as a draft)"
        )
        return 1
    if busy:
        _say("Queued: another pleio-tui is sending the outbox now; it or the next sync sends it")
        return 0
    if isinstance(stopped_by, SessionExpiredError):
        _say(
            f"Queued: {context.site_url} no longer accepts the session: run "
            f"`pleio-tui login {context.site_url}`, then `pleio-tui sync` sends it"
        )
        return 1
    why = describe_offline(stopped_by) if isinstance(stopped_by, OfflineError) else "no answer"
    _say(f"Queued: the site cannot be reached ({why}); `pleio-tui sync` sends it later")
    return 0


def run(args: argparse.Namespace) -> int:
    title = args.title.strip()
    if not 1 <= len(title) <= MAX_TITLE:
        _say(f"pleio-tui: the title must be 1 to {MAX_TITLE} characters (after trimming spaces)")
        return 2
    try:
        body = _read_body(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        _say(f"pleio-tui: cannot read {args.file}: {exc}")
        return 2
    context = site_context(args.site, offline=args.offline, read_keyring=not args.offline)
    if not args.offline:
        warn_if_plain_http(context.site_url)
    if not context.cache_path.exists():
        _say(f"pleio-tui: nothing is cached for {context.site_url} yet: run `pleio-tui sync` first")
        return 2
    with Store.open(context.cache_path) as store:
        try:
            group = resolve_group(store, args.group)
        except GroupChoiceError as exc:
            _say(f"pleio-tui: {exc}")
            return 2
        draft_key = f"post:{group.guid}"
        store.save_draft(draft_key, title, body)
        item = store.enqueue(OutboxKind.BLOG, group.guid, title, body, draft_key=draft_key)
        where = terminal_safe_line(group.name)
        if args.offline:
            _say(f"Queued for {where} (offline): `pleio-tui sync` sends it later")
            return 0
        if context.session is None:
            _say(
                f"Queued for {where}, but not logged in to {context.site_url}: run "
                f"`pleio-tui login {context.site_url}` (or set {SESSION_ENV}), "
                "then `pleio-tui sync`"
            )
            return 1
        outcomes, stopped_by, busy = asyncio.run(_replay(context, store))
        return _report(context, item, outcomes, stopped_by, busy)
