"""Answers a Pleio site gives at the door, before or instead of GraphQL, switched
on for tests: two-factor login required (403 HTML), a request on a domain other
than the site's primary one (301), and the error handler's 500 page."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

TWO_FACTOR_ENDPOINT = "https://account.pleio.nl/securitypages/"
"""Where Pleio's page sends a user to turn two-factor login on."""


@dataclass(frozen=True, slots=True)
class Doors:
    require_2fa: bool = False
    """Every /graphql request with a session: logged out, answered 403 HTML."""
    primary_domain: str | None = None
    """A request on any other host name runs, then is answered 301 to this one."""
    fail_every: int = 0
    """Every Nth /graphql request is answered 500 HTML without running (0: never)."""


def two_factor_page(site_name: str) -> HTMLResponse:
    """Pleio's "security obligation" page (registration/2fa_required.html), 403."""
    body = (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        f"<title>{escape(site_name)}</title></head><body>"
        "<h1>Verplichting tot zekerheid</h1>"
        "<p>Om toegang te krijgen tot deze site, moet je de beveiliging van je account "
        "verbeteren met tweestapsverificatie.</p>"
        '<a href="/logout" rel="nofollow">Log opnieuw in.</a> '
        f'<a href="{TWO_FACTOR_ENDPOINT}" rel="nofollow">Activeer 2FA</a>'
        "</body></html>\n"
    )
    return HTMLResponse(body, status_code=403)


def server_error_page() -> HTMLResponse:
    """What Pleio's handler500 renders (500.html)."""
    return HTMLResponse("Server error", status_code=500)


class FailureCounter:
    """Says which requests are to fail: every Nth."""

    def __init__(self, every: int) -> None:
        self._every = every
        self._count = itertools.count(1)

    def fails_now(self) -> bool:
        return self._every > 0 and next(self._count) % self._every == 0


class PrimaryDomainRedirect:
    """As Pleio's TenantPrimaryDomainRedirectMiddleware: the request runs on
    whatever host it came to, then its answer is replaced by a permanent
    redirect to the same path on the primary domain."""

    def __init__(self, app: ASGIApp, primary_domain: str) -> None:
        self.app = app
        self.primary_domain = primary_domain

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        if (request.url.hostname or "") == self.primary_domain:
            await self.app(scope, receive, send)
            return

        async def discard(_message: Message) -> None:
            return None

        await self.app(scope, receive, discard)
        await RedirectResponse(self._target(request), status_code=301)(scope, receive, send)

    def _target(self, request: Request) -> str:
        url = request.url
        default_port = 443 if url.scheme == "https" else 80
        host = self.primary_domain
        if url.port is not None and url.port != default_port:
            host = f"{host}:{url.port}"
        query = f"?{url.query}" if url.query else ""
        return f"{url.scheme}://{host}{url.path}{query}"
