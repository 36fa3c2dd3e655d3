"""A blog post with its header, comment thread and related blogs, rendered to strips.

Rendering is incremental: `render_post` returns at once with the first screen
rendered, the post view asks for more lines as it scrolls and finishes the rest
in small slices while idle. A 250 KiB post shows as quickly as a short one.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.cache import LRUCache
from textual.strip import Strip

from pleio_tui.models import Blog, Comment, FeedRow
from pleio_tui.richtext import body_to_markdown, safe_link, terminal_safe, terminal_safe_line
from pleio_tui.tui.render.body_chunks import markdown_chunks
from pleio_tui.tui.render.kinds import (
    UNCOMMENTED,
    answers_in_order,
    best_answer_mark,
    kind_lines,
)
from pleio_tui.tui.render.markdown_lines import (
    BOLD,
    CONSOLE,
    DIM,
    ITALIC,
    LINK_META_KEY,
    LINK_NUMBER,
    MarkdownDocument,
    MarkdownRenderer,
    fit_url,
    link_number,
    prefixed,
    wrap,
)
from pleio_tui.tui.render.strings import ENGLISH, PostStrings
from pleio_tui.tui.render.waiting import is_waiting

MAX_TEXT_WIDTH = 100
"""Lines longer than this are hard to read, however wide the terminal."""

FIRST_SCREEN_LINES = 120
"""Rendered before `render_post` returns: more than any terminal shows at once."""

MARGIN = Segment(" ")
TITLE = Style(bold=True, underline=True)
TAG = Style(color="cyan")
ARCHIVED = Style(color="magenta", italic=True)
AUTHOR = Style(bold=True)
NEW_COMMENT = Style(color="cyan", bold=True)
REPLY_PREFIX = Text("  │ ", DIM)
RULE_CHAR = "─"


@dataclass(frozen=True, slots=True)
class CommentSpan:
    """The lines [start, end) showing one comment (its replies have spans of their own)."""

    guid: str
    start: int
    end: int
    depth: int
    author: str


@dataclass(frozen=True, slots=True)
class PostLink:
    """Link number `number` of the post ("[3]"), in the body, a comment or the
    related blogs."""

    url: str
    label: str
    line: int
    """The first line the link shows on."""
    number: int = 0
    blog_guid: str | None = None
    """For a related blog: the blog, opened in the app."""


class RenderedPost:
    """The lines of a post, growing until `complete`; lines once added never change."""

    def __init__(self, blog_guid: str, width: int) -> None:
        self.blog_guid = blog_guid
        self.width = width
        self.lines: list[Strip] = []
        self.comments: list[CommentSpan] = []
        self.links: list[PostLink] = []
        self._steps: Iterator[None] | None = None

    @property
    def complete(self) -> bool:
        return self._steps is None

    def ensure_lines(self, count: int) -> None:
        """Render until at least `count` lines exist or the post is complete."""
        while self._steps is not None and len(self.lines) < count:
            self._step()

    def render_for(self, seconds: float) -> None:
        """Render more for about `seconds` (at least one step), for idle-time slices."""
        deadline = time.perf_counter() + seconds
        while self._steps is not None:
            self._step()
            if time.perf_counter() >= deadline:
                break

    def finish(self) -> RenderedPost:
        while self._steps is not None:
            self._step()
        return self

    def comment_at(self, line: int) -> CommentSpan | None:
        starts = [span.start for span in self.comments]
        position = bisect.bisect_right(starts, line) - 1
        if position < 0:
            return None
        span = self.comments[position]
        return span if span.start <= line < span.end else None

    def comment_position(self, guid: str) -> int | None:
        for position, span in enumerate(self.comments):
            if span.guid == guid:
                return position
        return None

    def _start(self, steps: Iterator[None]) -> None:
        self._steps = steps

    def _step(self) -> None:
        assert self._steps is not None
        try:
            next(self._steps)
        except StopIteration:
            self._steps = None


_CACHE: LRUCache[tuple[object, ...], RenderedPost] = LRUCache(maxsize=16)


def render_post(
    blog: Blog,
    width: int,
    *,
    strings: PostStrings = ENGLISH,
    site_url: str = "",
    related: Sequence[FeedRow] = (),
    new_since: datetime | None = None,
) -> RenderedPost:
    """Render `blog` for a pane `width` cells wide; cached on everything it shows.

    The result holds at least the first screen; call `ensure_lines`, `render_for`
    or `finish` for the rest."""
    # The whole (frozen) blog is part of the key: votes, bookmark and comments show too.
    key = (blog, width, strings, site_url, tuple(related), new_since)
    post = _CACHE.get(key)
    if post is None:
        post = RenderedPost(blog.guid, width)
        renderer = _PostRenderer(post, blog, strings, site_url)
        renderer.new_since = new_since
        post._start(renderer.steps(related))
        _CACHE[key] = post
    post.ensure_lines(FIRST_SCREEN_LINES)
    return post


def vote_note(strings: PostStrings, own_vote: int | None) -> str:
    """Which way the user voted, when the cache knows it."""
    if own_vote == 1:
        return strings.voted_up
    if own_vote == -1:
        return strings.voted_down
    return strings.voted


def clear_render_cache() -> None:
    _CACHE.clear()


class _PostRenderer:
    new_since: datetime | None = None
    """Comments newer than this are marked new (the reader's last read of the post)."""

    def __init__(self, post: RenderedPost, blog: Blog, strings: PostStrings, site_url: str) -> None:
        self.post = post
        self.blog = blog
        self.text_width = max(1, min(post.width - 2 * MARGIN.cell_length, MAX_TEXT_WIDTH))
        self.strings = strings
        self.site_url = site_url
        self.markdown = MarkdownRenderer(site_url=site_url, image_label=strings.image)
        self.related_guids: dict[int, str] = {}
        """Link index -> the related blog it opens."""

    def steps(self, related: Sequence[FeedRow]) -> Iterator[None]:
        self.emit(self.header())
        self.emit([self.rule()])
        yield
        first = True
        for markdown in markdown_chunks(self.blog.rich_description, self.blog.description):
            body = MarkdownDocument(markdown)
            for index in range(len(body.blocks)):
                block = self.markdown.block(body, index, self.text_width)
                self.emit(block if first else [Text(), *block])
                first = False
                yield
        body_links = len(self.markdown.links)
        self.emit(self.link_list(0, self.strings.links_heading))
        if self.blog.subtype not in UNCOMMENTED:
            yield from self.comment_thread()
        self.emit(self.link_list(body_links, self.strings.comment_links_heading))
        if related:
            self.emit(self.related(related))

    def emit(self, lines: list[Text]) -> None:
        """Turn finished lines into strips, noting where links first show."""
        post = self.post
        seen = len(post.links)
        for line in lines:
            number = len(post.lines)
            post.lines.append(Strip([MARGIN, *line.render(CONSOLE)], line.cell_len + 1))
            for span in line.spans:
                style = span.style
                # `_meta` is the cheap "has meta" test; `meta` unpickles on every read.
                if isinstance(style, Style) and style._meta:
                    index = style.meta.get(LINK_META_KEY)
                    if isinstance(index, int) and index >= seen:
                        target = self.markdown.links[index]
                        guid = self.related_guids.get(index)
                        link = PostLink(target.url, target.label, number, index + 1, guid)
                        post.links.append(link)
                        seen = index + 1

    # --- parts ---

    def header(self) -> list[Text]:
        blog, strings, width = self.blog, self.strings, self.text_width
        lines: list[Text] = []
        title = terminal_safe_line(blog.title) or strings.untitled
        lines.extend(wrap(Text(title, TITLE), width))
        byline = Text(strings.by_author.format(author=self.author_of(blog)), DIM)
        if blog.group_name:
            group = terminal_safe_line(blog.group_name)
            byline.append(" " + strings.in_group.format(group=group), DIM)
        moment = blog.time_published or blog.time_created
        if moment is not None:
            byline.append(" · " + strings.format_when(moment), DIM)
        lines.extend(wrap(byline, width))
        if blog.tags:
            tags = Text()
            for tag in blog.tags:
                tags.append("#" + terminal_safe_line(tag), TAG)
                tags.append("  ")
            tags.rstrip()
            lines.extend(wrap(tags, width))
        lines.append(self.status_line())
        lines.extend(kind_lines(blog, strings.language, width))
        if blog.abstract:
            lines.append(Text())
            lines.extend(wrap(Text(terminal_safe(blog.abstract).strip(), ITALIC), width))
        return lines

    def status_line(self) -> Text:
        blog, strings = self.blog, self.strings
        status = Text(strings.votes.format(count=blog.votes), DIM)
        if blog.has_voted:
            status.append(f" ({vote_note(strings, blog.own_vote)})", DIM)
        if blog.is_bookmarked:
            status.append("  " + strings.bookmarked, DIM)
        if blog.is_archived:
            status.append("  " + strings.archived, ARCHIVED)
        return status

    def comment_thread(self) -> Iterator[None]:
        strings, comments = self.strings, answers_in_order(self.blog)
        count = self.blog.comment_count
        if comments is not None:
            count = max(count, sum(1 + len(comment.replies) for comment in comments))
        heading = [Text(), self.rule(), Text(strings.comments_heading.format(count=count), BOLD)]
        if comments is None:
            self.emit([*heading, Text(strings.comments_not_loaded, DIM)])
            return
        if not comments:
            self.emit([*heading, Text(strings.no_comments, DIM)])
            return
        self.emit(heading)
        for comment in comments:
            self.emit([Text()])
            self.comment(comment, depth=0)
            for reply in comment.replies:
                self.emit([REPLY_PREFIX.copy()])
                self.comment(reply, depth=1)
            yield

    def comment(self, comment: Comment, depth: int) -> None:
        prefix = REPLY_PREFIX if depth else Text()
        width = self.text_width - prefix.cell_len
        author = terminal_safe_line(comment.author_name) or self.strings.unknown_author
        header = Text(author, AUTHOR)
        if is_waiting(comment):
            header.append(" · " + self.strings.waiting, ITALIC)
        elif comment.waiting == "delete":
            header.append(" · " + self.strings.waiting_delete, ITALIC)
        elif comment.waiting == "edit":
            header.append(" · " + self.strings.waiting_edit, ITALIC)
        else:
            header.append(" · " + self.strings.format_age(comment.time_created), DIM)
            if self.new_since is not None and comment.time_created > self.new_since:
                header.append(" " + self.strings.new_comment, NEW_COMMENT)
        if comment.votes or comment.has_voted:
            header.append("  " + self.strings.votes.format(count=comment.votes), DIM)
        if comment.has_voted:
            header.append(f" ({vote_note(self.strings, comment.own_vote)})", DIM)
        best = best_answer_mark(self.blog, comment, self.strings.language) if not depth else None
        if best is not None:
            header.append_text(best)
        body = MarkdownDocument(body_to_markdown(comment.rich_description, comment.description))
        lines = [*wrap(header, width), *self.markdown.document(body, width)]
        start = len(self.post.lines)
        self.emit([prefixed(prefix, line) for line in lines] if depth else lines)
        span = CommentSpan(comment.guid, start, len(self.post.lines), depth, author)
        self.post.comments.append(span)

    def related(self, related: Sequence[FeedRow]) -> list[Text]:
        """The group's other blogs, each a numbered link opened in the app."""
        lines = [Text(), self.rule(), Text(self.strings.related_heading, BOLD)]
        for row in related:
            title = terminal_safe_line(row.title) or self.strings.untitled
            # The guid comes from the cache, which an older version filled unchecked.
            url = safe_link(f"{self.site_url.rstrip('/')}/blog/view/{row.guid}")
            item = Text("• ", DIM)
            if url is None:  # listed, but no link: no address holds that guid
                index = None
                item.append(title, BOLD)
            else:
                index = self.markdown.add_link(url, title)
                self.related_guids[index] = row.guid
                item.append(title, BOLD + self.markdown.link_style(Style(), index, url))
            details = [terminal_safe_line(row.author_name)]
            if row.group_name:
                details.append(terminal_safe_line(row.group_name))
            if row.time_published is not None:
                details.append(self.strings.format_age(row.time_published))
            item.append(" — " + " · ".join(part for part in details if part), DIM)
            if index is not None:
                item.append(link_number(index), LINK_NUMBER)
            first, *rest = wrap(item, self.text_width - 2)
            lines.append(first)
            lines.extend(prefixed(Text("  "), line) for line in rest)
        return lines

    def link_list(self, start: int, heading: str) -> list[Text]:
        """Links from number `start` on, each with its whole address on a line
        of its own (cut with an ellipsis on screen only when wider than the pane)."""
        links = self.markdown.links[start:]
        if not links:
            return []
        lines = [Text(), Text(heading, BOLD)]
        for offset, link in enumerate(links):
            index = start + offset
            number = link_number(index)
            style = self.markdown.link_style(Style(), index, link.url)
            shown_url = link.url.removeprefix("mailto:") if link.url.startswith("mailto:") else ""
            entry = Text(number + " ", LINK_NUMBER)
            if link.label in (link.url, shown_url):
                entry.append(fit_url(link.label, self.text_width - len(number) - 1), style)
                lines.append(entry)
                continue
            entry.append(terminal_safe_line(link.label), DIM)
            first, *rest = wrap(entry, self.text_width)
            lines.append(first)
            indent = Text(" " * (len(number) + 1))
            lines.extend(prefixed(indent, line) for line in rest)
            url = Text(fit_url(link.url, self.text_width - indent.cell_len), style)
            lines.append(prefixed(indent, url))
        return lines

    # --- pieces ---

    def rule(self) -> Text:
        return Text(RULE_CHAR * self.text_width, DIM)

    def author_of(self, blog: Blog) -> str:
        name = blog.owner.name if blog.owner is not None else ""
        return terminal_safe_line(name) or self.strings.unknown_author
