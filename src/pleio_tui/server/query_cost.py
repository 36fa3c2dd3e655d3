"""What a query may ask of the site: a cost counted before it runs, and a cap on
every list's `limit`.

The cost of a field is 1 times the `limit` of every list it sits in (a list
without `limit` counts once), so aliases, list sizes and nesting all add up:
twenty aliases of `entities(limit: 100000)` are refused before a row is read.
Pleio's backend has no such rule; this site is a test and demo server that may
be exposed with `--host`, so it has one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    parse,
)

MAX_QUERY_TOKENS = 5000
"""The client's largest query has under 1000; parsing 5000 takes some 40 ms."""
MAX_QUERY_COST = 50_000
MAX_QUERY_DEPTH = 15
MAX_LIST_LIMIT = 10_000
"""Larger `limit`s are cut to this (Pleio slices whatever is asked)."""


class _TooCostly(Exception):
    pass


class QueryCost:
    """The cost and depth of one operation, given the request's variables."""

    def __init__(
        self,
        fragments: Mapping[str, Any],
        variables: Mapping[str, Any],
        max_cost: int = MAX_QUERY_COST,
    ) -> None:
        self._fragments = fragments
        self._variables = variables
        self._max_cost = max_cost
        self.cost = 0
        self.depth = 0

    def measure(self, operation: OperationDefinitionNode) -> None:
        """Fills in `cost` and `depth`; stops counting once over the maximum."""
        with contextlib.suppress(_TooCostly):
            self._walk(operation.selection_set, 1, 1, frozenset())

    def _walk(
        self, selections: SelectionSetNode | None, multiplier: int, depth: int, seen: frozenset[str]
    ) -> None:
        if selections is None:
            return
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                self.cost += multiplier
                if self.cost > self._max_cost:
                    raise _TooCostly
                self.depth = max(self.depth, depth)
                if depth > MAX_QUERY_DEPTH:
                    raise _TooCostly
                inner = multiplier * self._limit_of(selection)
                self._walk(selection.selection_set, inner, depth + 1, seen)
            elif isinstance(selection, InlineFragmentNode):
                self._walk(selection.selection_set, multiplier, depth, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self._fragments.get(name)
                if fragment is not None and name not in seen:
                    self._walk(fragment.selection_set, multiplier, depth, seen | {name})

    def _limit_of(self, field: FieldNode) -> int:
        for argument in field.arguments or ():
            if argument.name.value != "limit":
                continue
            value: Any = None
            if isinstance(argument.value, IntValueNode):
                value = int(argument.value.value)
            elif isinstance(argument.value, VariableNode):
                value = self._variables.get(argument.value.name.value)
            if isinstance(value, int) and not isinstance(value, bool):
                return max(1, min(value, MAX_LIST_LIMIT))
        return 1


def parse_within_limits(query: str, variables: Mapping[str, Any] | None) -> DocumentNode:
    """The parsed query, or the GraphQLError that refuses it: unparsable, over
    MAX_QUERY_TOKENS, or an operation over the cost or depth limit.

    Runs before GraphQL's own validation, so a refused query costs little."""
    try:
        document = parse(query, max_tokens=MAX_QUERY_TOKENS)
        fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                _check(definition, QueryCost(fragments, variables or {}))
    except RecursionError as error:
        raise GraphQLError("The query is nested too deeply") from error
    return document


def _check(operation: OperationDefinitionNode, measured: QueryCost) -> None:
    measured.measure(operation)
    if measured.depth > MAX_QUERY_DEPTH:
        message = f"The query is nested too deeply: at most {MAX_QUERY_DEPTH} levels"
    elif measured.cost > MAX_QUERY_COST:
        message = (
            f"The query asks too much: its cost is over {MAX_QUERY_COST} "
            "(each field counts once per item of the lists it is in; "
            f"a list counts at most {MAX_LIST_LIMIT} items)"
        )
    else:
        return
    raise GraphQLError(message, operation)


def clamp_limits(resolve: Callable[..., Any], root: Any, info: Any, **args: Any) -> Any:
    """Resolver middleware: no list gives more than MAX_LIST_LIMIT items at once."""
    limit = args.get("limit")
    if isinstance(limit, int) and limit > MAX_LIST_LIMIT:
        args["limit"] = MAX_LIST_LIMIT
    return resolve(root, info, **args)
