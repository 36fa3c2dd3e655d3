"""Sending what the user wrote from the command line: a post or a comment, sent
now or queued in the outbox.

Nothing written is lost: the text is saved as a draft and queued before any
network, and what the site refuses stays in the outbox with the reason. Text
with nothing to see is refused before it is queued (and kept as a draft).
"""

from __future__ import annotations

import asyncio
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from pleio_tui.api import OfflineError, PleioClient, PleioError, SessionExpiredError
from pleio_tui.commands.errors import describe_code, describe_offline
from pleio_tui.context import SiteContext
from pleio_tui.credentials import SESSION_ENV
from pleio_tui.models import OutboxKind
from pleio_tui.store import Store
from pleio_tui.sync import OutboxOutcome, OutboxReplayer, OutboxResult

_MEDIA_NODES = frozenset({"image", "file", "video"})


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


def say(message: str) -> None:
    print(message, file=sys.stderr)


def has_visible_text(markdown: str) -> bool:
    """False for Markdown that shows nothing: blank, only markup (`**  **`, `# `,
    an empty link), or invisible characters. An image or a file counts as shown."""
    if not markdown.strip():
        return False
    from pleio_tui.richtext import markdown_to_tiptap, tiptap_to_plain_text

    document = markdown_to_tiptap(markdown)
    text = tiptap_to_plain_text(document)
    if any(not char.isspace() and unicodedata.category(char) != "Cf" for char in text):
        return True
    return any(node.get("type") in _MEDIA_NODES for node in _nodes(json.loads(document)))


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for child in node.get("content") or ():
            yield from _nodes(child)


def write(
    context: SiteContext,
    store: Store,
    writing: Writing,
    sent_line: Callable[[OutboxOutcome], str],
) -> int:
    """Queue `writing` and send the outbox (unless offline); the exit status.

    `sent_line` words what the user sees once the site has it."""
    if not has_visible_text(writing.body):
        kept = bool(writing.body.strip())
        if kept:
            store.save_draft(writing.draft_key, writing.title, writing.body)
        say(
            f"pleio-tui: the {writing.noun} has no text to show: nothing was sent or queued"
            + ("; what you wrote is kept as a draft" if kept else "")
        )
        return 2
    store.save_draft(writing.draft_key, writing.title, writing.body)
    item = store.enqueue(
        writing.kind,
        writing.target_guid,
        writing.title,
        writing.body,
        draft_key=writing.draft_key,
        thread_guid=writing.thread_guid,
    )
    if context.offline:
        say(f"Queued for {writing.where} (offline): `pleio-tui sync` sends it later")
        return 0
    if context.session is None:
        say(
            f"Queued for {writing.where}, but not logged in to {context.site_url}: run "
            f"`pleio-tui login {context.site_url}` (or set {SESSION_ENV}), "
            "then `pleio-tui sync`"
        )
        return 1
    outcomes, stopped_by, busy = asyncio.run(_replay(context, store))
    mine = next((outcome for outcome in outcomes if outcome.item_id == item.id), None)
    return _report(context, writing, mine, stopped_by, sent_line, busy)


async def _replay(
    context: SiteContext, store: Store
) -> tuple[list[OutboxOutcome], PleioError | None, bool]:
    """Send the outbox in order (older items first, this one last); the last
    value says another pleio-tui was sending it."""
    async with PleioClient(context.site_url, context.session) as client:
        replayer = OutboxReplayer(client, store)
        outcomes = await replayer.replay()
        return outcomes, replayer.stopped_by, replayer.busy


def _report(
    context: SiteContext,
    writing: Writing,
    mine: OutboxOutcome | None,
    stopped_by: PleioError | None,
    sent_line: Callable[[OutboxOutcome], str],
    busy: bool = False,
) -> int:
    if mine is not None and mine.delivered:
        say(sent_line(mine))
        return 0
    if mine is not None and mine.result == OutboxResult.FAILED:
        say(
            f"Rejected: {describe_code(mine.error_code or 'error')}. The {writing.noun} is kept "
            "in the outbox as failed (and as a draft)"
        )
        return 1
    if busy:
        say("Queued: another pleio-tui is sending the outbox now; it or the next sync sends it")
        return 0
    if isinstance(stopped_by, SessionExpiredError):
        say(
            f"Queued: {context.site_url} no longer accepts the session: run "
            f"`pleio-tui login {context.site_url}`, then `pleio-tui sync` sends it"
        )
        return 1
    why = describe_offline(stopped_by) if isinstance(stopped_by, OfflineError) else "no answer"
    say(f"Queued: the site cannot be reached ({why}); `pleio-tui sync` sends it later")
    return 0
