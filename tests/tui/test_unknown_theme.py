"""A theme in the config that Textual does not have is named at start, with the
themes there are, in the user's language; the default theme stays and the
config keeps what the user wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import make_app, notices, wait_for

from pleio_tui.config import load_config
from pleio_tui.tui.app import PleioApp

OFFLINE_SITE = "http://127.0.0.1:9"  # never asked
SAID = {
    "nl": "Thema in de configuratie: nope bestaat niet; het standaardthema blijft. Beschikbaar: ",
    "en": "Theme in the config: nope does not exist; the default theme stays. Available: ",
}


def app_with(tmp_path: Path, text: str) -> tuple[PleioApp, Path]:
    config_file = tmp_path / "config.toml"
    config_file.write_text(text, encoding="utf-8")
    config = load_config(config_file)._replace(sync_interval_minutes=0)
    return make_app(OFFLINE_SITE, None, tmp_path, offline=True, config=config), config_file


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_an_unknown_theme_is_named_with_the_ones_there_are(tmp_path: Path, lang: str) -> None:
    written = f'language = "{lang}"\ntheme = "nope"\n'
    app, config_file = app_with(tmp_path, written)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: any("nope" in text for text in notices(pilot)))
        [notice] = [text for text in notices(pilot) if "nope" in text]
        assert notice.startswith(SAID[lang]), notice
        named = notice.removeprefix(SAID[lang]).split(", ")
        assert named == sorted(app.available_themes)
        assert {"nord", "textual-dark", "textual-light"} <= set(named)
        assert "\n" not in notice
        assert app.theme == "textual-dark"
    assert config_file.read_text(encoding="utf-8") == written


async def test_a_known_theme_is_taken_without_a_word(tmp_path: Path) -> None:
    app, _ = app_with(tmp_path, 'language = "en"\ntheme = "nord"\n')
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.theme == "nord"
        assert not any("Theme in the config" in text for text in notices(pilot))
