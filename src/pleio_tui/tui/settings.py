"""Settings the user changes in the app (language, theme), kept in config.toml
for the next start. A file that cannot be written is said once, in a notice;
the setting still holds for this run."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pleio_tui.tui.i18n import Strings


class Notifier(Protocol):
    @property
    def strings(self) -> Strings: ...

    def notify_plain(self, text: str, severity: str = "information") -> None: ...


class SettingsKeeper:
    def __init__(self, path: Path | None, host: Notifier, kept: dict[str, str | None]) -> None:
        """`kept`: what the config holds now (nothing is written to repeat it)."""
        self._path = path
        self._host = host
        self._kept = dict(kept)

    def remember(self, key: str, value: str) -> None:
        if self._path is None or self._kept.get(key) == value:
            return
        from pleio_tui.config_file import keep_setting  # only when a setting changes

        try:
            keep_setting(self._path, key, value)
        except (OSError, ValueError) as exc:
            text = self._host.strings("notice.settings_not_saved", path=self._path, reason=exc)
            self._host.notify_plain(text, "warning")
            return
        self._kept[key] = value


def unknown_theme(theme: str | None, available: Iterable[str], strings: Strings) -> str | None:
    """The notice for a configured theme Textual does not have (the default one
    stays), naming the ones it has; None when the theme is known or not set."""
    names = sorted(available)
    if theme is None or theme in names:
        return None
    return strings("notice.unknown_theme", theme=theme, themes=", ".join(names))
