"""The app's own words that the shared string tables do not hold yet: row labels,
the "all groups" row, outbox states and a few notices. Same rules as `i18n`: values
put into a message are flattened to one safe line, and the result is plain text."""

from __future__ import annotations

from pleio_tui.tui.i18n import Lang, Strings, one_line

NL: dict[str, str] = {
    "groups.all": "Alle groepen",
    "groups.filter_placeholder": "Filter (f)",
    "groups.members.one": "1 lid",
    "groups.members.other": "{n} leden",
    "groups.unread": "{n} nieuw",
    "groups.closed": "besloten",
    "feed.all": "Alle blogs",
    "search.in_comment": "in een reactie",
    "post.untitled": "(zonder titel)",
    "outbox.kind.blog": "Nieuw blog",
    "outbox.kind.edit_blog": "Bewerking",
    "outbox.kind.comment": "Reactie",
    "outbox.kind.vote": "Stem",
    "outbox.kind.bookmark": "Bewaren",
    "outbox.state.pending": "wacht",
    "outbox.state.sending": "onderweg",
    "outbox.state.sent": "verstuurd",
    "outbox.state.failed": "mislukt",
    "outbox.hint": "{retry} opnieuw proberen · {discard} weggooien · {close} sluiten",
    "outbox.retried": "Gaat opnieuw mee bij de volgende synchronisatie.",
    "notice.no_post": "Open eerst een blog.",
    "notice.no_comment": "Kies eerst een reactie met J of K.",
    "notice.no_group": "Kies eerst een groep.",
    "notice.not_editable": "Dit blog mag je niet bewerken.",
    "notice.no_site": "Nog geen site: log eerst in.",
    "notice.logged_in": "Ingelogd als {name}.",
    "notice.session_not_saved": "Sessie niet bewaard: {reason}",
}

EN: dict[str, str] = {
    "groups.all": "All groups",
    "groups.filter_placeholder": "Filter (f)",
    "groups.members.one": "1 member",
    "groups.members.other": "{n} members",
    "groups.unread": "{n} new",
    "groups.closed": "closed",
    "feed.all": "All blogs",
    "search.in_comment": "in a comment",
    "post.untitled": "(untitled)",
    "outbox.kind.blog": "New blog",
    "outbox.kind.edit_blog": "Edit",
    "outbox.kind.comment": "Comment",
    "outbox.kind.vote": "Vote",
    "outbox.kind.bookmark": "Bookmark",
    "outbox.state.pending": "waiting",
    "outbox.state.sending": "on its way",
    "outbox.state.sent": "sent",
    "outbox.state.failed": "failed",
    "outbox.hint": "{retry} retry · {discard} discard · {close} close",
    "outbox.retried": "It goes out again with the next sync.",
    "notice.no_post": "Open a blog first.",
    "notice.no_comment": "Choose a comment with J or K first.",
    "notice.no_group": "Choose a group first.",
    "notice.not_editable": "You may not edit this blog.",
    "notice.no_site": "No site yet: log in first.",
    "notice.logged_in": "Logged in as {name}.",
    "notice.session_not_saved": "Session not saved: {reason}",
}

TABLES: dict[Lang, dict[str, str]] = {"nl": NL, "en": EN}


def label(strings: Strings, msg_id: str, **values: object) -> str:
    """An app message in the language of `strings`; other ids go to `strings` itself."""
    template = TABLES[strings.lang].get(msg_id)
    if template is None:
        return strings(msg_id, **values)
    return template.format_map({name: one_line(value) for name, value in values.items()})


def plural_label(strings: Strings, msg_id: str, n: int) -> str:
    return label(strings, f"{msg_id}.{'one' if n == 1 else 'other'}", n=n)
