"""The sync's own documents validate against Pleio's schema (rebuilt from the
facts kept beside the API client's tests), not only against the local site."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from graphql import build_schema, parse, validate

from pleio_tui.sync import listing

API_TESTS = Path(__file__).parents[1] / "api"


def _pleio_schema_sdl() -> str:
    spec = importlib.util.spec_from_file_location(
        "pleio_schema_check", API_TESTS / "test_queries_valid.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    facts = json.loads((API_TESTS / "pleio-schema-facts.json").read_text(encoding="utf-8"))
    sdl: str = module.pleio_schema_sdl(facts)
    return sdl


@pytest.mark.parametrize("name", ["BLOGS_WITH_THREADS", "BLOG_GUIDS", "THREAD"])
def test_the_document_is_valid_against_pleio(name: str) -> None:
    schema = build_schema(_pleio_schema_sdl())
    errors = validate(schema, parse(getattr(listing, name)))
    assert errors == [], [error.message for error in errors]
