"""The shapes of what the client hands back beyond the shared models, and the
guards that turn an answer of the wrong shape into a malformed-answer error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pleio_tui.api.errors import OfflineError
from pleio_tui.api.parse import MalformedData
from pleio_tui.api.transport import JsonObject


@dataclass(frozen=True, slots=True)
class VoteState:
    """The votes on an item after a vote: the sum of +1/-1, and whether the user has one."""

    guid: str
    votes: int
    has_voted: bool


@dataclass(frozen=True, slots=True)
class ReactionState:
    """The user's vote and bookmark on a blog as the site holds them now."""

    guid: str
    votes: int
    has_voted: bool
    is_bookmarked: bool


def has_guid(edge: Any) -> bool:
    return isinstance(edge, dict) and isinstance(edge.get("guid"), str) and bool(edge["guid"])


@contextmanager
def reading_answer() -> Iterator[None]:
    try:
        yield
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise OfflineError("malformed_response", f"unexpected answer shape: {exc}") from exc


def object_at(data: JsonObject, *path: str) -> JsonObject:
    """`data[path[0]][path[1]]...`, each step an object, or a malformed-answer error."""
    current: Any = data
    for step in path:
        current = current.get(step) if isinstance(current, dict) else None
        if not isinstance(current, dict):
            raise MalformedData(f"no object at {'.'.join(path)}")
    return current
