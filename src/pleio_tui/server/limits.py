"""How much a request may send: capped bodies, and JSON that is not nested
deeper than any real request needs."""

from __future__ import annotations

import json
from typing import Any

from starlette.requests import Request

MAX_GRAPHQL_BODY = 2_621_440
"""What Pleio takes: Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MiB), over which it
answers 400; this site answers 413."""
MAX_FORM_BODY = 8 * 1024
MAX_JSON_DEPTH = 32
"""A GraphQL request is an object holding variables holding input objects: a
handful of levels. Deeper JSON is refused before anything walks it."""


class BodyRefused(Exception):
    """The request body is refused with `status` (400 or 413) and a one-line reason."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


DRAIN_UP_TO = 16 * 1024 * 1024
"""A body over the cap but under this is read to its end and dropped before the
413, so that the client, still sending, reads the answer instead of a reset."""


async def read_body(request: Request, limit: int) -> bytes:
    """The body, or BodyRefused(413) once it is known to be over `limit`.

    Nothing over the limit is kept. A body announced as larger than DRAIN_UP_TO
    is refused without reading a byte; one sent chunked, once over the limit."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BodyRefused(400, "The Content-Length header is not a number")
        if int(declared) > limit:
            if int(declared) <= DRAIN_UP_TO:
                await _drain(request, DRAIN_UP_TO)
            raise BodyRefused(413, f"The request body is over {limit} bytes")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            # Chunked, of no announced length: not waited for.
            raise BodyRefused(413, f"The request body is over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _drain(request: Request, budget: int) -> None:
    """Read and drop the rest of the body, up to `budget` bytes."""
    async for chunk in request.stream():
        budget -= len(chunk)
        if budget < 0:
            return


def decode_json(raw: bytes) -> Any:
    """The JSON value of `raw`, or BodyRefused(400) when it is not JSON or too deep."""
    try:
        value = json.loads(raw)
    except RecursionError as error:
        raise BodyRefused(400, "The request body is nested too deeply") from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BodyRefused(400, "Request body is not valid JSON") from error
    if _deeper_than(value, MAX_JSON_DEPTH):
        raise BodyRefused(400, f"The request body is nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than `limit` levels (without recursion)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
