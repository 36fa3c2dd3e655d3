"""What a draft key says: what the text is for, and what goes in the outbox for it.

Keys: "comment:<blog guid>", "reply:<comment guid>", "edit:<blog guid>",
"edit_comment:<comment guid>", "post:<group guid>"; votes and bookmarks have no
draft but the same targets.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from pleio_tui.models import OutboxKind

TargetKind = Literal["comment", "reply", "edit", "edit_comment", "post", "vote", "bookmark"]

_OUTBOX_KINDS: dict[TargetKind, OutboxKind] = {
    "comment": OutboxKind.COMMENT,
    "reply": OutboxKind.COMMENT,
    "edit": OutboxKind.EDIT_BLOG,
    "edit_comment": OutboxKind.EDIT_COMMENT,
    "post": OutboxKind.BLOG,
    "vote": OutboxKind.VOTE,
    "bookmark": OutboxKind.BOOKMARK,
}


class DraftTarget(NamedTuple):
    kind: TargetKind
    guid: str
    """The blog, comment or group the outbox item goes to."""

    @property
    def draft_key(self) -> str:
        return f"{self.kind}:{self.guid}"

    @property
    def outbox_kind(self) -> OutboxKind:
        return _OUTBOX_KINDS[self.kind]


def draft_target(draft_key: str) -> DraftTarget | None:
    kind, _, guid = draft_key.partition(":")
    if kind not in ("comment", "reply", "edit", "edit_comment", "post") or not guid:
        return None
    return DraftTarget(kind, guid)  # type: ignore[arg-type]
