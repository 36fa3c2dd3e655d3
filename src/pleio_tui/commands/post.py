"""`pleio-tui post --group NAME|GUID [--type blog|discussion|question|status]
--title T [FILE|-]`: a Markdown blog, discussion, question or status update (no
title needed), sent now or queued in the outbox (see `writing`)."""

from __future__ import annotations

import argparse
from functools import partial

from pleio_tui.cli_i18n import tr
from pleio_tui.commands.notices import warn_if_plain_http
from pleio_tui.commands.text_input import read_text
from pleio_tui.commands.writing import Writing, keeping_the_text, say, write
from pleio_tui.context import site_context
from pleio_tui.models import Group, OutboxKind
from pleio_tui.richtext import absolute_url, terminal_safe_line
from pleio_tui.store import Store
from pleio_tui.sync import OutboxOutcome

MAX_TITLE = 256
MAX_CANDIDATES = 10


class GroupChoiceError(LookupError):
    """The --group value names no cached group, or more than one."""


def _listing(groups: list[tuple[str, str]]) -> str:
    shown = [
        f"  {terminal_safe_line(name)}  ({terminal_safe_line(guid)})"
        for guid, name in groups[:MAX_CANDIDATES]
    ]
    if len(groups) > MAX_CANDIDATES:
        shown.append("  " + tr("... and {count} more", count=len(groups) - MAX_CANDIDATES))
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
        raise GroupChoiceError(tr("no groups in the cache yet: run `pleio-tui sync` first"))
    named = [group for group in everything if group[1].casefold() == wanted.casefold()]
    if not named:
        matching = store.groups(wanted)
        named = [(row.guid, row.name) for row in matching.window(0, matching.count())]
    if len(named) == 1:
        group = store.group(named[0][0])
        if group is not None:
            return group
    if named:
        said = "{count} groups match {wanted}: give the name in full or the guid"
        shown = repr(terminal_safe_line(wanted))
        raise GroupChoiceError(tr(said, count=len(named), wanted=shown) + "\n" + _listing(named))
    said = "no cached group matches {wanted}; the groups are:"
    shown = repr(terminal_safe_line(wanted))
    raise GroupChoiceError(tr(said, wanted=shown) + "\n" + _listing(everything))


def posted_line(site_url: str, outcome: OutboxOutcome) -> str:
    url = absolute_url(site_url, outcome.remote_url or "") or site_url
    return f"Posted: {url}"


# --type: what it is written as, and what the command calls it.
POST_TYPES = {
    "blog": (OutboxKind.BLOG, "post"),
    "discussion": (OutboxKind.DISCUSSION, "discussion"),
    "question": (OutboxKind.QUESTION, "question"),
    "status": (OutboxKind.STATUS_UPDATE, "status update"),
}


def run(args: argparse.Namespace) -> int:
    kind, noun = POST_TYPES[getattr(args, "post_type", None) or "blog"]
    title = (args.title or "").strip()
    if kind == OutboxKind.STATUS_UPDATE:
        if len(title) > MAX_TITLE:
            say(f"pleio-tui: the title may be at most {MAX_TITLE} characters")
            return 2
    elif not 1 <= len(title) <= MAX_TITLE:
        text = "the title must be 1 to {most} characters (after trimming spaces)"
        say("pleio-tui: " + tr(text, most=MAX_TITLE))
        return 2
    body = read_text(args.file)
    context = site_context(args.site, offline=args.offline, read_keyring=not args.offline)
    if not args.offline:
        warn_if_plain_http(context.site_url)
    if not context.cache_path.exists():
        say(f"pleio-tui: nothing is cached for {context.site_url} yet: run `pleio-tui sync` first")
        return 2

    def post() -> int:
        with Store.open(context.cache_path) as store:
            try:
                group = resolve_group(store, args.group)
            except GroupChoiceError as exc:
                say(f"pleio-tui: {exc}")
                return 2
            writing = Writing(
                kind=kind,
                target_guid=group.guid,
                thread_guid=None,
                title=title,
                body=body,
                draft_key=f"{'post' if kind == OutboxKind.BLOG else kind.value}:{group.guid}",
                noun=noun,
                where=terminal_safe_line(group.name),
            )
            return write(context, store, writing, partial(posted_line, context.site_url))

    return keeping_the_text(title, body, post)
