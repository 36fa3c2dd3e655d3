"""Pleio's error codes: machine codes in the `message` of a GraphQL error."""

from __future__ import annotations

from typing import NoReturn

from graphql import GraphQLError

NOT_LOGGED_IN = "not_logged_in"
COULD_NOT_FIND = "could_not_find"
COULD_NOT_FIND_GROUP = "could_not_find_group"
COULD_NOT_ADD = "could_not_add"
COULD_NOT_SAVE = "could_not_save"
COULD_NOT_DELETE = "could_not_delete"
INVALID_VALUE = "invalid_value"
INVALID_SUBTYPE = "invalid_subtype"
ALREADY_VOTED = "already_voted"
ALREADY_MEMBER_OF_GROUP = "already_member_of_group"
USER_NOT_MEMBER_OF_GROUP = "user_not_member_of_group"
NOT_AUTHORIZED = "not_authorized"
NO_CONTAINER_GUID = "NO_CONTAINER_GUID"


def fail(code: str) -> NoReturn:
    raise GraphQLError(code)
