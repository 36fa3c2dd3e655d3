"""One GraphQL request to a Pleio site over HTTP, and its answer or a typed error.

Reads (queries) are retried with backoff when the network or the site fails;
writes (mutations) never are: a write whose answer was lost may have happened,
and deciding whether to send it again belongs to the outbox.
"""

from __future__ import annotations

import asyncio
import functools
import json
import random
import re
import ssl
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from pleio_tui import APP_NAME, __version__
from pleio_tui.api.errors import (
    GraphQLRequestError,
    MovedError,
    OfflineError,
    PleioError,
    SessionExpiredError,
    TwoFactorRequiredError,
    UnexpectedResponseError,
    is_retryable,
    remote_error,
)
from pleio_tui.secret import Secret, is_cookie_value

try:
    import sniffio  # noqa: F401
except ImportError:
    # httpcore imports it anew on every request to tell trio from asyncio, and a
    # failed import searches every path entry again (some 0.3 ms each time). A
    # None entry makes that import fail at once, as it would anyway.
    sys.modules.setdefault("sniffio", None)  # type: ignore[arg-type]

USER_AGENT = f"{APP_NAME}/{__version__}"
DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=20.0, pool=5.0)
DEFAULT_TOTAL_TIMEOUT = 60.0
"""A site that drips its answer a byte at a time never trips the read timeout."""
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024

JsonObject = dict[str, Any]


_JITTER = random.Random()
"""Its own generator: the process's shared one stays as other code left it."""


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with jitter for reads: delay n is about base * 2**n, capped."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0

    def delay(self, retry_number: int) -> float:
        ceiling = min(self.max_delay, self.base_delay * 2**retry_number)
        return _JITTER.uniform(ceiling / 2, ceiling)


def graphql_endpoint(site_url: str) -> str:
    parts = urlsplit(site_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a site address: {site_url!r}")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}/graphql"


SITE_CLOCK_MAX_AGE = 60.0
"""Seconds a `Date` is moved on by this machine's clocks before the site is
asked again (see `SiteClock.now`)."""


@dataclass(frozen=True, slots=True)
class SiteClock:
    """The site's clock as its last answer gave it (the `Date` header, whole
    seconds, taken when the answer was made) and when that answer arrived here."""

    date: datetime
    received: float
    """`time.monotonic()` when the answer arrived."""
    wall: float
    """`time.time()` when the answer arrived."""

    def now(self) -> datetime | None:
        """The site's time now, never later than the site's own clock: the header
        is rounded down and made before it arrived. None when the answer is too
        old to count on: the monotonic clock stands still while the machine
        sleeps, so after a night asleep it would say the site's time is still
        last evening; the wall clock, which does move on, tells."""
        elapsed = time.monotonic() - self.received
        wall_elapsed = time.time() - self.wall
        if max(elapsed, wall_elapsed) > SITE_CLOCK_MAX_AGE or wall_elapsed < -1:
            return None
        return self.date + timedelta(seconds=elapsed)


def _parsed_date(value: str) -> datetime | None:
    try:
        date = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return date if date.tzinfo is not None else None


def _site_clock(headers: httpx.Headers) -> SiteClock | None:
    """From the `Date` header. A proxy in front of the site may add its own beside
    the site's (read joined, they parse as no date at all): the earliest counts,
    so the time is never later than the site's."""
    dates = [date for value in headers.get_list("Date") if (date := _parsed_date(value))]
    return SiteClock(min(dates), time.monotonic(), time.time()) if dates else None


@functools.cache
def _verified_tls() -> ssl.SSLContext:
    """httpx's verifying TLS context, made once per process: loading the CA
    certificates costs about 0.2 s of CPU, and the interface makes a client for
    every background job (each opened post is asked for again)."""
    return httpx.create_ssl_context(verify=True)


class GraphQLTransport:
    """POSTs GraphQL documents to `<site>/graphql` with the session cookie, if any."""

    site_clock: SiteClock | None = None
    """From the last answer that named its date (any status): None before one."""

    def __init__(
        self,
        site_url: str,
        session_id: Secret | str | None = None,
        *,
        http: httpx.AsyncClient | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
        retry: RetryPolicy | None = None,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        if isinstance(session_id, str):
            session_id = Secret(session_id)
        # RFC 6265 cookie-octets only: anything else could smuggle another cookie
        # or header (a trailing newline included).
        if session_id is not None and not is_cookie_value(session_id.reveal()):
            raise ValueError("the session id holds characters a cookie cannot carry")
        self.endpoint = graphql_endpoint(site_url)
        self.session_id = session_id
        self.timeout = timeout
        self.total_timeout = total_timeout
        self.retry = retry or RetryPolicy()
        self.max_response_bytes = max_response_bytes
        self._owns_http = http is None
        self._http = http or httpx.AsyncClient(timeout=timeout, verify=_verified_tls())

    @property
    def has_session(self) -> bool:
        return self.session_id is not None

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def query(self, document: str, variables: JsonObject, operation_name: str) -> JsonObject:
        """Run a read, retrying when the site is unreachable; returns `data`."""
        attempt = 0
        while True:
            try:
                return await self._send(document, variables, operation_name)
            except PleioError as exc:
                attempt += 1
                if attempt >= self.retry.attempts or not is_retryable(exc):
                    raise
            await asyncio.sleep(self.retry.delay(attempt - 1))

    async def mutate(self, document: str, variables: JsonObject, operation_name: str) -> JsonObject:
        """Run a write exactly once; returns `data`."""
        return await self._send(document, variables, operation_name)

    async def _send(self, document: str, variables: JsonObject, operation_name: str) -> JsonObject:
        body = {"query": document, "variables": variables, "operationName": operation_name}
        try:
            async with asyncio.timeout(self.total_timeout):
                status, headers, raw = await self._post(body)
        except TimeoutError as exc:
            raise OfflineError("timeout", "the site took too long to answer") from exc
        self.site_clock = _site_clock(headers) or self.site_clock
        return _data_from(status, headers, raw)

    async def _post(self, body: JsonObject) -> tuple[int, httpx.Headers, bytes]:
        headers = {
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        try:
            async with self._http.stream(
                "POST",
                self.endpoint,
                content=json.dumps(body).encode(),
                # No variable here holds the cookie: a crash report listing this
                # frame's locals must not show it.
                headers=headers | self._cookie_header(),
                timeout=self.timeout,
                follow_redirects=False,
            ) as response:
                raw = await self._read_limited(response)
                return response.status_code, response.headers, raw
        except httpx.TimeoutException as exc:
            raise OfflineError("timeout", str(exc)) from exc
        except httpx.ConnectError as exc:
            raise OfflineError("connect", str(exc)) from exc
        except httpx.TransportError as exc:
            raise OfflineError("network", str(exc) or type(exc).__name__) from exc
        finally:
            if self._owns_http:
                # The session is the one we send; a cookie the site sets must not
                # ride along on a later request made without a session.
                self._http.cookies.clear()

    async def get_bytes(self, url: str, max_bytes: int) -> bytes:
        """GET a file of the site with the session (the caller checks that `url` is
        on the site); a status other than 200 is an OfflineError named by it."""
        try:
            async with asyncio.timeout(self.total_timeout):
                async with self._http.stream(
                    "GET",
                    url,
                    headers={"User-Agent": USER_AGENT} | self._cookie_header(),
                    timeout=self.timeout,
                    follow_redirects=False,
                ) as response:
                    if response.status_code != 200:
                        raise OfflineError(f"http_{response.status_code}", url)
                    declared = response.headers.get("Content-Length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise OfflineError("response_too_large", f"{declared} bytes announced")
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in response.aiter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise OfflineError("response_too_large", f"over {max_bytes} bytes")
                        chunks.append(chunk)
                    return b"".join(chunks)
        except TimeoutError as exc:
            raise OfflineError("timeout", "the site took too long to answer") from exc
        except httpx.TimeoutException as exc:
            raise OfflineError("timeout", str(exc)) from exc
        except httpx.TransportError as exc:
            raise OfflineError("network", str(exc) or type(exc).__name__) from exc
        finally:
            if self._owns_http:
                self._http.cookies.clear()

    def _cookie_header(self) -> dict[str, str]:
        if self.session_id is None:
            return {}
        return {"Cookie": f"sessionid={self.session_id.reveal()}"}

    async def _read_limited(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_response_bytes:
            raise OfflineError("response_too_large", f"{declared} bytes announced")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.max_response_bytes:
                raise OfflineError("response_too_large", f"over {self.max_response_bytes} bytes")
            chunks.append(chunk)
        return b"".join(chunks)


_NOT_RUN = ("Variable '$", "Unknown operation named", "Must provide operation name")


def _data_from(status: int, headers: httpx.Headers, raw: bytes) -> JsonObject:
    """The `data` of a GraphQL answer, or the exception that explains the answer."""
    if status >= 500:
        raise OfflineError("server_error", f"HTTP {status}")
    payload = _json_or_none(raw)
    # Pleio's "security obligation" page links to turning 2FA on, in any language.
    two_factor_page = b"2FA" in raw or b"securitypages" in raw
    if status == 403 and payload is None and _looks_like_html(headers, raw) and two_factor_page:
        raise TwoFactorRequiredError()
    if status in (401, 403):
        if isinstance(payload, dict) and payload.get("errors"):
            _raise_first_error(payload["errors"])
        raise SessionExpiredError(f"HTTP {status}")
    if 300 <= status < 400:
        location = headers.get("Location", "")
        if "login" in location:
            raise SessionExpiredError(f"HTTP {status} to {location}")
        if status in (301, 308) and location:
            raise MovedError(location, status)
        raise UnexpectedResponseError(status, location)
    if status == 400:
        messages = _error_messages(payload)
        if not messages:
            # Not a GraphQL server refusing the query: a proxy's page, say.
            raise UnexpectedResponseError(status)
        raise GraphQLRequestError(messages)
    if status == 413:
        # Refused unread, so nothing was done; sending it again will not help.
        raise GraphQLRequestError(["the request is too large for the site (HTTP 413)"])
    if status != 200:
        raise UnexpectedResponseError(status)
    if payload is None:
        if _looks_like_html(headers, raw):
            raise SessionExpiredError("the site answered with a web page, not data")
        raise OfflineError("malformed_response", "the answer is not complete JSON")
    if not isinstance(payload, dict):
        raise OfflineError("malformed_response", "the answer is not a JSON object")
    errors = payload.get("errors")
    # A query that could not start (a variable of the wrong type, an unknown
    # operation) is answered 200 by Pleio's ariadne 0.15, with no data and
    # GraphQL's own words, without the `path` a resolver's error carries.
    messages = _error_messages(payload)
    did_not_run = bool(messages) and all(
        isinstance(error, dict) and "path" not in error for error in payload["errors"]
    )
    if did_not_run and payload.get("data") is None and messages[0].startswith(_NOT_RUN):
        raise GraphQLRequestError(messages)
    if errors:
        _raise_first_error(errors)
    data = payload.get("data")
    if not isinstance(data, dict):
        raise OfflineError("malformed_response", "the answer holds no data")
    return data


# JSON may spell half a surrogate pair ("\ud800"), and json.loads lets raw encoded
# halves through too. No UTF-8 file or terminal can hold one: SQLite and print()
# raise on it. Pairs are joined by json.loads, so whatever half is left is lone.
_MAY_HOLD_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]|\xed[\xa0-\xbf]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What every match of _MAY_HOLD_SURROGATE starts with: looking for these bytes is
# a fast scan, where the pattern's alternation steps through the answer byte by
# byte (it cost more than json.loads on a page of blogs).
_SURROGATE_STARTS = (b"\\ud", b"\\uD", b"\xed")


def _json_or_none(raw: bytes) -> Any:
    try:
        payload = json.loads(raw)
    except ValueError:
        return None
    if _may_hold_surrogate(raw):
        payload = _without_lone_surrogates(payload)
    return payload


def _may_hold_surrogate(raw: bytes) -> bool:
    starts = any(start in raw for start in _SURROGATE_STARTS)
    return starts and _MAY_HOLD_SURROGATE.search(raw) is not None


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {
            _without_lone_surrogates(key): _without_lone_surrogates(item)
            for key, item in value.items()
        }
    return value


def _looks_like_html(headers: httpx.Headers, raw: bytes) -> bool:
    if "html" in headers.get("Content-Type", "").lower():
        return True
    return raw.lstrip()[:1] == b"<"


def _error_messages(payload: Any) -> list[str]:
    if not isinstance(payload, dict) or not isinstance(payload.get("errors"), list):
        return []
    return [str(e.get("message", "")) for e in payload["errors"] if isinstance(e, dict)]


def _raise_first_error(errors: Any) -> None:
    first = errors[0] if isinstance(errors, list) and errors else {}
    if not isinstance(first, dict):
        raise OfflineError("malformed_response", "an error without a message")
    message = str(first.get("message", ""))
    path = first.get("path")
    steps = [p for p in path if isinstance(p, str | int)] if isinstance(path, list) else []
    raise remote_error(message, message, steps)
