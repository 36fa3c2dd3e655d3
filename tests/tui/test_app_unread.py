"""Unread that is true, in the app: a blog I read comes back unread when someone
else comments, its new comments are marked when I open it again; `A` marks the
group read, and from the group list everything."""

from __future__ import annotations

import json
from pathlib import Path

from test_app_support import (
    SIZE,
    choose_group,
    graphql,
    make_app,
    open_blog,
    synced,
    wait_for,
    widget_text,
)

from pleio_tui.server import LocalSite

WOO = "Een jaar Woo: wat we leerden van actieve openbaarmaking"
ADD = "mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }"
BLOGS = '{ entities(subtype: "blog", limit: 100) { edges { guid ... on Blog { title } } } }'


def add_comment(site: LocalSite, session: str, blog: str, text: str) -> None:
    doc = {"type": "doc", "content": [{"type": "paragraph", "content": [
        {"type": "text", "text": text}]}]}  # fmt: skip
    variables = {"subtype": "comment", "containerGuid": blog, "richDescription": json.dumps(doc)}
    graphql(site.url, session, ADD, input=variables)


async def test_new_comments_bring_a_read_blog_back_and_are_marked(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await choose_group(pilot, "Open overheid")
        await pilot.press("enter")
        await open_blog(pilot, "Een jaar Woo")
        assert app.store is not None
        woo = app.open_blog.guid  # type: ignore[union-attr]
        assert app.store.is_read(woo)
        view = app.main.post.view
        await pilot.press("G")
        assert "nieuw" not in widget_text(view)

        add_comment(demo_site, demo_site.login("fatima"), woo, "Een verse gedachte")
        await pilot.press("r")
        await wait_for(pilot, lambda: not app.store.is_read(woo))  # type: ignore[union-attr]

        await open_blog(pilot, "Een jaar Woo")
        assert app.store.is_read(woo)
        await pilot.press("G")

        def marked() -> bool:
            text = widget_text(view)
            return "Fatima El Amrani · " in text and "● nieuw" in text

        await wait_for(pilot, marked)
        lines = widget_text(view).splitlines()
        new_lines = [line for line in lines if "● nieuw" in line]
        assert len(new_lines) == 1 and "Fatima El Amrani" in new_lines[0]


async def test_a_marks_the_group_read_and_from_the_group_list_everything(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        store = app.store
        assert store is not None
        await choose_group(pilot, "Open overheid")
        await pilot.press("enter")  # to the group's feed
        group = app.main.current_group
        assert group is not None and group.unread_count > 0
        total = store.unread_total()
        await pilot.press("A")
        await wait_for(pilot, lambda: store.unread_total() == total - group.unread_count)
        assert all(store.is_read(guid) for guid in store.blog_guids_in_group(group.guid))
        assert "Alles in Open overheid in de praktijk gelezen." in [
            n.message for n in app._notifications
        ]

        app.main.activate(app.main.groups)
        await pilot.press("A")
        await wait_for(pilot, lambda: store.unread_total() == 0)
        await wait_for(pilot, lambda: "nieuw" not in widget_text(app.main.groups.row_list))
