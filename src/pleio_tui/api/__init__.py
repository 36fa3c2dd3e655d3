"""The Pleio GraphQL client: typed reads and writes, Pleio's errors as exceptions."""

from pleio_tui.api.errors import (
    AlreadyDoneError,
    GraphQLRequestError,
    InvalidInputError,
    LoggedOutError,
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
from pleio_tui.lazy import lazy_exports

# The client pulls in httpx (40 ms); a UI that starts from the cache only needs the
# errors at once, so the client is imported on first use.
_LAZY = {
    "PleioClient": "pleio_tui.api.client",
    "VoteState": "pleio_tui.api.client",
    "ReactionState": "pleio_tui.api.client",
    "default_access_id_for": "pleio_tui.api.client",
    "RetryPolicy": "pleio_tui.api.transport",
}
__getattr__ = lazy_exports(__name__, _LAZY)

__all__ = [
    "AlreadyDoneError",
    "GraphQLRequestError",
    "InvalidInputError",
    "LoggedOutError",
    "NotAllowedError",
    "NotFoundError",
    "NotLoggedInError",
    "OfflineError",
    "PleioClient",
    "PleioCode",
    "PleioError",
    "ReactionState",
    "RemoteError",
    "RetryPolicy",
    "SessionExpiredError",
    "UnexpectedResponseError",
    "VoteState",
    "default_access_id_for",
    "is_retryable",
]
