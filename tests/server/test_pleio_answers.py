"""Answers of the local site checked against what Pleio's backend2 answers, read
from its code and tests: coercion errors, SecureRichText, the derived description,
the username, the site guid, the abstract limit, ordering by start date."""

from __future__ import annotations

import json
from typing import Any

from site_graphql import SEED_GROUP, GraphQL

ADD = """
mutation($input: addEntityInput!) {
  addEntity(input: $input) { entity { guid ... on Blog { description excerpt abstract } } }
}
"""
EDIT = """
mutation($input: editEntityInput!) {
  editEntity(input: $input) { entity { guid ... on Blog { abstract } } }
}
"""


def text(value: str, marks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "text", "text": value}
    if marks:
        node["marks"] = marks
    return node


def paragraph(*inline: dict[str, Any]) -> dict[str, Any]:
    return {"type": "paragraph", "content": list(inline)}


def doc(*blocks: dict[str, Any]) -> str:
    return json.dumps({"type": "doc", "content": list(blocks)})


def add_blog(api: GraphQL, session: str, rich: str, **extra: object) -> Any:
    group = api.group_guid(SEED_GROUP)
    variables = {
        "input": {
            "subtype": "blog",
            "title": "Proef",
            "richDescription": rich,
            "containerGuid": group,
            **extra,
        }
    }
    return api.post(ADD, variables, session)


# --- ariadne 0.15 (as backend2 pins it): executed requests answer 200 ---


def test_a_variable_that_does_not_coerce_is_answered_with_200_and_errors(
    api: GraphQL,
) -> None:
    query = "query($limit: Int) { entities(limit: $limit) { total } }"
    response = api.post(query, {"limit": "veel"})
    assert response.status_code == 200
    payload = response.json()
    assert payload["data"] is None
    assert "Int cannot represent non-integer value" in payload["errors"][0]["message"]


def test_a_missing_required_input_field_is_answered_with_200(api: GraphQL, hadewych: str) -> None:
    response = api.post(ADD, {"input": {"title": "Zonder subtype"}}, hadewych)
    assert response.status_code == 200
    assert response.json()["data"] is None


def test_a_query_that_does_not_validate_is_still_400(api: GraphQL) -> None:
    assert api.post("{ viewer { starRating } }").status_code == 400
    assert api.post("{ viewer ").status_code == 400


# --- SecureRichText: core/resolvers/scalar.py and core/utils/tiptap_parser.py ---

EXTERNAL = "https://example.com/kat.png"


def test_a_top_level_image_from_another_host_is_refused(api: GraphQL, hadewych: str) -> None:
    rich = doc({"type": "image", "attrs": {"src": EXTERNAL}})
    response = add_blog(api, hadewych, rich)
    assert response.status_code == 200
    payload = response.json()
    assert payload["data"] is None
    # The wording around it is graphql-core's, which differs between versions.
    message = payload["errors"][0]["message"]
    assert message.startswith("Variable '$input'")
    assert "SecureRichText" in message
    assert f"['Invalid external file or image URL: {EXTERNAL}']" in message


def test_a_top_level_file_from_another_host_is_refused(api: GraphQL, hadewych: str) -> None:
    rich = doc({"type": "file", "attrs": {"url": "https://example.com/notulen.pdf"}})
    assert add_blog(api, hadewych, rich).json()["data"] is None


def test_attachments_on_the_site_itself_pass(api: GraphQL, hadewych: str) -> None:
    own_host = api.site.url.split("://", 1)[1].rstrip("/")
    for rich in (
        doc({"type": "image", "attrs": {"src": "/attachment/entity/1234"}}),
        doc({"type": "image", "attrs": {"src": "geen/voorloop/slash"}}),
        doc({"type": "file", "attrs": {"url": f"http://{own_host}/file/download/1"}}),
    ):
        payload = add_blog(api, hadewych, rich).json()
        assert "errors" not in payload, payload


def test_only_the_top_level_is_looked_at(api: GraphQL, hadewych: str) -> None:
    """Pleio's check walks `content` of the doc alone: an image inline in a
    paragraph, or a figure, is let through whatever its host."""
    inline = paragraph(text("Zie "), {"type": "image", "attrs": {"src": EXTERNAL}})
    figure = {"type": "figure", "attrs": {"src": EXTERNAL, "caption": "Kat"}}
    payload = add_blog(api, hadewych, doc(inline, figure)).json()
    assert "errors" not in payload, payload


def test_text_that_is_not_json_passes_as_it_is(api: GraphQL, hadewych: str) -> None:
    payload = add_blog(api, hadewych, "gewoon tekst").json()
    assert "errors" not in payload, payload


def test_a_comment_is_checked_too(api: GraphQL, hadewych: str) -> None:
    blog = add_blog(api, hadewych, doc(paragraph(text("x")))).json()
    guid = blog["data"]["addEntity"]["entity"]["guid"]
    comment = {
        "subtype": "comment",
        "containerGuid": guid,
        "richDescription": doc({"type": "image", "attrs": {"src": EXTERNAL}}),
    }
    assert api.post(ADD, {"input": comment}, hadewych).json()["data"] is None


# --- description: core/utils/convert.py tiptap_to_text ---


def test_the_description_follows_pleios_tiptap_to_text(api: GraphQL, hadewych: str) -> None:
    cell = lambda kind, value: {"type": kind, "content": [paragraph(text(value))]}  # noqa: E731
    table = {
        "type": "table",
        "content": [
            {"type": "tableRow", "content": [cell("tableHeader", "a"), cell("tableHeader", "b")]},
            {"type": "tableRow", "content": [cell("tableCell", "1"), cell("tableCell", "2")]},
        ],
    }
    mention = {"type": "mention", "attrs": {"id": "x", "label": "Jan"}}
    rich = doc(
        paragraph(text("Hallo "), mention, {"type": "hardBreak"}, text("vet", [{"type": "bold"}])),
        table,
        {
            "type": "bulletList",
            "content": [{"type": "listItem", "content": [paragraph(text("i"))]}],
        },
    )
    blog = add_blog(api, hadewych, rich).json()["data"]["addEntity"]["entity"]
    # A node: its children's text, then a newline; a top-level node: one more.
    expected_table = "a\n\nb\n\n\n1\n\n2\n\n\n\n"
    assert blog["description"] == "Hallo @Jan\nvet\n\n" + expected_table + "\n" + "i\n\n\n\n"
    assert blog["excerpt"] == "Hallo @Jan vet a b 1 2 i"


# --- users and the site ---


def test_a_username_is_the_users_guid(api: GraphQL, hadewych: str) -> None:
    me = api.user_guid("hadewych")
    query = "query($u: String) { entity(username: $u) { guid ... on User { username } } }"
    assert api.data(query, {"u": me}, hadewych)["entity"] == {"guid": me, "username": me}
    assert api.data(query, {"u": "hadewych"}, hadewych)["entity"] is None


def test_the_site_guid_is_1(api: GraphQL) -> None:
    assert api.data("{ site { guid } }")["site"]["guid"] == "1"


# --- blog/tests/test_resolve_edit_entity.py: TEXT_TOO_LONG over 320 characters ---


def test_an_abstract_over_320_characters_is_text_too_long(api: GraphQL, hadewych: str) -> None:
    group = api.group_guid(SEED_GROUP)
    rich = doc(paragraph(text("x")))
    too_long = {"subtype": "blog", "title": "T", "richDescription": rich, "containerGuid": group}
    assert api.error(ADD, {"input": {**too_long, "abstract": "x" * 321}}, hadewych) == (
        "text_too_long"
    )
    fits = api.data(ADD, {"input": {**too_long, "abstract": "x" * 320}}, hadewych)
    guid = fits["addEntity"]["entity"]["guid"]
    edit = {"guid": guid, "abstract": "x" * 321}
    assert api.error(EDIT, {"input": edit}, hadewych) == "text_too_long"
    # Counted as text: markup is not.
    edit = {"guid": guid, "abstract": "<p>" + "x" * 320 + "</p>"}
    assert api.data(EDIT, {"input": edit}, hadewych)["editEntity"]["entity"]["guid"] == guid


# --- core/resolvers/query_entities.py: startDate is for events ---


def test_ordering_blogs_by_start_date_is_refused(api: GraphQL) -> None:
    query = '{ entities(subtype: "blog", orderBy: startDate) { total } }'
    assert api.error(query) == "order_by_start_date_is_only_for_events"


# --- blog/tests/test_resolve_edit_entity.py: timeCreated is for admins ---


def test_only_an_admin_moves_the_creation_time(
    api: GraphQL, hadewych: str, admin_session: str
) -> None:
    edit = """
    mutation($input: editEntityInput!) {
      editEntity(input: $input) { entity { guid ... on Blog { timeCreated } } }
    }"""
    blog = add_blog(api, hadewych, doc(paragraph(text("x")))).json()["data"]["addEntity"]
    guid = blog["entity"]["guid"]
    moved = {"guid": guid, "timeCreated": "2018-12-10T23:00:00.000Z"}
    by_owner = api.data(edit, {"input": moved}, hadewych)["editEntity"]["entity"]
    assert not by_owner["timeCreated"].startswith("2018")
    by_admin = api.data(edit, {"input": moved}, admin_session)["editEntity"]["entity"]
    assert by_admin["timeCreated"] == "2018-12-10T23:00:00.000000+00:00"
