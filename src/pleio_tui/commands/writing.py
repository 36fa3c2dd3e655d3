"""Sending what the user wrote from the command line: a post or a comment, sent
now or queued in the outbox.

Nothing written is lost: the text is saved as a draft and queued before any
network, and what the site refuses stays in the outbox with the reason. Text
with nothing to see is refused before it is queued (and kept as a draft). A
draft the app keeps for the same place is left as it is.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Callable
from typing import NamedTuple

from pleio_tui.api import OfflineError, PleioClient, PleioError, SessionExpiredError
from pleio_tui.cli_i18n import tr
from pleio_tui.commands.errors import describe_code, describe_offline, explain
from pleio_tui.commands.sites import only_members_write, read_only
from pleio_tui.context import SiteContext
from pleio_tui.models import OutboxKind
from pleio_tui.richtext import is_blank_markdown
from pleio_tui.store import Store, StoreError
from pleio_tui.sync import OutboxOutcome, OutboxReplayer, OutboxResult


class Writing(NamedTuple):
    kind: OutboxKind
    target_guid: str
    """The group of a post, the blog of a comment, the comment a reply answers."""
    thread_guid: str | None
    """The blog a comment or reply belongs to; None for a post."""
    title: str
    body: str
    draft_key: str
    noun: str
    """"post" or "comment", for the messages."""
    where: str
    """Where it goes, for the messages: a group's name, a blog's title."""


def thing(writing: Writing) -> str:
    """What was written, with its article: "the post" / "het blog"."""
    return tr("the " + writing.noun)


def say(message: str) -> None:
    print(message, file=sys.stderr)


def keeping_the_text(title: str, body: str, work: Callable[[], int]) -> int:
    """Run `work`; when the cache cannot take what was written (damaged, full,
    read-only), the text still is not lost: it goes to a private file, or back to
    standard output when no file can be written either."""
    try:
        return work()
    except StoreError as exc:
        kept = _rescued(title, body)
        why = explain(exc) or exc
        say("pleio-tui: " + tr("{why}; nothing was sent or queued; {kept}", why=why, kept=kept))
        return 1


def _rescued(title: str, body: str) -> str:
    """Keep the text in a private file, else on standard output; says where."""
    where = _rescue(title, body)
    if where is None:
        print((f"# {title}\n\n" if title else "") + body)
        return tr("your text follows on standard output")
    return tr("your text is in {where}", where=where)


def _rescue(title: str, body: str) -> str | None:
    try:
        handle, path = tempfile.mkstemp(prefix="pleio-tui-unsent-", suffix=".md")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write((f"# {title}\n\n" if title else "") + body)
    except OSError:
        return None
    return path


def write(
    context: SiteContext,
    store: Store,
    writing: Writing,
    sent_line: Callable[[OutboxOutcome], str],
) -> int:
    """Queue `writing` and send the outbox (unless offline); the exit status.

    `sent_line` words what the user sees once the site has it."""
    # The app keeps its drafts under the same keys: one written there for the
    # same place is never overwritten, nor deleted once this writing is sent.
    if is_blank_markdown(writing.body):
        kept = bool(writing.body.strip()) and store.keep_draft(
            writing.draft_key, writing.title, writing.body
        )
        text = tr("{thing} has no text to show: nothing was sent or queued", thing=thing(writing))
        draft = tr("; what you wrote is kept as a draft") if kept else ""
        say("pleio-tui: " + text + draft)
        return 2
    drafted = store.keep_draft(writing.draft_key, writing.title, writing.body)
    if read_only(context, store):
        # Never queued under no one's name: kept as a draft until the user logs in.
        why = only_members_write(context)
        if drafted:
            text = "{why}; nothing was sent or queued, what you wrote is kept as a draft"
            say("pleio-tui: " + tr(text, why=why))
        else:
            _rescue_beside_a_draft(writing, why)
        return 1
    item = store.enqueue(
        writing.kind,
        writing.target_guid,
        writing.title,
        writing.body,
        draft_key=writing.draft_key if drafted else None,
        thread_guid=writing.thread_guid,
    )
    if context.offline:
        say(
            tr("Queued for {where} (offline): `pleio-tui sync` sends it later", where=writing.where)
        )
        return 0
    try:
        outcomes, stopped_by, busy = asyncio.run(_replay(context, store, item.id))
    except StoreError as exc:
        # Queued already: the outbox has it, and the next sync tells how it went.
        why = explain(exc) or exc
        say("pleio-tui: " + tr("{why}; {thing} waits in the outbox", why=why, thing=thing(writing)))
        return 1
    mine = next((outcome for outcome in outcomes if outcome.item_id == item.id), None)
    return _report(context, writing, mine, stopped_by, sent_line, busy, drafted)


def _rescue_beside_a_draft(writing: Writing, why: str) -> None:
    """Not queued, and the draft key holds other writing: the text goes to a
    private file (or standard output), the draft stays as it was."""
    kept = _rescued(writing.title, writing.body)
    text = "{why}; nothing was sent or queued; a draft written earlier for the same place stays"
    say("pleio-tui: " + tr(text, why=why) + "; " + kept)


async def _replay(
    context: SiteContext, store: Store, queued: int
) -> tuple[list[OutboxOutcome], PleioError | None, bool]:
    """Send the outbox in order (older items first, this one last); the last
    value says another pleio-tui was sending it. `queued`, just queued, is the
    session's account's, whichever account the cache last saw."""
    async with PleioClient(context.site_url, context.session) as client:
        replayer = OutboxReplayer(client, store, queued_now=(queued,))
        outcomes = await replayer.replay()
        return outcomes, replayer.stopped_by, replayer.busy


def _report(
    context: SiteContext,
    writing: Writing,
    mine: OutboxOutcome | None,
    stopped_by: PleioError | None,
    sent_line: Callable[[OutboxOutcome], str],
    busy: bool,
    drafted: bool,
) -> int:
    if mine is not None and mine.delivered:
        say(sent_line(mine))
        return 0
    if mine is not None and mine.result == OutboxResult.FAILED:
        text = "Rejected: {why}. {thing} is kept in the outbox as failed"
        if drafted:
            text += " (and as a draft)"
        why = describe_code(mine.error_code or "error")
        say(tr(text, why=why, thing=thing(writing).capitalize()))
        return 1
    if busy:
        say(tr("Queued: another pleio-tui is sending the outbox now; it or the next sync sends it"))
        return 0
    if isinstance(stopped_by, SessionExpiredError):
        text = (
            "Queued: {site} no longer accepts the session: run `pleio-tui login {site}`, "
            "then `pleio-tui sync` sends it"
        )
        say(tr(text, site=context.site_url))
        return 1
    why = describe_offline(stopped_by) if isinstance(stopped_by, OfflineError) else tr("no answer")
    say(tr("Queued: the site cannot be reached ({why}); `pleio-tui sync` sends it later", why=why))
    return 0
