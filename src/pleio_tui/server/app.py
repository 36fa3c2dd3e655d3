"""HTTP routes: /graphql as Pleio answers it, /login and /logout, a home page."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from typing import Any
from urllib.parse import parse_qs

from ariadne import format_error, graphql
from ariadne.utils import unwrap_graphql_error
from graphql import GraphQLError
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp

from pleio_tui.server import auth, db
from pleio_tui.server.context import RequestContext, load_viewer
from pleio_tui.server.document_cache import validate_once
from pleio_tui.server.doors import (
    Doors,
    FailureCounter,
    PrimaryDomainRedirect,
    server_error_page,
    two_factor_page,
)
from pleio_tui.server.downloads import download_endpoint
from pleio_tui.server.limits import (
    MAX_FORM_BODY,
    MAX_GRAPHQL_BODY,
    BodyRefused,
    decode_json,
    read_body,
)
from pleio_tui.server.pages import graphql_landing_page, home_page, login_page, walled_garden_page
from pleio_tui.server.query_cost import parse_within_limits
from pleio_tui.server.resolvers import build_schema
from pleio_tui.server.secure_rich_text import SITE_HOST
from pleio_tui.server.throttle import LoginThrottle

JSON_TYPES = ("application/json",)
# Decoding a body this large is left to a thread, so other requests are answered meanwhile.
DECODE_IN_THREAD_FROM = 64 * 1024


def _is_unexpected(record: logging.LogRecord) -> bool:
    """Pleio's error codes and invalid queries are answers, not faults: log only
    errors that wrap an exception nobody raised on purpose."""
    error = record.exc_info[1] if record.exc_info else None
    return not isinstance(error, GraphQLError) or unwrap_graphql_error(error) is not None


graphql_logger = logging.getLogger("pleio_tui.server.graphql")
graphql_logger.addFilter(_is_unexpected)


def _bad_request(message: str, status: int = 400) -> JSONResponse:
    # A body left unread cannot be skipped on a kept-alive connection: close it.
    headers = {"Connection": "close"} if status == 413 else None
    return JSONResponse({"errors": [{"message": message}]}, status_code=status, headers=headers)


async def _decoded(raw: bytes) -> Any:
    if len(raw) >= DECODE_IN_THREAD_FROM:
        return await asyncio.to_thread(decode_json, raw)
    return decode_json(raw)


def _client_address(request: Request) -> str:
    # With --trust-proxy, uvicorn has already put the forwarded address here.
    return request.client.host if request.client else ""


def build_app(conn: sqlite3.Connection, *, closed: bool, doors: Doors | None = None) -> ASGIApp:
    """The site's ASGI app over an open, migrated database."""
    schema = build_schema()
    doors = doors or Doors()
    failures = FailureCounter(doors.fail_every)
    throttle = LoginThrottle()
    validator = validate_once()
    auth.prepare_hashing()

    def site_name() -> str:
        return db.get_setting(conn, "site_name") or "Pleio"

    async def graphql_get(_request: Request) -> HTMLResponse:
        return HTMLResponse(graphql_landing_page(site_name()))

    async def graphql_post(request: Request) -> Response:
        if failures.fails_now():
            return server_error_page()
        session_key = request.cookies.get(auth.SESSION_COOKIE)
        user = auth.session_user(conn, session_key)
        if doors.require_2fa and user is not None:
            # As Pleio: a user without two-factor login is logged out, then told why.
            auth.close_session(conn, session_key)
            return two_factor_page(site_name())
        if closed and user is None:
            return HTMLResponse(walled_garden_page(site_name()), status_code=401)
        media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type not in JSON_TYPES:
            return _bad_request("Request body must be JSON (application/json)")
        try:
            data: Any = await _decoded(await read_body(request, MAX_GRAPHQL_BODY))
        except BodyRefused as refused:
            return _bad_request(refused.message, refused.status)
        if not isinstance(data, dict):
            return _bad_request("Request body must be a JSON object")
        if not isinstance(data.get("query"), str):
            return _bad_request("The request has no query")
        if data.get("variables") is not None and not isinstance(data["variables"], dict):
            return _bad_request("Query variables must be an object")
        try:
            document = parse_within_limits(data)
        except GraphQLError as refused:
            # As ariadne answers a query it cannot parse or validate.
            return JSONResponse({"errors": [format_error(refused)]}, status_code=400)
        context = RequestContext(conn=conn, viewer=load_viewer(conn, user), site_is_closed=closed)
        SITE_HOST.set(request.headers.get("host", ""))
        _success, result = await graphql(
            schema,
            data,
            context_value=context,
            query_document=document,
            query_validator=validator,
            introspection=True,
            logger=graphql_logger,
        )
        # As ariadne 0.15, which Pleio runs: a query that ran is answered 200, even
        # when its data is null (a variable of the wrong type); one that could not
        # run (unparsable, invalid, too costly) is a 400 without data.
        return JSONResponse(result, status_code=200 if "data" in result else 400)

    async def login_form(_request: Request) -> HTMLResponse:
        return HTMLResponse(login_page(site_name()))

    async def login_submit(request: Request) -> Response:
        try:
            raw = await read_body(request, MAX_FORM_BODY)
        except BodyRefused as refused:
            headers = {"Connection": "close"} if refused.status == 413 else None
            return HTMLResponse(refused.message, status_code=refused.status, headers=headers)
        # A plain urlencoded form: no multipart parser needed for two fields.
        form = parse_qs(raw.decode("utf-8", "replace"))
        username = form.get("username", [""])[0].strip()
        address = _client_address(request)
        wait = throttle.retry_after(username, address)
        if wait is not None:
            error = f"Te veel mislukte pogingen. Probeer het over {wait} seconden opnieuw."
            page = login_page(site_name(), error=error, username=username)
            return HTMLResponse(page, status_code=429, headers={"Retry-After": str(wait)})
        user = await auth.check_login(conn, username, form.get("password", [""])[0])
        if user is None:
            throttle.failed(username, address)
            page = login_page(
                site_name(), error="Onjuiste gebruikersnaam of wachtwoord.", username=username
            )
            return HTMLResponse(page, status_code=401)
        throttle.succeeded(username)
        response = RedirectResponse("/", status_code=302)
        response.set_cookie(
            auth.SESSION_COOKIE,
            auth.open_session(conn, user.guid),
            max_age=int(auth.SESSION_LIFETIME.total_seconds()),
            httponly=True,
            samesite="lax",
            # https as the browser saw it: behind a proxy, only when told to trust it.
            secure=request.url.scheme == "https",
        )
        return response

    async def logout(request: Request) -> Response:
        auth.close_session(conn, request.cookies.get(auth.SESSION_COOKIE))
        response = RedirectResponse("/", status_code=302)
        response.delete_cookie(auth.SESSION_COOKIE)
        return response

    async def home(_request: Request) -> HTMLResponse:
        return HTMLResponse(home_page(site_name()))

    app = Starlette(
        routes=[
            Route("/", home, methods=["GET"]),
            Route("/graphql", graphql_get, methods=["GET"]),
            Route("/graphql", graphql_post, methods=["POST"]),
            Route("/login", login_form, methods=["GET"]),
            Route("/login", login_submit, methods=["POST"]),
            Route("/logout", logout, methods=["POST"]),
            Route(
                "/file/download/{guid}/{name:path}",  # a title with no slug leaves it empty
                download_endpoint(conn, closed=closed, site_name=site_name),
                methods=["GET"],
            ),
        ]
    )
    if doors.primary_domain:
        return PrimaryDomainRedirect(app, doors.primary_domain)
    return app
