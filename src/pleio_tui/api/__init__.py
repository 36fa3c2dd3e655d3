"""The Pleio GraphQL client: typed reads and writes, Pleio's errors as exceptions."""

from pleio_tui.api.errors import (
    AlreadyDoneError,
    GraphQLRequestError,
    InvalidInputError,
    NotAllowedError,
    NotFoundError,
    NotLoggedInError,
    OfflineError,
    PleioCode,
    PleioError,
    RemoteError,
    SessionExpiredError,
    UnexpectedResponseError,
    is_retryable,
)

# The client pulls in httpx (40 ms); a UI that starts from the cache only needs the
# errors at once, so the client is imported on first use.
_LAZY = {
    "PleioClient": "pleio_tui.api.client",
    "VoteState": "pleio_tui.api.client",
    "default_access_id_for": "pleio_tui.api.client",
    "RetryPolicy": "pleio_tui.api.transport",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    "AlreadyDoneError",
    "GraphQLRequestError",
    "InvalidInputError",
    "NotAllowedError",
    "NotFoundError",
    "NotLoggedInError",
    "OfflineError",
    "PleioClient",
    "PleioCode",
    "PleioError",
    "RemoteError",
    "RetryPolicy",
    "SessionExpiredError",
    "UnexpectedResponseError",
    "VoteState",
    "default_access_id_for",
    "is_retryable",
]
