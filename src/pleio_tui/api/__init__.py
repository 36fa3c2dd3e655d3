"""The Pleio GraphQL client: typed reads and writes, Pleio's errors as exceptions."""

from pleio_tui.api.client import PleioClient, VoteState, default_access_id_for
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
from pleio_tui.api.transport import RetryPolicy

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
