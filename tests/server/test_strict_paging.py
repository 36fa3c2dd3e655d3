"""Paging as Pleio cuts its lists (`queryset[offset:offset + limit]`): an explicit
null or a negative bound is an error, not a default; and `bookmarks` counts the
bookmarks of deleted items, answering null for them."""

from __future__ import annotations

from site_graphql import GraphQL
from test_content_kinds import doc

LISTS = {
    "entities": "entities(offset: $o, limit: $l) { total edges { guid } }",
    "activities": "activities(offset: $o, limit: $l) { total edges { guid } }",
    "groups": "groups(offset: $o, limit: $l) { total edges { guid } }",
    "bookmarks": "bookmarks(offset: $o, limit: $l) { total edges { guid } }",
}
NONE_PLUS_INT = "unsupported operand type(s) for +: 'NoneType' and 'int'"
INT_PLUS_NONE = "unsupported operand type(s) for +: 'int' and 'NoneType'"
NEGATIVE = "Negative indexing is not supported."


def listing(api: GraphQL, name: str, session: str, **bounds: int | None) -> dict:
    query = f"query($o: Int, $l: Int) {{ {LISTS[name]} }}"
    return api.post(query, bounds, session).json()


def test_null_and_negative_bounds_fail_as_on_pleio(api: GraphQL, jan_session: str) -> None:
    for name in LISTS:
        cases = {
            NONE_PLUS_INT: {"o": None, "l": 5},
            INT_PLUS_NONE: {"o": 0, "l": None},
            NEGATIVE: {"o": -1, "l": 5},
        }
        for message, bounds in cases.items():
            answer = listing(api, name, jan_session, **bounds)
            assert answer["data"] == {name: None}, (name, bounds)
            assert answer["errors"][0]["message"] == message
        assert listing(api, name, jan_session, o=0, l=-2)["errors"][0]["message"] == NEGATIVE
        # Django slices [3:1], and PostgreSQL refuses the LIMIT -2 it is sent.
        refused = listing(api, name, jan_session, o=3, l=-2)
        assert refused["errors"][0]["message"] == "LIMIT must not be negative"
        # Left out, the bounds are Pleio's defaults.
        unbounded = LISTS[name].replace("(offset: $o, limit: $l)", "")
        assert "errors" not in api.post(f"{{ {unbounded} }}", session=jan_session).json()


def test_my_groups_need_a_session(api: GraphQL) -> None:
    answer = api.post("{ groups(filter: mine) { total } }").json()
    assert answer["data"] == {"groups": None}
    assert answer["errors"][0]["message"] == (
        "'AnonymousUser' object has no attribute 'memberships'"
    )


def test_a_deleted_bookmark_still_counts_as_a_null_edge(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    add = """mutation($i: addEntityInput!) { addEntity(input: $i) { entity { guid } } }"""
    fields = {"subtype": "blog", "richDescription": doc("x"), "accessId": 1}
    guids = [
        api.data(add, {"i": {**fields, "title": title}}, hadewych)["addEntity"]["entity"]["guid"]
        for title in ("Blijft", "Gaat weg")
    ]
    mark = (
        "mutation($g: String!) { bookmark(input: {guid: $g, isAdding: true}) { object { guid } } }"
    )
    for guid in guids:
        api.data(mark, {"g": guid}, jan_session)
    delete = "mutation($g: String!) { deleteEntity(input: {guid: $g}) { success } }"
    assert api.data(delete, {"g": guids[1]}, hadewych)["deleteEntity"]["success"] is True
    marked = api.data("{ bookmarks { total edges { guid } } }", session=jan_session)["bookmarks"]
    assert marked["total"] == 2
    assert sorted(marked["edges"], key=lambda e: e is None) == [{"guid": guids[0]}, None]
