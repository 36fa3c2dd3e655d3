"""What makes each kind of content itself in the post view: an event's date,
place and my answer; a question's state and its best answer first; a wiki page's
place in its tree; a file's name and size. Remote text goes through
terminal_safe_line and rich Text, never markup."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from pleio_tui.models import Blog, Comment
from pleio_tui.richtext import terminal_safe_line
from pleio_tui.tui.i18n_content import EN_CONTENT, NL_CONTENT
from pleio_tui.tui.i18n_kinds import EN_KINDS, NL_KINDS
from pleio_tui.tui.render.ages import Lang, format_span
from pleio_tui.tui.render.markdown_lines import DIM, wrap

KIND = Style(color="cyan", bold=True)
BEST = Style(color="green", bold=True)
CLOSED = Style(color="magenta", italic=True)
UNCOMMENTED = frozenset({"wiki", "folder"})
"""Kinds that take no comments on Pleio: no thread is shown for them."""


_NL = {**NL_CONTENT, **NL_KINDS}
_EN = {**EN_CONTENT, **EN_KINDS}


def _words(language: str) -> dict[str, str]:
    return _NL if language == "nl" else _EN


def _trail(names: list[str]) -> str:
    return " › ".join(terminal_safe_line(name) for name in names)


def file_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} B"


def kind_lines(blog: Blog, language: str, width: int) -> list[Text]:
    """The lines under a post's byline that only its kind has (none for a blog)."""
    words, details = _words(language), blog.details
    if blog.subtype == "blog":
        return []
    kind = words.get(f"kind.{blog.subtype}", blog.subtype)
    lines = [Text(words["post.kind"].format(kind=kind), KIND)]
    if blog.subtype == "event":
        if details.start_date is not None:
            lang: Lang = "nl" if language == "nl" else "en"
            when = format_span(details.start_date, details.end_date, lang)
            lines.extend(wrap(Text(words["post.event_when"].format(when=when)), width))
        if details.location:
            where = terminal_safe_line(details.location)
            lines.extend(wrap(Text(words["post.event_where"].format(where=where)), width))
        if details.location_link:
            lines.extend(wrap(Text(terminal_safe_line(details.location_link), DIM), width))
        answer = words.get(f"post.event.{details.is_attending or 'none'}", words["post.event.none"])
        lines.append(Text(words["post.event_answer"].format(answer=answer), BEST))
    elif blog.subtype == "question":
        closed = details.is_closed
        state = words["post.question_closed" if closed else "post.question_open"]
        lines[0] = Text(state, CLOSED if closed else KIND)
    elif blog.subtype == "wiki":
        # The whole path from the cache; the parent the site named when the cache
        # does not hold it.
        path = details.path or tuple(p for p in (details.parent,) if p is not None)
        trail = _trail([*(title for _, title in path), blog.title])
        lines.extend(wrap(Text(words["post.wiki_path"].format(path=trail), DIM), width))
        if details.children:
            lines.append(Text(words["post.wiki_children"], DIM))
            for _, title in details.children:
                lines.extend(wrap(Text("  • " + terminal_safe_line(title)), width))
    elif blog.subtype == "file":
        name = terminal_safe_line(blog.title)
        size = file_size(details.size)
        lines.extend(wrap(Text(words["post.file"].format(name=name, size=size)), width))
    if blog.subtype in ("file", "folder"):
        folders = details.path or tuple(p for p in (details.folder,) if p is not None)
        if folders:
            folder = _trail([title for _, title in folders])
            lines.extend(wrap(Text(words["post.file_folder"].format(folder=folder), DIM), width))
    if blog.subtype == "folder":
        held = words["post.folder_contents"] if details.children else words["post.folder_empty"]
        lines.append(Text(held, DIM))
        for _, title in details.children:
            lines.extend(wrap(Text("  • " + terminal_safe_line(title)), width))
    return lines


def answers_in_order(blog: Blog) -> tuple[Comment, ...] | None:
    """A question's best answer first, as Pleio lists it on a site that lets questioners
    choose one; others as they are."""
    comments = blog.comments
    best = blog.details.best_answer_guid
    if comments is None or best is None:
        return comments
    return tuple(sorted(comments, key=lambda comment: comment.guid != best))


def best_answer_mark(blog: Blog, comment: Comment, language: str) -> Text | None:
    if blog.details.best_answer_guid is None or comment.guid != blog.details.best_answer_guid:
        return None
    return Text("  " + _words(language)["post.best_answer"], BEST)
