"""`[keys]` remaps reach every widget through the key table and Textual's
`set_keymap`, the lists' and the post view's scroll keys included."""

from __future__ import annotations

import ast
import inspect
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from test_app_support import SIZE, make_app, wait_for
from textual.app import App
from textual.binding import Binding

import pleio_tui.tui.app as app_module
from pleio_tui.config import Config
from pleio_tui.models import Blog, User
from pleio_tui.store import Store
from pleio_tui.tui.app import PleioApp
from pleio_tui.tui.keys import SPECS_BY_ID

SITE_URL = "http://127.0.0.1:9"  # never asked: the app starts offline
LONG = "\n\n".join(f"Alinea {n} van een lang blog." for n in range(80))


@pytest.fixture
def cached(tmp_path: Path) -> Path:
    moment = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    blogs = [
        Blog(
            guid=f"b{n}",
            title=f"Blog {n}",
            url=f"/blog/view/b{n}/blog",
            rich_description=None,
            description=LONG,
            time_created=moment - timedelta(hours=n),
            time_published=moment - timedelta(hours=n),
            group_guid="g1",
            group_name="Kennisnetwerk",
            owner=User(guid="u1", name="Hadewych"),
        )
        for n in range(3)
    ]
    with Store.open(tmp_path / "cache.sqlite3") as store:
        store.upsert_blogs(blogs)
    return tmp_path


def remapped_app(cached: Path) -> PleioApp:
    keys = {"list.down": "s", "post.down": "s"}
    config = Config(sync_interval_minutes=0, keys=keys)
    return make_app(SITE_URL, None, cached, offline=True, config=config)


async def test_a_config_remap_moves_the_feed_and_scrolls_the_post(cached: Path) -> None:
    app = remapped_app(cached)
    async with app.run_test(size=SIZE) as pilot:
        feed = app.main.feed.row_list
        await wait_for(pilot, lambda: feed.row_count == 3)
        app.main.activate(app.main.feed)
        await pilot.press("j")  # the default key no longer moves
        assert feed.cursor_index == 0
        await pilot.press("s")
        assert feed.cursor_index == 1

        await pilot.press("enter")
        view = app.main.post.view
        await wait_for(pilot, lambda: app.open_blog is not None and view.virtual_size.height > 48)
        await pilot.press("s")
        await wait_for(pilot, lambda: view.scroll_y > 0)


async def test_remaps_apply_through_set_keymap_and_nowhere_else(
    cached: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without `set_keymap` no remap may apply: the app keeps its remaps under
    names of its own, not in Textual's private `_keymap`."""
    given: list[dict[str, str]] = []
    monkeypatch.setattr(PleioApp, "set_keymap", lambda self, keymap: given.append(keymap))
    app = remapped_app(cached)
    async with app.run_test(size=SIZE) as pilot:
        feed = app.main.feed.row_list
        await wait_for(pilot, lambda: feed.row_count == 3)
        app.main.activate(app.main.feed)
        await pilot.press("s")
        assert feed.cursor_index == 0
        await pilot.press("j")
        assert feed.cursor_index == 1
    assert given == [{"list.down": "s", "post.down": "s"}]


def test_the_app_sets_no_attribute_textual_keeps_for_itself() -> None:
    textuals = set(vars(App()))
    tree = ast.parse(inspect.getsource(app_module))
    ours = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
        and isinstance(node.ctx, ast.Store)
    }
    assert ours - {"title"}, "the app sets attributes of its own"
    assert sorted((ours - {"title"}) & textuals) == []


def every_widget_binding() -> list[tuple[str, Binding]]:
    """Each Textual class of the TUI, with the bindings it declares itself."""
    import importlib
    import pkgutil

    import pleio_tui.tui as tui

    found: list[tuple[str, Binding]] = []
    for info in pkgutil.walk_packages(tui.__path__, "pleio_tui.tui."):
        module = importlib.import_module(info.name)
        for name, cls in vars(module).items():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            for binding in vars(cls).get("BINDINGS", []):
                if isinstance(binding, Binding):
                    found.append((f"{info.name}.{name}", binding))
    return found


def test_every_widget_takes_its_keys_from_the_key_table() -> None:
    bindings = every_widget_binding()
    assert len(bindings) > 20
    strays: list[Any] = [
        (where, binding.id, binding.key)
        for where, binding in bindings
        if binding.id not in SPECS_BY_ID or binding.key != SPECS_BY_ID[binding.id].keys
    ]
    assert strays == []
