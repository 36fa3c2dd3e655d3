"""What the app prints when it crashes: the traceback without local variables.

Textual's own report lists every frame's local variables, and the frames of the
HTTP library hold the request's headers, the session cookie among them.
"""

from __future__ import annotations

import rich
from rich.segment import Segments
from rich.traceback import Traceback
from textual.app import App


def report_crash(app: App[object]) -> None:
    """Textual's `App._fatal_error`, with `show_locals=False`."""
    app.bell()
    traceback = Traceback(show_locals=False, width=None, suppress=[rich])
    app._exit_renderables.append(Segments(app.console.render(traceback, app.console.options)))
    app._close_messages_no_wait()
