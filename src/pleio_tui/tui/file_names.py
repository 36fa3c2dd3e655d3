"""Where a downloaded file goes: names made from the site's title and guid that
stay inside the downloads folder on any system, the check, right before
writing, that the place a path resolves to is inside that folder, and which
files the system may open at once."""

from __future__ import annotations

import re
from pathlib import Path

from pleio_tui.richtext import terminal_safe_line

MAX_NAME = 120
FALLBACK_NAME = "download"
"""The name of a file whose title leaves nothing usable."""

_NOT_IN_NAMES = frozenset('/\\:\0<>"|?*')
"""Path separators, NUL, and what Windows does not allow in a name."""
_WINDOWS_DEVICE = re.compile(
    r"(?:CON|PRN|AUX|NUL|COM[1-9\u00b9\u00b2\u00b3]|LPT[1-9\u00b9\u00b2\u00b3])(?:\s*\..*)?",
    re.IGNORECASE,
)
"""Names Windows opens as a device, with any extension: `CON`, `nul.txt`, `COM1.tar.gz`."""


def safe_file_name(text: str, fallback: str = FALLBACK_NAME) -> str:
    """`text` as one file or folder name: no path parts, no control or invisible
    characters, not `.` or `..`, not a Windows device; `fallback` when nothing
    usable is left."""
    kept = "".join(c for c in terminal_safe_line(text) if c not in _NOT_IN_NAMES)
    name = kept.strip(" .")[:MAX_NAME].strip(" .")
    if not name:
        return fallback
    if _WINDOWS_DEVICE.fullmatch(name):
        return f"_{name}"
    return name


def is_inside(path: Path, folder: Path) -> bool:
    """Whether `path`, once every link and `..` in it is followed, is in `folder`."""
    return path.resolve().is_relative_to(folder.resolve())


_TEXT = ("pdf", "txt", "md", "csv", "tsv", "rtf", "epub")
_OFFICE = ("odt", "ods", "odp", "odg", "docx", "xlsx", "pptx")
_PICTURES = ("png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff")
_SOUND_AND_VIDEO = ("mp3", "m4a", "wav", "ogg", "oga", "flac", "mp4", "m4v", "webm", "mkv", "mov")
OPENS_AT_ONCE = frozenset(_TEXT + _OFFICE + _PICTURES + _SOUND_AND_VIDEO)
"""Documents, pictures and sound, by extension. The site names the file, and the
system's opener runs what it is given with whatever claims its type: a program
under Wine, a `.jar` with Java, a launcher, a web page's scripts, a document
with macros. Anything not here is saved and not opened."""


def opens_at_once(path: Path) -> bool:
    return path.suffix.lower().removeprefix(".") in OPENS_AT_ONCE
