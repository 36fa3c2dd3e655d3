"""Every document the client sends validates against Pleio's own schema, rebuilt
from the facts read from Pleio's backend2 (a copy kept beside this test), not
against the local site, which could share a mistake with the client."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from pleio_tui.api import queries

FACTS = Path(__file__).with_name("pleio-schema-facts.json")
BUILT_IN_SCALARS = {"Int", "Float", "String", "Boolean", "ID"}


def _named(type_ref: str) -> str:
    return type_ref.strip("[]!")


def _field_lines(fields: dict[str, Any]) -> list[str]:
    lines = []
    for name, field in fields.items():
        args = field.get("args") or {}
        arg_list = ", ".join(f"{arg}: {arg_type}" for arg, arg_type in args.items())
        lines.append(f"  {name}{f'({arg_list})' if arg_list else ''}: {field['type']}")
    return lines


def pleio_schema_sdl(facts: dict[str, Any]) -> str:
    implementations: dict[str, list[str]] = {}
    for interface, types in facts["__implementations__"].items():
        for type_name in types:
            implementations.setdefault(type_name, []).append(interface)
    referenced: set[str] = set()
    blocks = []
    for name, spec in facts.items():
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        kind = spec["kind"]
        if kind == "scalar":
            blocks.append(f"scalar {name}")
        elif kind == "enum":
            blocks.append(f"enum {name} {{ {' '.join(spec['values'])} }}")
        else:
            keyword = {"object": "type", "interface": "interface", "input": "input"}[kind]
            interfaces = [i for i in implementations.get(name, []) if i in facts]
            implements = f" implements {' & '.join(interfaces)}" if interfaces else ""
            blocks.append(
                f"{keyword} {name}{implements} {{\n"
                + "\n".join(_field_lines(spec["fields"]))
                + "\n}"
            )
            for field in spec["fields"].values():
                referenced.add(_named(field["type"]))
                referenced.update(_named(t) for t in (field.get("args") or {}).values())
    # Types the facts mention but do not describe are outside what the client may select.
    unknown = referenced - set(facts) - BUILT_IN_SCALARS
    blocks += [f"scalar {name}" for name in sorted(unknown)]
    return "\n\n".join(blocks)


@pytest.fixture(scope="module")
def pleio_schema() -> GraphQLSchema:
    return build_schema(pleio_schema_sdl(json.loads(FACTS.read_text(encoding="utf-8"))))


DOCUMENTS = {
    name: value
    for name, value in vars(queries).items()
    if name.isupper()
    and not name.startswith("_")
    and isinstance(value, str)
    and value.lstrip().startswith(("query", "mutation"))
}


def test_every_operation_is_checked() -> None:
    assert len(DOCUMENTS) == 38


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_is_valid_against_pleio(pleio_schema: GraphQLSchema, name: str) -> None:
    errors = validate(pleio_schema, parse(DOCUMENTS[name]))
    assert errors == [], f"{name}: {[e.message for e in errors]}"


def test_an_invented_field_is_caught(pleio_schema: GraphQLSchema) -> None:
    errors = validate(pleio_schema, parse("query { viewer { guid lastAction } }"))
    assert errors
