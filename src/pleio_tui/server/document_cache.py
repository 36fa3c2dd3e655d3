"""Parsing and validating a query once per text: a client sends the same few
documents again and again (with other variables), and checking a document
against the schema costs more than answering a small query. What a document
asks for depends on its variables too, so its cost is still measured on every
request (query_cost.py)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate

DOCUMENTS_KEPT = 256


class _Kept(OrderedDict[Any, Any]):
    def keep(self, key: Any, value: Any) -> None:
        self[key] = value
        if len(self) > DOCUMENTS_KEPT:
            self.popitem(last=False)


_PARSED = _Kept()


def parse_once(text: str, max_tokens: int) -> DocumentNode:
    """The document of `text`; a text that does not parse raises each time.
    Documents are never changed in place (limits are capped in a copy)."""
    key = (text, max_tokens)
    document = _PARSED.get(key)
    if document is None:
        document = parse(text, max_tokens=max_tokens)
        _PARSED.keep(key, document)
    return document


def validate_once() -> Callable[..., list[GraphQLError]]:
    """A validator for ariadne's `query_validator`: a document found valid for
    a schema (with the same rules) is not checked again. Invalid ones are."""
    valid = _Kept()

    def validated(
        schema: GraphQLSchema, document: DocumentNode, rules: Any = None, **options: Any
    ) -> list[GraphQLError]:
        source = document.loc.source.body if document.loc is not None else None
        key = (id(schema), source, None if rules is None else tuple(rules))
        if source is not None and key in valid:
            return []
        arguments = {} if rules is None else {"rules": rules}
        errors = validate(schema, document, **arguments, **options)
        if not errors and source is not None:
            valid.keep(key, True)
        return errors

    return validated
