"""The binding table, the user's remaps and how Textual takes them."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Static

from pleio_tui.tui.i18n import Strings
from pleio_tui.tui.keys import (
    BINDING_IDS,
    DEFAULT_KEYS,
    bindings,
    help_rows,
    key_label,
    keys_for,
    parse_keymap,
)


def test_binding_ids_are_unique_and_named_area_dot_verb() -> None:
    ids = [spec.id for spec in DEFAULT_KEYS]
    assert len(ids) == len(set(ids))
    assert all(binding_id.count(".") == 1 for binding_id in ids)


def test_the_design_keys_are_the_defaults() -> None:
    assert keys_for("pane.next") == ("tab",)
    assert keys_for("pane.prev") == ("shift+tab",)
    assert keys_for("post.comment") == ("c",)
    assert keys_for("post.reply") == ("R",)
    assert keys_for("composer.send") == ("ctrl+s",)
    assert keys_for("app.help") == ("?",)
    assert keys_for("outbox.discard") == ("x", "d")
    assert keys_for("list.down") == ("j", "down")


def test_no_two_default_bindings_clash_where_they_are_live_together() -> None:
    assert parse_keymap({spec.id: spec.keys for spec in DEFAULT_KEYS}).problems == ()


def test_bindings_carry_ids_and_localised_descriptions() -> None:
    composer = bindings("composer", Strings("nl"))
    assert [b.id for b in composer] == ["composer.send", "composer.leave", "composer.editor"]
    assert composer[0].description == "Versturen"
    assert all(b.priority for b in composer)
    assert all(b.description == "" for b in bindings("app"))


def test_a_good_keymap_passes_through() -> None:
    parsed = parse_keymap({"post.comment": "C", "list.down": ["j", "ctrl+n"], "app.help": "f1"})
    assert parsed.problems == ()
    assert parsed.keymap == {"post.comment": "C", "list.down": "j,ctrl+n", "app.help": "f1"}


def test_an_unknown_id_is_reported_with_a_suggestion_and_skipped() -> None:
    parsed = parse_keymap({"pane.nxt": "n", "post.comment": "C"})
    assert parsed.keymap == {"post.comment": "C"}
    [problem] = parsed.problems
    assert (problem.binding_id, problem.reason, problem.suggestion) == (
        "pane.nxt",
        "unknown_id",
        "pane.next",
    )
    assert problem.message(Strings("en")) == (
        "unknown key binding id pane.nxt (did you mean pane.next?)"
    )
    assert "bedoel je pane.next" in problem.message(Strings("nl"))


def test_values_that_are_not_keys_are_reported() -> None:
    parsed = parse_keymap(
        {"app.sync": 5, "app.help": "two words", "app.quit": "", "app.search": "ctrl+", "e": "x"}
    )
    assert parsed.keymap == {}
    reasons = {p.binding_id: p.reason for p in parsed.problems}
    assert reasons == {
        "app.sync": "bad_keys",
        "app.help": "bad_keys",
        "app.quit": "bad_keys",
        "app.search": "bad_keys",
        "e": "unknown_id",
    }
    assert "app.sync = 5 is not a key" in parsed.problems[0].message(Strings("en"))


def test_a_key_taken_by_a_binding_live_at_the_same_time_is_a_clash() -> None:
    parsed = parse_keymap({"post.reply": "b"})
    assert parsed.keymap == {}
    [problem] = parsed.problems
    assert (problem.reason, problem.suggestion) == ("clash", "post.bookmark")
    assert "clashes with post.bookmark" in problem.message(Strings("en"))


def test_moving_the_other_binding_away_resolves_the_clash() -> None:
    parsed = parse_keymap({"post.reply": "b", "post.bookmark": "B"})
    assert parsed.problems == ()


def test_the_same_key_in_scopes_never_live_together_is_fine() -> None:
    # The composer has focus alone: its keys may reuse those of the panes.
    assert parse_keymap({"composer.send": "c"}).problems == ()


def test_key_labels_follow_the_keymap() -> None:
    assert key_label("composer.send") == "ctrl+s"
    assert key_label("list.down") == "j/↓"
    assert key_label("composer.send", {"composer.send": "ctrl+enter"}) == "ctrl+enter"
    assert key_label("post.vote_up", {"post.vote_up": "ctrl++"}) == "ctrl++"


def test_help_rows_cover_every_binding_once() -> None:
    rows = help_rows(Strings("en"), {"post.comment": "C"})
    assert sorted(row.binding_id for row in rows) == sorted(BINDING_IDS)
    comment = next(row for row in rows if row.binding_id == "post.comment")
    assert (comment.keys, comment.description) == ("C", "Comment on the blog")


class KeymapApp(App[None]):
    BINDINGS = bindings("app")

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("x")

    def action_comment(self) -> None:
        self.calls.append("comment")

    def action_help(self) -> None:
        self.calls.append("help")


async def test_a_parsed_keymap_remaps_keys_in_a_running_app() -> None:
    app = KeymapApp()
    async with app.run_test() as pilot:
        await pilot.press("c", "question_mark")
        assert app.calls == ["comment", "help"]
        app.set_keymap(parse_keymap({"post.comment": "C", "nonsense": "z"}).keymap)
        await pilot.press("c", "C")
        assert app.calls == ["comment", "help", "comment"]
