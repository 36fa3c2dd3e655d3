"""Every `{value}` the interface puts into one of its messages is remote text
made safe for one terminal line: no escape, control, bidi or invisible character
is left, whatever the message and the language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus import everything_in_one, unsafe_chars
from hostile_site import SEED_GROUP, SiteWriter, doc, paragraph, text
from screen_probe import assert_strips_inert, screen_strips
from test_app_support import SIZE, make_app, open_blog, synced, wait_for

from pleio_tui.server import LocalSite
from pleio_tui.tui.i18n import TABLES, Strings

INVISIBLE = "\u200e\u200f\u061c\u200b\U000e0041\U000e007f"
"""Marks, a zero-width space and tag characters: they reorder or hide text."""

FILLED = everything_in_one("\n") + INVISIBLE


def assert_one_safe_line(shown: str, where: str) -> None:
    assert not unsafe_chars(shown), f"{where}: {unsafe_chars(shown)!r}"
    assert "\u200b" not in shown and "\n" not in shown, f"{where}: {shown!r}"


@pytest.mark.parametrize("lang", sorted(TABLES))
def test_every_message_fills_its_values_as_one_safe_line(lang: str) -> None:
    strings = Strings(lang)  # type: ignore[arg-type]
    filled = 0
    for msg_id, template in TABLES[lang].items():  # type: ignore[index]
        names = set(re.findall(r"\{(\w+)\}", template))
        if not names or "\n" in template:
            continue
        shown = strings(msg_id, **dict.fromkeys(names, FILLED))
        assert_one_safe_line(shown, msg_id)
        filled += 1
    assert filled > 20


async def test_the_composer_quotes_a_title_without_its_invisible_characters(
    demo_site: LocalSite, hadewych: str, tmp_path: Path
) -> None:
    writer = SiteWriter(demo_site, hadewych)
    group = writer.group_guid(SEED_GROUP)
    writer.blog(group, f"Onzichtbaar{INVISIBLE} teken", doc(paragraph(text("tekst"))))
    app = make_app(demo_site.url, hadewych, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await synced(pilot)
        await open_blog(pilot, "Onzichtbaar")
        await pilot.press("c")  # the composer's heading names the blog
        await wait_for(pilot, lambda: app.main.post.composer.is_open)
        shown = assert_strips_inert(screen_strips(pilot), "composer")
        heading = next(line for line in shown.splitlines() if "Reactie op" in line)
        assert "Reactie op Onzichtbaar teken" in heading, heading
        assert_one_safe_line(heading, "composer heading")
        await pilot.press("escape")
    if app.store is not None:
        app.store.close()
