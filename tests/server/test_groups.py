"""Joining and leaving groups, and what a closed group hides from outsiders."""

from __future__ import annotations

from site_graphql import CLOSED_GROUP, OPEN_GROUP, SEED_GROUP, GraphQL

JOIN = """
mutation($guid: String) {
  joinGroup(input: {guid: $guid}) { group { guid membership memberRole memberCount } }
}
"""
LEAVE = """
mutation($guid: String) {
  leaveGroup(input: {guid: $guid}) { group { membership memberRole } }
}
"""
BLOGS = (
    'query($g: String) { entities(subtype: "blog", containerGuid: $g) { total edges { guid } } }'
)


def test_joining_an_open_group_is_immediate(api: GraphQL, jan_session: str) -> None:
    group = api.group_guid(OPEN_GROUP)
    joined = api.data(JOIN, {"guid": group}, jan_session)["joinGroup"]["group"]
    assert joined == {
        "guid": group,
        "membership": "joined",
        "memberRole": "member",
        "memberCount": 4,
    }
    assert api.error(JOIN, {"guid": group}, jan_session) == "already_member_of_group"
    mine = api.data("{ groups(filter: mine) { edges { guid } } }", session=jan_session)
    assert mine["groups"]["edges"] == [{"guid": group}]


def test_joining_a_group_on_request_waits_for_the_owner(api: GraphQL, jan_session: str) -> None:
    group = api.group_guid(CLOSED_GROUP)
    requested = api.data(JOIN, {"guid": group}, jan_session)["joinGroup"]["group"]
    assert requested["membership"] == "requested"
    assert requested["memberRole"] == "pending"
    assert requested["memberCount"] == 2
    # A pending member still sees nothing of the closed group: Pleio's read access
    # filter finds no such entity for him.
    assert api.data(
        "query($g: String) { entity(guid: $g) { guid } }",
        {"g": api.blog_guid_in_closed_group()},
        jan_session,
    ) == {"entity": None}


def test_a_site_admin_joins_a_closed_group_at_once(api: GraphQL, admin_session: str) -> None:
    group = api.group_guid(CLOSED_GROUP)
    joined = api.data(JOIN, {"guid": group}, admin_session)["joinGroup"]["group"]
    assert joined["membership"] == "joined"


def test_join_and_leave_refusals(api: GraphQL, hadewych: str, jan_session: str) -> None:
    group = api.group_guid(SEED_GROUP)
    assert api.error(JOIN, {"guid": group}) == "not_logged_in"
    assert (
        api.error(JOIN, {"guid": "00000000-0000-4000-8000-000000000000"}, jan_session)
        == "could_not_find"
    )
    assert api.error(LEAVE, {"guid": group}, jan_session) == "user_not_member_of_group"
    assert api.error(JOIN, {"guid": group}, hadewych) == "already_member_of_group"


def test_leaving_a_group(api: GraphQL, hadewych: str) -> None:
    group = api.group_guid(OPEN_GROUP)
    left = api.data(LEAVE, {"guid": group}, hadewych)["leaveGroup"]["group"]
    assert left == {"membership": "not_joined", "memberRole": None}
    # Without membership, no more posting there.
    add = """
    mutation($g: String) {
      addEntity(input: {subtype: "blog", title: "Nog één", containerGuid: $g}) { entity { guid } }
    }"""
    assert api.error(add, {"g": group}, hadewych) == "user_not_member_of_group"


def test_a_closed_group_hides_its_content_from_outsiders(
    api: GraphQL, hadewych: str, admin_session: str
) -> None:
    group = api.group_guid(CLOSED_GROUP)
    fatima = api.site.login("fatima")
    inside = api.data(BLOGS, {"g": group}, fatima)["entities"]
    assert inside["total"] == 2
    assert api.data(BLOGS, {"g": group}, hadewych)["entities"] == {"total": 0, "edges": []}
    assert api.data(BLOGS, {"g": group})["entities"]["total"] == 0
    assert api.data(BLOGS, {"g": group}, admin_session)["entities"]["total"] == 2
    blog = inside["edges"][0]["guid"]
    query = "query($g: String) { entity(guid: $g) { guid } }"
    # Group access keeps it from outsiders: Pleio answers as if there were no such blog.
    assert api.data(query, {"g": blog}, hadewych) == {"entity": None}
    assert api.data(query, {"g": blog}) == {"entity": None}
    assert api.data(query, {"g": blog}, fatima)["entity"] == {"guid": blog}
    # The group itself is listed and can be looked at, so that one can ask to join.
    assert api.data(query, {"g": group}, hadewych)["entity"] == {"guid": group}
