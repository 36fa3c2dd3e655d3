"""The default key bindings as data, the user's remaps, and the help table built
from both, so the keys, the help screen and the docs cannot drift apart.

Every binding has an id. A widget takes its Textual bindings with
`bindings("composer")`; the app applies the user's `[keys]` config with
`App.set_keymap(parse_keymap(config.keys).keymap)`.

Scopes say where a binding belongs:
- "main": the main screen (tab/shift+tab between panes; on the screen rather than
  the app so that modal screens keep tab for their own fields);
- "app": the app, acting on the current group or post whichever pane has focus;
- "list": list panes (groups, feed, search hits, outbox);
- "post": the post pane (replying to a comment);
- "view": any post view: scrolling, and moving between comments;
- "groups": the group list;
- "filter": the group filter field;
- "search": the search field;
- "outbox": the outbox list;
- "composer": the comment composer and the new-post screen;
- "dialog": yes/no questions;
- "screen": closing help and other read-only screens;
- "links": the link picker;
- "feed": the blog feed.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Literal, NamedTuple

from textual.binding import Binding
from textual.keys import Keys, _character_to_key, format_key, key_to_character

from pleio_tui.tui.i18n import Strings

Scope = Literal[
    "main",
    "app",
    "list",
    "post",
    "view",
    "groups",
    "filter",
    "search",
    "outbox",
    "composer",
    "dialog",
    "screen",
    "links",
    "feed",
]


class KeySpec(NamedTuple):
    id: str
    keys: str
    """Default keys, comma-separated, as a user would type them ("j,down", "?")."""
    action: str
    """The Textual action the binding runs on the node that holds it."""
    scope: Scope
    show: bool = True
    """Whether a footer shows it."""
    priority: bool = False
    """Checked before the focused widget's own keys (the composer's text area binds
    ctrl+e itself)."""


DEFAULT_KEYS: tuple[KeySpec, ...] = (
    KeySpec("pane.next", "tab", "pane_next", "main"),
    KeySpec("pane.prev", "shift+tab", "pane_prev", "main", show=False),
    KeySpec("app.search", "/", "search", "app"),
    KeySpec("app.sync", "r", "sync", "app"),
    KeySpec("app.language", "L", "toggle_language", "app", show=False),
    KeySpec("app.help", "?", "help", "app"),
    KeySpec("app.palette", "ctrl+p", "command_palette", "app", show=False),
    KeySpec("app.outbox", "O", "outbox", "app", show=False),
    KeySpec("app.quit", "Q", "quit", "app"),
    # several sites: the site switcher
    KeySpec("app.sites", "S", "switch_site", "app", show=False),
    # Notifications and marking read
    KeySpec("app.inbox", "i", "inbox", "app"),
    KeySpec("app.mark_read", "A", "mark_read", "app", show=False),
    KeySpec("post.new", "n", "new_item", "app"),
    KeySpec("post.comment", "c", "comment", "app"),
    KeySpec("post.edit", "e", "edit_post", "app", show=False),
    KeySpec("post.vote_up", "+", "vote(1)", "app", show=False),
    KeySpec("post.vote_down", "-", "vote(-1)", "app", show=False),
    KeySpec("post.bookmark", "b", "bookmark", "app", show=False),
    KeySpec("post.open_browser", "o", "open_browser", "main", show=False),
    KeySpec("post.copy_link", "y", "copy_link", "main", show=False),
    KeySpec("list.down", "j,down", "cursor_down", "list", show=False),
    KeySpec("list.up", "k,up", "cursor_up", "list", show=False),
    KeySpec("list.page_down", "pagedown", "page_down", "list", show=False),
    KeySpec("list.page_up", "pageup", "page_up", "list", show=False),
    KeySpec("list.open", "enter", "select", "list"),
    KeySpec("list.first", "home,g", "first", "list", show=False),
    KeySpec("list.last", "end,G", "last", "list", show=False),
    KeySpec("post.reply", "R", "reply", "post"),
    # Threads: deleting one's own comment (editing and voting follow the cursor).
    KeySpec("post.delete_comment", "D", "delete_comment", "app", show=False),
    KeySpec("post.down", "j,down", "scroll_down", "view", show=False),
    KeySpec("post.up", "k,up", "scroll_up", "view", show=False),
    KeySpec("post.page_down", "pagedown,space", "page_down", "view", show=False),
    KeySpec("post.page_up", "pageup", "page_up", "view", show=False),
    KeySpec("post.top", "home,g", "scroll_home", "view", show=False),
    KeySpec("post.bottom", "end,G", "scroll_end", "view", show=False),
    KeySpec("post.next_comment", "J", "next_comment", "view", show=False),
    KeySpec("post.prev_comment", "K", "previous_comment", "view", show=False),
    KeySpec("group.join", "m", "toggle_membership", "groups"),
    KeySpec("group.filter", "f", "focus_filter", "groups"),
    KeySpec("group.filter_done", "escape", "back_to_list", "filter", show=False),
    KeySpec("search.to_hits", "down", "to_hits", "search", show=False),
    KeySpec("outbox.discard", "x,d", "discard", "outbox"),
    KeySpec("composer.send", "ctrl+s", "send", "composer", priority=True),
    KeySpec("composer.leave", "escape", "leave", "composer", priority=True),
    KeySpec("composer.editor", "ctrl+e", "external_editor", "composer", priority=True),
    KeySpec("confirm.yes", "y", "answer(True)", "dialog"),
    KeySpec("confirm.no", "n,escape", "answer(False)", "dialog"),
    KeySpec("screen.close", "escape", "close", "screen"),
    # Reading: back one level (quit from the top), panes left and right, half
    # pages, the links of the open post.
    KeySpec("main.back", "q,escape", "back", "main"),
    KeySpec("pane.left", "h", "pane_left", "main", show=False),
    KeySpec("pane.right", "l", "pane_right", "main", show=False),
    KeySpec("list.half_down", "ctrl+d", "half_page_down", "list", show=False),
    KeySpec("list.half_up", "ctrl+u", "half_page_up", "list", show=False),
    KeySpec("post.half_down", "ctrl+d", "half_page_down", "view", show=False),
    KeySpec("post.half_up", "ctrl+u", "half_page_up", "view", show=False),
    KeySpec("post.links", "u", "links", "main"),
    KeySpec("feed.join", "m", "join_group", "feed", show=False),
    KeySpec("links.down", "down", "cursor_down", "links", show=False),
    KeySpec("links.up", "up", "cursor_up", "links", show=False),
    # Every kind of content: the feed's type filter, an event's answer, a question's
    # best answer, a file's download.
    KeySpec("feed.type_filter", "t", "type_filter", "app"),
    KeySpec("post.attend", "a", "attend", "app", show=False),
    KeySpec("post.best_answer", "*", "best_answer", "app", show=False),
    KeySpec("post.download", "w", "download", "app", show=False),
    # The outbox: giving up an item whose fate cannot be told (it may be on the site).
    KeySpec("outbox.give_up", "X", "give_up", "outbox"),
)

SPECS_BY_ID: dict[str, KeySpec] = {spec.id: spec for spec in DEFAULT_KEYS}
BINDING_IDS: frozenset[str] = frozenset(SPECS_BY_ID)

# Scopes whose bindings can be live at the same moment (a key clash there matters).
_LIVE_TOGETHER: dict[Scope, frozenset[Scope]] = {
    "main": frozenset({"main", "app", "list", "post", "view", "groups", "outbox"}),
    "app": frozenset({"main", "app", "list", "post", "view", "groups", "outbox"}),
    "list": frozenset({"main", "app", "list", "groups", "outbox"}),
    "post": frozenset({"main", "app", "post", "view"}),
    "view": frozenset({"main", "app", "post", "view"}),
    "groups": frozenset({"main", "app", "list", "groups"}),
    # The filter field's escape goes back to the list before the screen's
    # escape (one level back) is asked: nested on purpose, not a clash.
    "filter": frozenset({"app", "filter"}),
    "search": frozenset({"search", "screen"}),
    "outbox": frozenset({"main", "app", "list", "outbox"}),
    "composer": frozenset({"composer"}),
    "dialog": frozenset({"dialog"}),
    "screen": frozenset({"screen", "search", "links"}),
    "links": frozenset({"links", "screen"}),
    "feed": frozenset({"main", "app", "list", "feed"}),
}

_HELP_SECTIONS: tuple[tuple[str, frozenset[Scope]], ...] = (
    ("help.section.app", frozenset({"main", "app"})),
    ("help.section.list", frozenset({"list", "groups", "filter", "search", "feed"})),
    ("help.section.post", frozenset({"post", "view"})),
    ("help.section.outbox", frozenset({"outbox"})),
    ("help.section.composer", frozenset({"composer"})),
    ("help.section.links", frozenset({"links"})),
    ("help.section.dialog", frozenset({"dialog", "screen"})),
)

_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


@cache
def _key_names() -> frozenset[str]:
    """Every key name Textual knows; built when a remap is checked, not at start."""
    return frozenset(
        {key.value.rpartition("+")[2] for key in Keys}
        | {_character_to_key(chr(code)) for code in range(33, 127)}
    )


def bindings(scope: Scope, strings: Strings | None = None) -> list[Binding]:
    """Textual bindings for one scope, with ids; descriptions in the given language
    (footers show them; the help screen follows the live language on its own)."""
    return [
        Binding(
            spec.keys,
            spec.action,
            strings(f"key.{spec.id}") if strings else "",
            show=spec.show and strings is not None,
            priority=spec.priority,
            id=spec.id,
        )
        for spec in DEFAULT_KEYS
        if spec.scope == scope
    ]


def keys_for(binding_id: str, keymap: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The keys a binding answers to now: the user's remap, else the default."""
    chosen = (keymap or {}).get(binding_id) or SPECS_BY_ID[binding_id].keys
    return tuple(key.strip() for key in chosen.split(","))


def key_label(binding_id: str, keymap: Mapping[str, str] | None = None) -> str:
    """How to name a binding's keys to the user: "ctrl+s", "j/↓", "?"."""
    return "/".join(_display(key) for key in keys_for(binding_id, keymap))


def _display(key: str) -> str:
    if len(key) == 1:
        return key
    modifiers, _, name = key.rpartition("+")
    if not name:  # "ctrl++": the plus key with a modifier
        modifiers, name = key[:-2], "+"
    shown = name if len(name) == 1 else format_key(name)
    if shown == "⏎":
        shown = "enter"
    return f"{modifiers}+{shown}" if modifiers else shown


# --- the user's remaps ---


class KeymapProblem(NamedTuple):
    """One entry of the `[keys]` config that was left out, and why."""

    binding_id: str
    reason: Literal["unknown_id", "bad_keys", "clash"]
    value: str = ""
    suggestion: str | None = None
    """For an unknown id: the closest known id. For a clash: the other binding's id."""

    def message(self, strings: Strings) -> str:
        text = strings(
            f"keymap.{self.reason}", id=self.binding_id, value=self.value, other=self.suggestion
        )
        if self.reason == "unknown_id" and self.suggestion:
            text += strings("keymap.did_you_mean", id=self.suggestion)
        return text


class ParsedKeymap(NamedTuple):
    keymap: dict[str, str]
    """What `App.set_keymap` takes: binding id -> comma-separated keys."""
    problems: tuple[KeymapProblem, ...] = ()


def parse_keymap(raw: Mapping[str, object]) -> ParsedKeymap:
    """Check the user's `{"binding_id": "key1,key2"}` remaps; keep the good ones.

    Never raises: an unknown id, a value that is not a key list, or a key already
    taken by another binding live at the same time becomes a problem to show, and
    that entry is skipped while the rest apply. A TOML list of keys is accepted too.
    """
    keymap: dict[str, str] = {}
    problems: list[KeymapProblem] = []
    for binding_id, value in raw.items():
        binding_id = str(binding_id)
        if binding_id not in BINDING_IDS:
            close = difflib.get_close_matches(binding_id, sorted(BINDING_IDS), n=1)
            problems.append(
                KeymapProblem(binding_id, "unknown_id", _shown(value), close[0] if close else None)
            )
            continue
        keys = _key_list(value)
        if keys is None:
            problems.append(KeymapProblem(binding_id, "bad_keys", _shown(value)))
            continue
        keymap[binding_id] = ",".join(keys)
    problems.extend(_clashes(keymap))
    for problem in problems:
        if problem.reason == "clash":
            keymap.pop(problem.binding_id, None)
    return ParsedKeymap(keymap, tuple(problems))


def _key_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        parts = value.split(",") if value.strip() != "," else [","]
    elif isinstance(value, Sequence) and all(isinstance(item, str) for item in value):
        parts = list(value)
    else:
        return None
    keys = [part.strip() for part in parts]
    if not keys or not all(_is_key(key) for key in keys):
        return None
    return keys


def _is_key(key: str) -> bool:
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    if not key or any(char.isspace() for char in key):
        return False
    *modifiers, name = key.split("+")
    if not name and key.endswith("++"):
        modifiers, name = modifiers[:-1], "+"
    if not name or any(mod not in _MODIFIERS for mod in modifiers):
        return False
    return len(name) == 1 or name in _key_names() or key_to_character(name) is not None


def _canonical(key: str) -> str:
    return _character_to_key(key) if len(key) == 1 else key


def _clashes(keymap: Mapping[str, str]) -> list[KeymapProblem]:
    """Remapped keys that another binding live at the same time already answers to."""
    problems: list[KeymapProblem] = []
    for binding_id, keys in keymap.items():
        scope = SPECS_BY_ID[binding_id].scope
        wanted = {_canonical(key) for key in keys.split(",")}
        for other in DEFAULT_KEYS:
            if other.id == binding_id or other.scope not in _LIVE_TOGETHER[scope]:
                continue
            taken = {_canonical(key) for key in keys_for(other.id, keymap)}
            if wanted & taken:
                problems.append(KeymapProblem(binding_id, "clash", keys, other.id))
                break
    return problems


def _shown(value: object) -> str:
    return value if isinstance(value, str) else repr(value)


# --- the help table ---


class HelpRow(NamedTuple):
    section: str
    """Section heading, in the given language."""
    binding_id: str
    keys: str
    description: str


def help_rows(strings: Strings, keymap: Mapping[str, str] | None = None) -> list[HelpRow]:
    """Every binding, grouped by where it works, with its current keys."""
    rows: list[HelpRow] = []
    for section_id, scopes in _HELP_SECTIONS:
        for spec in DEFAULT_KEYS:
            if spec.scope in scopes:
                rows.append(
                    HelpRow(
                        strings(section_id),
                        spec.id,
                        key_label(spec.id, keymap),
                        strings(f"key.{spec.id}"),
                    )
                )
    return rows
