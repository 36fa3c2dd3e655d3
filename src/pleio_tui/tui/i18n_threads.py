"""Words for working in a thread, in Dutch and English: voting on, editing and
deleting a comment, and editing a blog's title and tags. Merged into the tables
of `i18n`; plain text, never markup."""

from __future__ import annotations

NL_THREADS: dict[str, str] = {
    "key.post.delete_comment": "Eigen reactie verwijderen (vraagt eerst)",
    "notice.voted_comment": "Gestemd op de reactie van {author}.",
    "notice.comment_not_sent": "Deze reactie is nog niet verstuurd; wacht tot de site haar heeft.",
    "notice.comment_not_editable": "Deze reactie mag je niet bewerken of verwijderen.",
    "notice.comment_deleting": "De reactie wordt verwijderd.",
    "notice.post_edit_queued": "De wijzigingen van het blog staan in de outbox.",
    "confirm.delete_comment": "De reactie van {author} verwijderen? Antwoorden erop gaan mee.",
    "confirm.delete_reply": "Het antwoord van {author} verwijderen?",
    "composer.edit_comment": "Reactie bewerken",
    "post.waiting_edit": "⏳ bewerking wacht op verzending",
    "post.waiting_delete": "⏳ wordt verwijderd",
    "new_post.edit_title": "Blog bewerken: {title}",
    "new_post.tags": "Tags (met komma's gescheiden)",
    "outbox.kind.edit_comment": "Reactie bewerkt",
    "outbox.kind.delete_comment": "Reactie verwijderen",
}

EN_THREADS: dict[str, str] = {
    "key.post.delete_comment": "Delete your own comment (asks first)",
    "notice.voted_comment": "Voted on {author}'s comment.",
    "notice.comment_not_sent": "This comment is not sent yet; wait until the site has it.",
    "notice.comment_not_editable": "You may not edit or delete this comment.",
    "notice.comment_deleting": "The comment is being deleted.",
    "notice.post_edit_queued": "The blog's changes are in the outbox.",
    "confirm.delete_comment": "Delete {author}'s comment? The replies to it go too.",
    "confirm.delete_reply": "Delete {author}'s reply?",
    "composer.edit_comment": "Editing a comment",
    "post.waiting_edit": "⏳ edit waiting to be sent",
    "post.waiting_delete": "⏳ being deleted",
    "new_post.edit_title": "Editing the blog: {title}",
    "new_post.tags": "Tags (separated by commas)",
    "outbox.kind.edit_comment": "Comment edit",
    "outbox.kind.delete_comment": "Comment deletion",
}
