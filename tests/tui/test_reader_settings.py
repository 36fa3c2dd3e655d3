"""Language and theme chosen in the app are kept in config.toml for the next
start; the palette speaks the user's language and offers every theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_app_support import make_app, notices, screen_text, wait_for
from textual.command import CommandPalette

from pleio_tui.config import Config, load_config
from pleio_tui.config_file import keep_setting
from pleio_tui.tui.app import PleioApp

OFFLINE_SITE = "http://127.0.0.1:9"


def app_with(tmp_path: Path, config_file: Path) -> PleioApp:
    config = load_config(config_file)._replace(sync_interval_minutes=0)
    return make_app(OFFLINE_SITE, None, tmp_path, offline=True, config=config)


async def test_the_language_key_is_kept_for_the_next_start(tmp_path: Path) -> None:
    config_file = tmp_path / "config" / "config.toml"
    config_file.parent.mkdir()
    config_file.write_text('language = "nl"\n\n[sync]\ninterval_minutes = 0\n', encoding="utf-8")
    app = app_with(tmp_path, config_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.strings.lang == "nl"
        await pilot.press("L")
        await pilot.pause()
        assert app.strings.lang == "en"
    kept = config_file.read_text(encoding="utf-8")
    assert 'language = "en"' in kept and "[sync]" in kept
    assert load_config(config_file).language == "en"
    again = app_with(tmp_path, config_file)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.strings.lang == "en"
        assert "All blogs" in screen_text(pilot)


@pytest.mark.parametrize(
    ("lang", "prompt", "action", "theme"),
    [
        ("nl", "Zoek een opdracht", "Links van het blog", "Thema: nord"),
        ("en", "Search for commands", "Links of the blog", "Theme: nord"),
    ],
)
async def test_the_palette_speaks_the_language_and_keeps_the_theme(
    tmp_path: Path, lang: str, prompt: str, action: str, theme: str
) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text(f'language = "{lang}"\n', encoding="utf-8")
    app = app_with(tmp_path, config_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.pause(0.3)
        assert prompt in screen_text(pilot)
        await pilot.press(*"nord")
        await pilot.pause(0.5)
        assert theme in screen_text(pilot)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.theme == "nord")
        await wait_for(pilot, lambda: any("nord" in notice for notice in notices(pilot)))
    assert load_config(config_file).theme == "nord"
    again = app_with(tmp_path, config_file)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_the_palette_lists_the_new_actions_in_dutch(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('language = "nl"\n', encoding="utf-8")
    app = app_with(tmp_path, config_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"link")
        await pilot.pause(0.5)
        shown = screen_text(pilot)
        assert "Links van het blog" in shown and "Link kopiëren" in shown
        await pilot.press(*"qqqzz")
        await pilot.pause(0.8)
        assert "Niets gevonden" in screen_text(pilot)


async def test_a_config_that_cannot_be_written_is_said(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "config"
    not_a_folder.write_text("", encoding="utf-8")  # the config's folder is a file
    config = Config(language="nl", path=not_a_folder / "config.toml", sync_interval_minutes=0)
    app = make_app(OFFLINE_SITE, None, tmp_path, offline=True, config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await wait_for(pilot, lambda: any("not kept" in n for n in notices(pilot)))
        assert app.strings.lang == "en"  # it holds for this run


def test_keeping_a_setting_leaves_the_rest_of_the_file_alone(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    original = (
        '# mijn instellingen\nsite = "https://a.pleio.nl"\ntheme = "nord"\n\n'
        '[keys]\n"post.comment" = "C"\n'
    )
    config_file.write_text(original, encoding="utf-8")
    keep_setting(config_file, "theme", "gruvbox")
    keep_setting(config_file, "language", "en")
    text = config_file.read_text(encoding="utf-8")
    assert text.startswith('# mijn instellingen\nsite = "https://a.pleio.nl"\ntheme = "gruvbox"\n')
    assert text.index('language = "en"') < text.index("[keys]")
    config = load_config(config_file)
    assert (config.theme, config.language, dict(config.keys)) == (
        "gruvbox",
        "en",
        {"post.comment": "C"},
    )
    with pytest.raises(ValueError):
        keep_setting(config_file, "theme", 'x"\n[evil]')
    assert Config().theme is None
