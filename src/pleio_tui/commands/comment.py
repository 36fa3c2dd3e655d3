"""`pleio-tui comment ITEM [FILE|-] [--reply-to COMMENT_GUID]`: a Markdown comment
on a blog, or a reply to one of its comments, sent now or queued in the outbox
(see `writing`).

ITEM is the blog's guid or its address on the site, as a browser shows it:
`/blog/view/<guid>/<slug>` or `/groups/view/<group>/<slug>/blog/view/<guid>/<slug>`.
"""

from __future__ import annotations

import argparse
import re
from functools import partial
from typing import NamedTuple
from urllib.parse import urlsplit

from pleio_tui.cli_i18n import tr
from pleio_tui.commands.notices import warn_if_plain_http
from pleio_tui.commands.text_input import BadInputError, read_text
from pleio_tui.commands.writing import Writing, keeping_the_text, write
from pleio_tui.context import NoSiteError, SiteContext, site_context
from pleio_tui.models import Blog, OutboxKind
from pleio_tui.richtext import absolute_url, terminal_safe_line
from pleio_tui.site_url import parse_site_url
from pleio_tui.store import Store
from pleio_tui.sync import OutboxOutcome

_GUID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
# Every commentable kind's address: blog, discussion, questions, news, events,
# update (a status update) and files.
_BLOG_PATH = re.compile(
    r"^(?:/groups/view/[^/]+(?:/[^/]*)?)?"
    r"/(?:blog|discussion|questions|news|events|update|files)/view/([^/]+)(?:/[^/]*)?/?$"
)


class BlogRef(NamedTuple):
    guid: str
    origin: str | None
    """scheme://host[:port] of an address given as ITEM; None for a guid or a path."""


def parse_blog_ref(item: str) -> BlogRef:
    """The blog guid in ITEM (a guid, a site address or its path); BadInputError
    for anything else."""
    text = item.strip()
    if _GUID.match(text):
        return BlogRef(text, None)
    origin = None
    if "://" in text:
        scheme, _, rest = text.partition("://")
        authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
        # Only compared with the site in use, which is checked on its own.
        origin = parse_site_url(f"{scheme}://{authority}", allow_insecure_http=True)
    try:
        path = urlsplit(text).path
    except ValueError:  # brackets that hold no IPv6 address
        path = ""
    found = _BLOG_PATH.match(path)
    if found is None or not _GUID.match(found.group(1)):
        said = (
            "{item} is not a blog or other item: give its guid or its address "
            "(…/blog/view/<guid>/…, …/discussion/view/<guid>/…)"
        )
        raise BadInputError(tr(said, item=repr(terminal_safe_line(text))))
    return BlogRef(found.group(1), origin)


def _context(args: argparse.Namespace, ref: BlogRef) -> SiteContext:
    """The site of --site or the config; without either, that of the address given."""
    read_keyring = not args.offline
    try:
        context = site_context(args.site, offline=args.offline, read_keyring=read_keyring)
    except NoSiteError:
        if ref.origin is None:
            raise
        return site_context(ref.origin, offline=args.offline, read_keyring=read_keyring)
    if ref.origin is not None and ref.origin != context.site_url:
        said = "that blog is on {origin}, not on {site}: give --site {origin} to comment there"
        raise BadInputError(tr(said, origin=ref.origin, site=context.site_url))
    return context


def commented_line(site_url: str, blog_url: str, outcome: OutboxOutcome) -> str:
    # The comment's guid is the site's, or the outbox's as an older version kept it.
    guid = terminal_safe_line(outcome.remote_guid or "")
    return f"Commented: {absolute_url(site_url, blog_url) or site_url} (comment {guid})"


def _blog_url(blog: Blog | None, ref: BlogRef, item: str) -> str:
    if blog is not None and blog.url:
        return blog.url
    return terminal_safe_line(item.strip()) if ref.origin else f"/blog/view/{ref.guid}"


def run(args: argparse.Namespace) -> int:
    ref = parse_blog_ref(args.item)
    reply_to = args.reply_to.strip() if args.reply_to is not None else None
    if reply_to is not None and not _GUID.match(reply_to):
        raise BadInputError(tr("--reply-to takes the guid of a comment"))
    body = read_text(args.file)
    context = _context(args, ref)
    if not args.offline:
        warn_if_plain_http(context.site_url)

    def comment() -> int:
        with Store.open(context.cache_path) as store:
            blog = store.blog(ref.guid)
            title = terminal_safe_line(blog.title) if blog is not None else f"blog {ref.guid}"
            blog_guid = ref.guid
            writing = Writing(
                kind=OutboxKind.COMMENT,
                target_guid=reply_to or blog_guid,
                thread_guid=blog_guid,
                title="",
                body=body,
                draft_key=f"reply:{reply_to}" if reply_to else f"comment:{blog_guid}",
                noun="reply" if reply_to else "comment",
                where=f'"{title}"' if blog is not None else title,
            )
            sent = partial(commented_line, context.site_url, _blog_url(blog, ref, args.item))
            return write(context, store, writing, sent)

    return keeping_the_text("", body, comment)
