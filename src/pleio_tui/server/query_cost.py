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
from collections.abc import Mapping
from typing import Any

from graphql import (
    ArgumentNode,
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
    Visitor,
    visit,
)

from pleio_tui.server.document_cache import parse_once

MAX_QUERY_TOKENS = 5000
"""The client's largest query has under 1000; parsing 5000 takes some 40 ms."""
MAX_QUERY_COST = 50_000
MAX_QUERY_DEPTH = 15
MAX_LIST_LIMIT = 10_000
"""Larger `limit`s are cut to this (Pleio slices whatever is asked)."""


class _TooCostly(Exception):
    pass


class QueryCost:
    """The cost and depth of one operation, given the request's variables.

    Measuring cuts every `limit` over MAX_LIST_LIMIT: in `variables` (a variable
    left to its default is set to it first), and for one written in the query
    it notes `literal_over_cap` for `cap_literal_limits` to rewrite."""

    def __init__(
        self,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: dict[str, Any],
        max_cost: int = MAX_QUERY_COST,
    ) -> None:
        self._fragments = fragments
        self._variables = variables
        self._max_cost = max_cost
        self.cost = 0
        self.depth = 0
        self.literal_over_cap = False

    def measure(self, operation: OperationDefinitionNode) -> None:
        """Fills in `cost` and `depth`; stops counting once over the maximum."""
        for definition in operation.variable_definitions or ():
            name = definition.variable.name.value
            if name not in self._variables and isinstance(definition.default_value, IntValueNode):
                self._variables[name] = int(definition.default_value.value)
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
            node = argument.value
            if isinstance(node, IntValueNode):
                value = int(node.value)
                self.literal_over_cap |= value > MAX_LIST_LIMIT
            elif isinstance(node, VariableNode):
                value = _as_int(self._variables.get(node.name.value))
                if value is not None and value > MAX_LIST_LIMIT:
                    self._variables[node.name.value] = MAX_LIST_LIMIT
            else:
                continue
            if value is not None:
                return max(1, min(value, MAX_LIST_LIMIT))
        return 1


def _as_int(value: Any) -> int | None:
    """A variable's value as GraphQL's Int takes it (1e5 included), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


class _CapLiteralLimits(Visitor):
    def enter_argument(self, node: ArgumentNode, *_: Any) -> ArgumentNode | None:
        value = node.value
        over = isinstance(value, IntValueNode) and int(value.value) > MAX_LIST_LIMIT
        if node.name.value != "limit" or not over:
            return None
        capped = IntValueNode(value=str(MAX_LIST_LIMIT), loc=value.loc)
        return ArgumentNode(name=node.name, value=capped, loc=node.loc)


def parse_within_limits(data: dict[str, Any]) -> DocumentNode:
    """The request's query parsed with every `limit` cut to MAX_LIST_LIMIT (in
    `data["variables"]` too), or the GraphQLError that refuses it: unparsable,
    over MAX_QUERY_TOKENS, or an operation over the cost or depth limit.

    Runs before GraphQL's own validation, so a refused query costs little."""
    variables = data.get("variables") or {}
    try:
        document = parse_once(data["query"], MAX_QUERY_TOKENS)
        fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }
        literal_over_cap = False
        for definition in document.definitions:
            if isinstance(definition, OperationDefinitionNode):
                measured = QueryCost(fragments, variables)
                _check(definition, measured)
                literal_over_cap |= measured.literal_over_cap
    except RecursionError as error:
        raise GraphQLError("The query is nested too deeply") from error
    if variables:
        data["variables"] = variables
    return visit(document, _CapLiteralLimits()) if literal_over_cap else document


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
