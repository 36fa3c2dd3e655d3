"""GET /file/download/<guid>/<name>: a file's contents, for whoever may read it
(a closed site's anonymous visitor gets its 401 page, as at /graphql)."""

from __future__ import annotations

import sqlite3
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from pleio_tui.server import auth
from pleio_tui.server import repository as repo
from pleio_tui.server import repository_content as content_repo
from pleio_tui.server.access import can_read_blog
from pleio_tui.server.context import load_viewer
from pleio_tui.server.pages import walled_garden_page
from pleio_tui.server.records_content import FileRecord


def download_endpoint(
    conn: sqlite3.Connection, *, closed: bool, site_name: Callable[[], str]
) -> Callable[[Request], Awaitable[Response]]:
    async def download(request: Request) -> Response:
        user = auth.session_user(conn, request.cookies.get(auth.SESSION_COOKIE))
        if closed and user is None:
            return HTMLResponse(walled_garden_page(site_name()), status_code=401)
        viewer = load_viewer(conn, user)
        item = repo.get_blog(conn, request.path_params["guid"])
        readable = isinstance(item, FileRecord) and can_read_blog(
            viewer, item, repo.get_group(conn, item.group_id)
        )
        content = content_repo.file_content(conn, item.guid) if readable and item else None
        if not isinstance(item, FileRecord) or content is None:
            return Response("Not found", status_code=404, media_type="text/plain")
        # The name the browser saves it under: plain ASCII, no quotes to break out of.
        name = "".join(c for c in item.title if c.isascii() and c.isprintable() and c not in '"\\')
        return Response(
            content,
            media_type=item.mime_type or "application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="{name or "download"}"'},
        )

    return download
