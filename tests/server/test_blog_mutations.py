"""addEntity, editEntity and deleteEntity for blogs: defaults, access, refusals."""

from __future__ import annotations

import json

import pytest
from site_graphql import CLOSED_GROUP, OPEN_GROUP, SEED_GROUP, GraphQL

ADD = """
mutation($input: addEntityInput!) {
  addEntity(input: $input) {
    entity {
      guid
      ... on Blog { title accessId writeAccessId statusPublished timePublished timeUpdated
                    description url group { guid } owner { guid username } canEdit tags abstract }
    }
  }
}
"""
EDIT = """
mutation($input: editEntityInput!) {
  editEntity(input: $input) {
    entity {
      guid ... on Blog { title description abstract accessId timeUpdated timePublished tags }
    }
  }
}
"""
DELETE = "mutation($guid: String!) { deleteEntity(input: {guid: $guid}) { success } }"
READ = "query($guid: String) { entity(guid: $guid) { guid ... on Blog { title } } }"


def doc(text: str) -> str:
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    return json.dumps({"type": "doc", "content": [paragraph]})


def blog_input(group: str | None, **extra: object) -> dict[str, object]:
    return {
        "subtype": "blog",
        "title": "Een nieuw bericht",
        "richDescription": doc("Tekst van het bericht."),
        "containerGuid": group,
        **extra,
    }


def test_a_new_blog_is_private_unless_told_otherwise(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    group = api.group_guid(SEED_GROUP)
    blog = api.data(ADD, {"input": blog_input(group)}, hadewych)["addEntity"]["entity"]
    assert blog["accessId"] == 0 and blog["writeAccessId"] == 0
    assert blog["statusPublished"] == "published"
    # Pleio's tiptap_to_text: a top-level paragraph ends in a blank line.
    assert blog["description"] == "Tekst van het bericht.\n\n"
    assert blog["group"] == {"guid": group}
    # On Pleio a user's username is the user's guid, not a login name.
    owner = blog["owner"]
    assert owner["username"] == owner["guid"] == api.user_guid("hadewych")
    assert blog["url"].endswith(f"/blog/view/{blog['guid']}/een-nieuw-bericht")
    assert api.data(READ, {"guid": blog["guid"]}, hadewych)["entity"]["guid"] == blog["guid"]
    assert api.data(READ, {"guid": blog["guid"]}, jan_session)["entity"] is None


def test_the_group_default_access_reaches_logged_in_users(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    group = api.group_guid(SEED_GROUP)
    blog = api.data(
        ADD, {"input": blog_input(group, accessId=1, tags=["proef"], abstract="Kort")}, hadewych
    )["addEntity"]["entity"]
    assert (blog["accessId"], blog["tags"], blog["abstract"]) == (1, ["proef"], "Kort")
    assert (
        api.data(READ, {"guid": blog["guid"]}, jan_session)["entity"]["title"]
        == "Een nieuw bericht"
    )
    assert api.data(READ, {"guid": blog["guid"]})["entity"] is None


def test_a_closed_group_turns_public_access_into_group_access(api: GraphQL) -> None:
    marieke = api.site.login("marieke")
    group = api.group_guid(CLOSED_GROUP)
    blog = api.data(ADD, {"input": blog_input(group, accessId=2, writeAccessId=1)}, marieke)
    assert blog["addEntity"]["entity"]["accessId"] == 4
    assert blog["addEntity"]["entity"]["writeAccessId"] == 4


def test_posting_needs_membership_of_the_group(
    api: GraphQL, jan_session: str, admin_session: str
) -> None:
    group = api.group_guid(OPEN_GROUP)
    assert api.error(ADD, {"input": blog_input(group)}, jan_session) == "user_not_member_of_group"
    # Site admins may post anywhere.
    assert api.data(ADD, {"input": blog_input(group)}, admin_session)["addEntity"]["entity"]


def test_posting_outside_groups_needs_only_a_login(api: GraphQL, jan_session: str) -> None:
    blog = api.data(ADD, {"input": blog_input(None, accessId=2)}, jan_session)["addEntity"][
        "entity"
    ]
    assert blog["group"] is None
    assert blog["url"] == f"/blog/view/{blog['guid']}/een-nieuw-bericht"


@pytest.mark.parametrize(
    ("changes", "session_name", "code"),
    [
        ({}, None, "not_logged_in"),
        ({"title": "   "}, "hadewych", "invalid_value"),
        ({"title": "x" * 257}, "hadewych", "invalid_value"),
        ({"subtype": "poem"}, "hadewych", "invalid_subtype"),
        (
            {"containerGuid": "00000000-0000-4000-8000-000000000000"},
            "hadewych",
            "could_not_find_group",
        ),
    ],
)
def test_adding_a_blog_is_refused_with_pleio_codes(
    api: GraphQL, changes: dict[str, object], session_name: str | None, code: str
) -> None:
    session = api.site.login(session_name) if session_name else None
    blog = blog_input(api.group_guid(SEED_GROUP)) | changes
    assert api.error(ADD, {"input": blog}, session) == code


def test_a_title_is_trimmed_and_may_be_256_long(api: GraphQL, hadewych: str) -> None:
    long_title = "t" * 256
    blog = api.data(ADD, {"input": blog_input(None, title=f"  {long_title}  ")}, hadewych)
    assert blog["addEntity"]["entity"]["title"] == long_title


def test_an_explicit_null_time_published_makes_a_draft(api: GraphQL, hadewych: str) -> None:
    draft = api.data(ADD, {"input": blog_input(None, timePublished=None)}, hadewych)
    assert draft["addEntity"]["entity"]["statusPublished"] == "draft"
    assert draft["addEntity"]["entity"]["timePublished"] is None


def test_edit_changes_what_is_sent_and_leaves_the_rest(api: GraphQL, hadewych: str) -> None:
    added = api.data(ADD, {"input": blog_input(None, accessId=1, tags=["a"])}, hadewych)
    blog = added["addEntity"]["entity"]
    edited = api.data(
        EDIT, {"input": {"guid": blog["guid"], "richDescription": doc("Nieuwe tekst.")}}, hadewych
    )["editEntity"]["entity"]
    assert edited["title"] == "Een nieuw bericht"
    assert edited["description"] == "Nieuwe tekst.\n\n"
    assert edited["accessId"] == 1
    assert edited["tags"] == ["a"]
    assert edited["timeUpdated"] > blog["timeUpdated"]
    retitled = api.data(EDIT, {"input": {"guid": blog["guid"], "title": "Ander"}}, hadewych)
    assert retitled["editEntity"]["entity"]["title"] == "Ander"
    assert (
        api.error(EDIT, {"input": {"guid": blog["guid"], "title": ""}}, hadewych) == "invalid_value"
    )


def test_only_writers_may_edit_or_delete(
    api: GraphQL, hadewych: str, jan_session: str, admin_session: str
) -> None:
    blog = api.data(ADD, {"input": blog_input(None, accessId=1)}, hadewych)["addEntity"]["entity"]
    assert (
        api.error(EDIT, {"input": {"guid": blog["guid"], "title": "Van Jan"}}, jan_session)
        == "could_not_save"
    )
    assert api.error(DELETE, {"guid": blog["guid"]}, jan_session) == "could_not_save"
    assert api.error(EDIT, {"input": {"guid": blog["guid"], "title": "Anoniem"}}) == "not_logged_in"
    assert api.data(EDIT, {"input": {"guid": blog["guid"], "title": "Door admin"}}, admin_session)


def test_a_group_owner_may_edit_blogs_in_the_group(api: GraphQL, hadewych: str) -> None:
    marieke = api.site.login("marieke")
    group = api.group_guid(SEED_GROUP)
    blog = api.data(ADD, {"input": blog_input(group, accessId=1)}, marieke)["addEntity"]["entity"]
    assert api.data(EDIT, {"input": {"guid": blog["guid"], "title": "Nagekeken"}}, hadewych)


def test_delete_removes_the_blog(api: GraphQL, hadewych: str) -> None:
    blog = api.data(ADD, {"input": blog_input(None)}, hadewych)["addEntity"]["entity"]
    assert api.data(DELETE, {"guid": blog["guid"]}, hadewych) == {"deleteEntity": {"success": True}}
    assert api.data(READ, {"guid": blog["guid"]}, hadewych)["entity"] is None
    assert api.error(DELETE, {"guid": blog["guid"]}, hadewych) == "could_not_find"
