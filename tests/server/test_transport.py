"""How /graphql answers at the HTTP level, as a Pleio site does."""

from __future__ import annotations

import time

import httpx
from site_graphql import GraphQL

from pleio_tui.server import LocalSite


def test_a_query_answers_json_with_data(api: GraphQL) -> None:
    response = api.post("{ site { name language } }")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"data": {"site": {"name": "Pleio lokaal", "language": "nl"}}}


def test_a_body_that_is_not_json_is_a_400(demo_site: LocalSite) -> None:
    form = httpx.post(f"{demo_site.url}/graphql", data={"query": "{ site { name } }"})
    assert form.status_code == 400
    assert "data" not in form.json()
    broken = httpx.post(
        f"{demo_site.url}/graphql",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert broken.status_code == 400


def test_variables_must_be_an_object(demo_site: LocalSite) -> None:
    response = httpx.post(
        f"{demo_site.url}/graphql", json={"query": "{ site { name } }", "variables": [1]}
    )
    assert response.status_code == 400


def test_a_missing_query_is_a_400(demo_site: LocalSite) -> None:
    response = httpx.post(f"{demo_site.url}/graphql", json={"variables": {}})
    assert response.status_code == 400
    assert "data" not in response.json()


def test_validation_and_parse_errors_are_400_without_data(api: GraphQL) -> None:
    unknown_field = api.post("{ site { name noSuchField } }")
    assert unknown_field.status_code == 400
    assert "data" not in unknown_field.json()
    assert unknown_field.json()["errors"]
    unparsable = api.post("{ site { name ")
    assert unparsable.status_code == 400
    assert "data" not in unparsable.json()


def test_a_resolver_error_is_200_with_null_data_and_a_path(api: GraphQL) -> None:
    response = api.post('mutation { joinGroup(input: {guid: "x"}) { group { guid } } }')
    assert response.status_code == 200
    payload = response.json()
    assert payload["data"] == {"joinGroup": None}
    assert payload["errors"][0]["message"] == "not_logged_in"
    assert payload["errors"][0]["path"] == ["joinGroup"]


def test_get_graphql_is_an_html_page_never_data(demo_site: LocalSite) -> None:
    response = httpx.get(f"{demo_site.url}/graphql", params={"query": "{ site { name } }"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '"data"' not in response.text


def test_an_unknown_entity_is_null_without_error(api: GraphQL) -> None:
    payload = api.post('{ entity(guid: "00000000-0000-4000-8000-000000000000") { guid } }').json()
    assert payload == {"data": {"entity": None}}


def test_any_host_header_is_served(demo_site: LocalSite) -> None:
    response = httpx.post(
        f"{demo_site.url}/graphql",
        json={"query": "{ site { name } }"},
        headers={"host": "pleio.example.nl"},
    )
    assert response.status_code == 200


def test_introspection_is_on(api: GraphQL) -> None:
    data = api.data('{ __type(name: "Blog") { fields { name } } }')
    names = {field["name"] for field in data["__type"]["fields"]}
    assert {"title", "richDescription", "commentCount", "canEdit"} <= names


def test_answers_on_a_kept_alive_connection_do_not_wait_for_a_delayed_ack(
    demo_site: LocalSite,
) -> None:
    # With Nagle's algorithm on, each answer after a connection's first waited
    # some 40 ms: twenty of them took most of a second.
    with httpx.Client(base_url=demo_site.url) as client:
        client.get("/graphql")
        started = time.perf_counter()
        for _ in range(20):
            assert client.get("/graphql").status_code == 200
        assert time.perf_counter() - started < 0.5
