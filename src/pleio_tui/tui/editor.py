"""Handing text to the user's $EDITOR and reading it back.

Used by the comment composer and the new-post screen. It never loses text: any
failure returns the text as it was, with the reason.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from textual.app import App, SuspendNotSupported

from pleio_tui.secret import SECRET_ENVIRONMENT


@dataclass(frozen=True, slots=True)
class EditorOutcome:
    text: str
    """The edited text, or the text as it was when the editor failed."""
    error: str | None = None
    """Why the editor failed (command and exit status or OS error), None on success."""


def editor_command(environ: Mapping[str, str]) -> list[str]:
    """$VISUAL, else $EDITOR, else vi; split like a shell would ("code --wait")."""
    chosen = environ.get("VISUAL", "").strip() or environ.get("EDITOR", "").strip() or "vi"
    return shlex.split(chosen)


def editor_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """The editor's environment: ours without the secrets (the session). An editor
    runs plugins, language servers and shells that could pass it on."""
    return {name: value for name, value in environ.items() if name not in SECRET_ENVIRONMENT}


def edit_externally(text: str, environ: Mapping[str, str] | None = None) -> EditorOutcome:
    """Run the user's editor on `text` in a private temporary file and read it back.

    Blocks until the editor exits; the caller suspends the app around it. Any
    failure returns the original text with the reason.
    """
    env = os.environ if environ is None else environ
    try:
        command = editor_command(env)
    except ValueError as exc:
        return EditorOutcome(text, f"$EDITOR: {exc}")
    # mkstemp creates the file readable and writable by the user alone (0600).
    handle, name = tempfile.mkstemp(prefix="pleio-tui-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        completed = subprocess.run([*command, str(path)], env=editor_environment(env), check=False)
        if completed.returncode != 0:
            return EditorOutcome(text, f"{command[0]}: exit status {completed.returncode}")
        edited = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, subprocess.SubprocessError) as exc:
        return EditorOutcome(text, f"{command[0]}: {exc}")
    finally:
        path.unlink(missing_ok=True)
    # Editors end the file with a newline the user did not type.
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]
    return EditorOutcome(edited)


def edit_in_suspended_app(app: App[object], text: str, unavailable: str) -> EditorOutcome:
    """`edit_externally` with the terminal handed to the editor meanwhile."""
    # The editor call returns rather than raises: an exception inside `suspend()`
    # would skip the terminal's return to application mode.
    try:
        with app.suspend():
            return edit_externally(text)
    except SuspendNotSupported:
        if app.is_headless:
            # No terminal to hand over (tests): run the editor as it is.
            return edit_externally(text)
        return EditorOutcome(text, unavailable)
