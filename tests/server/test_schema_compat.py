"""The local site's schema is a subset of Pleio's: every type, field, argument,
enum value and input field it has, Pleio has, with the same type and nullability.

Checked by introspecting the running site against the facts read from Pleio's
whole backend2 schema (a copy is kept beside this test, so that it never skips)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from site_graphql import GraphQL

FACTS_COPY = Path(__file__).with_name("pleio-schema-full.json")
SHARED_FACTS = Path(__file__).resolve().parents[2].parent / "shared" / "pleio-schema-full.json"

TYPE_REF = (
    "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }"
)
INTROSPECTION = f"""
{{
  __schema {{
    types {{
      kind name
      interfaces {{ name }}
      possibleTypes {{ name }}
      enumValues {{ name }}
      inputFields {{ name type {{ {TYPE_REF} }} }}
      fields {{ name type {{ {TYPE_REF} }} args {{ name type {{ {TYPE_REF} }} }} }}
    }}
  }}
}}
"""
KINDS = {
    "OBJECT": "object",
    "INTERFACE": "interface",
    "ENUM": "enum",
    "SCALAR": "scalar",
    "INPUT_OBJECT": "input",
}


def load_facts() -> dict[str, Any]:
    for path in (FACTS_COPY, SHARED_FACTS):
        if path.exists():
            facts: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return facts
    pytest.skip(f"Pleio's schema facts are in neither {FACTS_COPY} nor {SHARED_FACTS}")


def type_string(ref: dict[str, Any]) -> str:
    if ref["kind"] == "NON_NULL":
        return type_string(ref["ofType"]) + "!"
    if ref["kind"] == "LIST":
        return "[" + type_string(ref["ofType"]) + "]"
    return str(ref["name"])


@pytest.fixture
def local_types(api: GraphQL) -> dict[str, dict[str, Any]]:
    types = api.data(INTROSPECTION)["__schema"]["types"]
    return {t["name"]: t for t in types if not t["name"].startswith("__")}


def differences(local: dict[str, dict[str, Any]], facts: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for name, local_type in sorted(local.items()):
        pleio = facts.get(name)
        if pleio is None:
            found.append(f"type {name}: Pleio has no such type")
            continue
        kind = KINDS[local_type["kind"]]
        if pleio["kind"] != kind:
            found.append(f"type {name}: {kind} here, {pleio['kind']} in Pleio")
            continue
        if kind == "enum":
            extra = {v["name"] for v in local_type["enumValues"]} - set(pleio["values"])
            found += [f"enum {name}.{value}: not in Pleio" for value in sorted(extra)]
        if kind == "input":
            found += input_differences(name, local_type, pleio)
        if kind in ("object", "interface"):
            found += field_differences(name, local_type, pleio)
        for interface in local_type.get("interfaces") or []:
            if name not in facts["__implementations__"].get(interface["name"], []):
                found.append(f"type {name}: Pleio's does not implement {interface['name']}")
    return found


def input_differences(name: str, local_type: dict[str, Any], pleio: dict[str, Any]) -> list[str]:
    found: list[str] = []
    local_fields = {f["name"]: type_string(f["type"]) for f in local_type["inputFields"]}
    for field, type_ in local_fields.items():
        expected = pleio["fields"].get(field, {}).get("type")
        if expected != type_:
            found.append(f"input {name}.{field}: {type_} here, {expected or 'absent'} in Pleio")
    for field, spec in pleio["fields"].items():
        if spec["type"].endswith("!") and field not in local_fields:
            found.append(f"input {name}.{field}: required by Pleio, missing here")
    return found


def field_differences(name: str, local_type: dict[str, Any], pleio: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for field in local_type["fields"]:
        spec = pleio["fields"].get(field["name"])
        if spec is None:
            found.append(f"field {name}.{field['name']}: not in Pleio")
            continue
        if type_string(field["type"]) != spec["type"]:
            here = type_string(field["type"])
            found.append(f"field {name}.{field['name']}: {here} here, {spec['type']} in Pleio")
        for arg in field["args"]:
            expected = spec["args"].get(arg["name"])
            if type_string(arg["type"]) != expected:
                found.append(
                    f"argument {name}.{field['name']}({arg['name']}): "
                    f"{type_string(arg['type'])} here, {expected or 'absent'} in Pleio"
                )
    return found


def test_the_local_schema_is_a_subset_of_pleios(local_types: dict[str, dict[str, Any]]) -> None:
    assert differences(local_types, load_facts()) == []


def test_the_check_catches_an_invented_field_and_a_changed_nullability(
    local_types: dict[str, dict[str, Any]],
) -> None:
    facts = load_facts()
    blog = json.loads(json.dumps(local_types["Blog"]))
    blog["fields"].append(
        {"name": "starRating", "type": {"kind": "SCALAR", "name": "Int"}, "args": []}
    )
    title = next(f for f in blog["fields"] if f["name"] == "title")
    title["type"] = {"kind": "NON_NULL", "name": None, "ofType": title["type"]}
    found = differences({"Blog": blog}, facts)
    assert "field Blog.starRating: not in Pleio" in found
    assert "field Blog.title: String! here, String in Pleio" in found


def test_the_copy_of_the_facts_matches_the_shared_file() -> None:
    if not SHARED_FACTS.exists():
        pytest.skip(f"no shared facts at {SHARED_FACTS} to compare the copy with")
    assert json.loads(FACTS_COPY.read_text("utf-8")) == json.loads(SHARED_FACTS.read_text("utf-8"))
