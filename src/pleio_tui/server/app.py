"""HTTP routes: /graphql as Pleio answers it, /login and /logout, a home page."""

from __future__ import annotations

import json
import logging
import sqlite3
from typing import Any
from urllib.parse import parse_qs

from ariadne import graphql
from ariadne.utils import unwrap_graphql_error
from graphql import GraphQLError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from pleio_tui.server import auth, db
from pleio_tui.server.context import RequestContext, load_viewer
from pleio_tui.server.pages import graphql_landing_page, home_page, login_page, walled_garden_page
from pleio_tui.server.resolvers import build_schema
from pleio_tui.server.secure_rich_text import SITE_HOST

JSON_TYPES = ("application/json",)


def _is_unexpected(record: logging.LogRecord) -> bool:
    """Pleio's error codes and invalid queries are answers, not faults: log only
    errors that wrap an exception nobody raised on purpose."""
    error = record.exc_info[1] if record.exc_info else None
    return not isinstance(error, GraphQLError) or unwrap_graphql_error(error) is not None


graphql_logger = logging.getLogger("pleio_tui.server.graphql")
graphql_logger.addFilter(_is_unexpected)


def _bad_request(message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]}, status_code=400)


def build_app(conn: sqlite3.Connection, *, closed: bool) -> Starlette:
    """The site's ASGI app over an open, migrated database."""
    schema = build_schema()

    def site_name() -> str:
        return db.get_setting(conn, "site_name") or "Pleio"

    async def graphql_get(_request: Request) -> HTMLResponse:
        return HTMLResponse(graphql_landing_page(site_name()))

    async def graphql_post(request: Request) -> Response:
        user = auth.session_user(conn, request.cookies.get(auth.SESSION_COOKIE))
        if closed and user is None:
            return HTMLResponse(walled_garden_page(site_name()), status_code=401)
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in JSON_TYPES:
            return _bad_request("Request body must be JSON (application/json)")
        try:
            data: Any = json.loads(await request.body())
        except (ValueError, UnicodeDecodeError):
            return _bad_request("Request body is not valid JSON")
        if not isinstance(data, dict):
            return _bad_request("Request body must be a JSON object")
        if not isinstance(data.get("query"), str):
            return _bad_request("The request has no query")
        if data.get("variables") is not None and not isinstance(data["variables"], dict):
            return _bad_request("Query variables must be an object")
        context = RequestContext(conn=conn, viewer=load_viewer(conn, user), site_is_closed=closed)
        SITE_HOST.set(request.headers.get("host", ""))
        _success, result = await graphql(
            schema, data, context_value=context, introspection=True, logger=graphql_logger
        )
        # As Pleio's ariadne (0.15) answers: 400 only for a query that does not parse or
        # validate; once executed (variables that do not coerce included), 200.
        return JSONResponse(result, status_code=200 if "data" in result else 400)

    async def login_form(_request: Request) -> HTMLResponse:
        return HTMLResponse(login_page(site_name()))

    async def login_submit(request: Request) -> Response:
        # A plain urlencoded form: no multipart parser needed for two fields.
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        username = form.get("username", [""])[0].strip()
        user = auth.check_login(conn, username, form.get("password", [""])[0])
        if user is None:
            page = login_page(
                site_name(), error="Onjuiste gebruikersnaam of wachtwoord.", username=username
            )
            return HTMLResponse(page, status_code=401)
        response = RedirectResponse("/", status_code=302)
        response.set_cookie(
            auth.SESSION_COOKIE,
            auth.open_session(conn, user.guid),
            max_age=int(auth.SESSION_LIFETIME.total_seconds()),
            httponly=True,
            samesite="lax",
            secure=False,  # plain http on loopback
        )
        return response

    async def logout(request: Request) -> Response:
        auth.close_session(conn, request.cookies.get(auth.SESSION_COOKIE))
        response = RedirectResponse("/", status_code=302)
        response.delete_cookie(auth.SESSION_COOKIE)
        return response

    async def home(_request: Request) -> HTMLResponse:
        return HTMLResponse(home_page(site_name()))

    return Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/graphql", graphql_get, methods=["GET"]),
            Route("/graphql", graphql_post, methods=["POST"]),
            Route("/login", login_form, methods=["GET"]),
            Route("/login", login_submit, methods=["POST"]),
            Route("/logout", logout, methods=["POST"]),
        ]
    )
