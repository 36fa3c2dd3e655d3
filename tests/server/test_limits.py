"""What the site refuses to do for anyone: read huge or deeply nested bodies, run
queries that ask for more than a reader could, hand out lists without end."""

from __future__ import annotations

import json

import pytest
from graphql import OperationDefinitionNode, get_introspection_query, parse
from raw_http import raw_post
from site_graphql import GraphQL

from pleio_tui.api import queries
from pleio_tui.server import LocalSite, query_cost
from pleio_tui.server.limits import MAX_FORM_BODY, MAX_GRAPHQL_BODY, MAX_JSON_DEPTH
from pleio_tui.server.query_cost import (
    MAX_QUERY_COST,
    MAX_QUERY_DEPTH,
    MAX_QUERY_TOKENS,
    QueryCost,
)
from pleio_tui.sync.content_sync import CHANGES_PAGE_SIZE
from pleio_tui.sync.engine import BLOG_PAGE_SIZE

JSON = {"Content-Type": "application/json"}
ABUSIVE = (
    "{"
    + " ".join(f"a{n}: entities(limit: 100000) {{ total edges {{ guid }} }}" for n in range(20))
    + "}"
)


def test_a_body_announced_over_the_cap_is_refused_unread(demo_site: LocalSite) -> None:
    announced = {**JSON, "Content-Length": str(100 * 1024 * 1024)}

    answer = raw_post(f"{demo_site.url}/graphql", announced)

    assert answer.status == 413
    assert answer.headers["connection"] == "close"
    message = json.loads(answer.body)["errors"][0]["message"]
    assert str(MAX_GRAPHQL_BODY) in message


def test_a_chunked_body_is_read_only_up_to_the_cap(demo_site: LocalSite) -> None:
    chunk = b" " * (MAX_GRAPHQL_BODY + 1024)
    # No closing chunk: the site must answer without waiting for the rest.
    body = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"

    answer = raw_post(f"{demo_site.url}/graphql", {**JSON, "Transfer-Encoding": "chunked"}, body)

    assert answer.status == 413


def test_a_body_under_the_cap_is_served(api: GraphQL) -> None:
    padded = "{ site { name } }" + " " * (MAX_GRAPHQL_BODY - 1000)
    assert api.post(padded).status_code == 200


def test_a_login_body_over_its_small_cap_is_refused(demo_site: LocalSite) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    body = b"username=jan&password=" + b"x" * MAX_FORM_BODY

    answer = raw_post(f"{demo_site.url}/login", {**form, "Content-Length": str(len(body))}, body)

    assert answer.status == 413
    assert "set-cookie" not in answer.headers


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000,
        b'{"query": "{ site { name } }", "variables": {"v": '
        + b"[" * (MAX_JSON_DEPTH + 1)
        + b"]" * (MAX_JSON_DEPTH + 1)
        + b"}}",
    ],
    ids=["unclosed", "deep-variables"],
)
def test_deeply_nested_json_is_a_clean_400(demo_site: LocalSite, body: bytes) -> None:
    answer = raw_post(f"{demo_site.url}/graphql", {**JSON, "Content-Length": str(len(body))}, body)

    assert answer.status == 400
    assert "nested" in json.loads(answer.body)["errors"][0]["message"]


def test_a_variable_of_the_wrong_type_is_200_with_errors_as_on_pleio(api: GraphQL) -> None:
    # ariadne 0.15, which Pleio runs, answers every query that ran with 200.
    response = api.post("query($n: Int) { entities(limit: $n) { total } }", {"n": "many"})

    assert response.status_code == 200
    payload = response.json()
    assert payload["data"] is None
    assert "$n" in payload["errors"][0]["message"]
    assert "path" not in payload["errors"][0]


def test_a_missing_required_variable_is_200_with_errors(api: GraphQL) -> None:
    response = api.post("query($guid: String!) { entity(guid: $guid) { guid } }", {})
    assert response.status_code == 200
    assert response.json()["data"] is None


def test_an_abusive_query_is_refused_before_it_runs(api: GraphQL) -> None:
    response = api.post(ABUSIVE)

    assert response.status_code == 400
    payload = response.json()
    assert "data" not in payload
    assert f"cost is over {MAX_QUERY_COST}" in payload["errors"][0]["message"]


def test_limits_given_as_variables_count_too(api: GraphQL) -> None:
    query = "query($n: Int) { " + ABUSIVE[1:].replace("100000", "$n")
    response = api.post(query, {"n": 100000})
    assert response.status_code == 400
    assert "cost" in response.json()["errors"][0]["message"]


def test_a_query_nested_too_deeply_is_refused(api: GraphQL) -> None:
    inner = "name"
    for _ in range(MAX_QUERY_DEPTH):
        inner = f"ofType {{ {inner} }}"
    response = api.post(f'{{ __type(name: "Blog") {{ {inner} }} }}')
    assert response.status_code == 400
    assert "nested too deeply" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    "query",
    ["{ site { name } }" + " site" * MAX_QUERY_TOKENS, "{ site " * 1500 + "}" * 1500],
    ids=["too-many-tokens", "deeper-than-python-recurses"],
)
def test_a_query_too_long_or_deep_to_parse_is_refused(api: GraphQL, query: str) -> None:
    response = api.post(query)
    assert response.status_code == 400
    assert "data" not in response.json()


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ('{ entities(subtype: "blog", limit: 100000) { total edges { guid } } }', None),
        ("query($n: Int) { entities(limit: $n) { total edges { guid } } }", {"n": 100000}),
        ("query($n: Int) { entities(limit: $n) { total edges { guid } } }", {"n": 1e5}),
        ("query($n: Int = 100000) { entities(limit: $n) { total edges { guid } } }", None),
    ],
    ids=["written", "variable", "float-variable", "default"],
)
def test_a_list_gives_at_most_the_cap(
    api: GraphQL,
    monkeypatch: pytest.MonkeyPatch,
    query: str,
    variables: dict[str, object] | None,
) -> None:
    # The site runs in this process: a small cap stands for the real one.
    monkeypatch.setattr(query_cost, "MAX_LIST_LIMIT", 3)
    page = api.data(query, variables)
    assert len(page["entities"]["edges"]) == 3
    assert page["entities"]["total"] > 3


@pytest.mark.parametrize("variables", [{"n": 100000.0}, None], ids=["float", "default"])
def test_limits_count_however_they_are_given(
    api: GraphQL, variables: dict[str, object] | None
) -> None:
    declared = "$n: Int" if variables else "$n: Int = 100000"
    query = f"query({declared}) {{ " + ABUSIVE[1:].replace("100000", "$n")
    response = api.post(query, variables)
    assert response.status_code == 400
    assert "cost" in response.json()["errors"][0]["message"]


def _client_documents() -> dict[str, str]:
    found = {
        name: text
        for name, text in vars(queries).items()
        if name[:1].isalpha() and name.isupper() and isinstance(text, str) and "{" in text
    }
    return {**found, "INTROSPECTION": get_introspection_query()}


@pytest.mark.parametrize("name", sorted(_client_documents()))
def test_every_query_of_the_client_fits_with_room_to_spare(name: str) -> None:
    document = parse(_client_documents()[name])
    fragments = {d.name.value: d for d in document.definitions if hasattr(d, "type_condition")}
    for operation in document.definitions:
        if isinstance(operation, OperationDefinitionNode):
            # The client pages by at most 500 (blog guids); the kinds beside blogs,
            # whose fragments are many, by at most a sync's page (two lists of
            # CHANGES_PAGE_SIZE for the changes).
            limit = {"CONTENT_PAGE": BLOG_PAGE_SIZE, "CONTENT_CHANGES": CHANGES_PAGE_SIZE}
            measured = QueryCost(fragments, {"limit": limit.get(name, 500)})
            measured.measure(operation)
            assert measured.cost <= MAX_QUERY_COST
            assert measured.depth <= MAX_QUERY_DEPTH
