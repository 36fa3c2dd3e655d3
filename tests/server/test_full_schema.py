"""Every document the client sends validates against Pleio's WHOLE schema (all of
backend2's types, rebuilt from a copy of ../shared/pleio-schema-full.json kept
beside this test), so a field Pleio renamed or dropped is caught here and not on
a real site."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from graphql import GraphQLSchema, build_schema, parse, validate

from pleio_tui.api import queries

FULL_COPY = Path(__file__).with_name("pleio-schema-full.json")
SHARED_FULL = Path(__file__).resolve().parents[2].parent / "shared" / "pleio-schema-full.json"
BUILT_IN_SCALARS = {"Int", "Float", "String", "Boolean", "ID"}
KEYWORDS = {"object": "type", "interface": "interface", "input": "input"}


def _fields(fields: dict[str, Any]) -> str:
    lines = []
    for name, field in fields.items():
        args = ", ".join(f"{arg}: {kind}" for arg, kind in (field.get("args") or {}).items())
        lines.append(f"  {name}{f'({args})' if args else ''}: {field['type']}")
    return "\n".join(lines)


def sdl_from_facts(facts: dict[str, Any]) -> str:
    """SDL for every type the facts describe; interfaces from `__implementations__`
    (an interface may implement another, as Pleio's FileFolder implements Entity)."""
    implements: dict[str, list[str]] = {}
    for interface, names in facts["__implementations__"].items():
        for name in names:
            implements.setdefault(name, []).append(interface)
    blocks = []
    for name, spec in facts.items():
        if name.startswith("__") or name in BUILT_IN_SCALARS:
            continue
        if spec["kind"] == "scalar":
            blocks.append(f"scalar {name}")
        elif spec["kind"] == "enum":
            blocks.append(f"enum {name} {{ {' '.join(spec['values'])} }}")
        else:
            parents = implements.get(name, [])
            clause = f" implements {' & '.join(parents)}" if parents else ""
            body = _fields(spec["fields"])
            blocks.append(f"{KEYWORDS[spec['kind']]} {name}{clause} {{\n{body}\n}}")
    return "\n\n".join(blocks)


@pytest.fixture(scope="module")
def full_schema() -> GraphQLSchema:
    return build_schema(sdl_from_facts(json.loads(FULL_COPY.read_text(encoding="utf-8"))))


DOCUMENTS = {
    name: value
    for name, value in vars(queries).items()
    if name.isupper()
    and not name.startswith("_")
    and isinstance(value, str)
    and value.lstrip().startswith(("query", "mutation"))
}


def test_the_whole_schema_is_rebuilt(full_schema: GraphQLSchema) -> None:
    assert len(full_schema.type_map) > 300
    mutation = full_schema.mutation_type
    assert mutation is not None and "toggleEntityArchived" in mutation.fields


def test_every_document_of_the_client_is_checked() -> None:
    texts = {
        name: value
        for name, value in vars(queries).items()
        if name.isupper() and not name.startswith("_") and isinstance(value, str)
    }
    fragments = {name for name, value in texts.items() if value.lstrip().startswith("fragment")}
    assert set(DOCUMENTS) == set(texts) - fragments
    assert len(DOCUMENTS) >= 20


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_is_valid_against_the_whole_schema(full_schema: GraphQLSchema, name: str) -> None:
    errors = validate(full_schema, parse(DOCUMENTS[name]))
    assert errors == [], f"{name}: {[e.message for e in errors]}"


def test_a_field_pleio_lacks_is_caught(full_schema: GraphQLSchema) -> None:
    assert validate(full_schema, parse('query { entity(guid: "x") { guid starRating } }'))


def test_the_copy_matches_the_shared_file() -> None:
    if not SHARED_FULL.exists():
        pytest.skip(f"no shared schema at {SHARED_FULL} to compare the copy with")
    assert json.loads(FULL_COPY.read_text("utf-8")) == json.loads(SHARED_FULL.read_text("utf-8"))
