"""Comments and replies through addEntity: two levels, newest first, lastAction."""

from __future__ import annotations

import json

from site_graphql import CLOSED_GROUP, OPEN_GROUP, SEED_BLOG, GraphQL

COMMENT = """
mutation($container: String, $text: SecureRichText) {
  addEntity(input: {subtype: "comment", containerGuid: $container, richDescription: $text}) {
    entity { guid ... on Comment { description owner { guid username } ownerName canEdit canComment
                                   commentCount comments { guid } timeCreated } }
  }
}
"""
THREAD = """
query($guid: String) {
  entity(guid: $guid) {
    ... on Blog {
      commentCount timeUpdated
      comments { guid description timeCreated canComment commentCount
                 comments { guid description canComment commentCount comments { guid } } }
    }
  }
}
"""
LAST_ACTION_ORDER = """
query($group: String) {
  entities(subtype: "blog", containerGuid: $group, orderBy: lastAction) {
    edges { guid }
  }
}
"""


def doc(text: str) -> str:
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    return json.dumps({"type": "doc", "content": [paragraph]})


def comment(api: GraphQL, container: str, text: str, session: str) -> dict[str, object]:
    return api.data(COMMENT, {"container": container, "text": doc(text)}, session)["addEntity"][
        "entity"
    ]


def test_a_comment_and_a_reply_make_a_thread(api: GraphQL, hadewych: str) -> None:
    blog = api.blog_guid("Open data zonder gebruikers is een etalage zonder winkel", hadewych)
    before = api.data(THREAD, {"guid": blog}, hadewych)["entity"]
    first = comment(api, blog, "Eerste reactie", hadewych)
    assert first["description"] == "Eerste reactie\n\n"
    assert first["owner"]["username"] == first["owner"]["guid"] == api.user_guid("hadewych")
    assert first["ownerName"] == "Hadewych"
    assert (first["canEdit"], first["canComment"], first["commentCount"]) == (True, True, 0)
    reply = comment(api, str(first["guid"]), "Een antwoord", hadewych)
    assert reply["canComment"] is False
    after = api.data(THREAD, {"guid": blog}, hadewych)["entity"]
    assert after["commentCount"] == before["commentCount"] + 2
    newest = after["comments"][0]
    assert newest["guid"] == first["guid"]
    assert newest["commentCount"] == 1
    assert newest["comments"] == [
        {
            "guid": reply["guid"],
            "description": "Een antwoord\n\n",
            "canComment": False,
            "commentCount": 0,
            "comments": [],
        }
    ]
    created = [c["timeCreated"] for c in after["comments"]]
    assert created == sorted(created, reverse=True)
    # Commenting is activity on the blog, not an edit of it.
    assert after["timeUpdated"] == before["timeUpdated"]


def test_a_comment_moves_the_blog_up_in_last_action_order(api: GraphQL, hadewych: str) -> None:
    group = api.group_guid(OPEN_GROUP)
    old_blog = api.blog_guid("Een jaar Woo: wat we leerden van actieve openbaarmaking", hadewych)
    before = [
        b["guid"]
        for b in api.data(LAST_ACTION_ORDER, {"group": group}, hadewych)["entities"]["edges"]
    ]
    assert before[0] != old_blog
    comment(api, old_blog, "Nog een vraag", hadewych)
    after = [
        b["guid"]
        for b in api.data(LAST_ACTION_ORDER, {"group": group}, hadewych)["entities"]["edges"]
    ]
    assert after[0] == old_blog


def test_a_reply_to_a_reply_is_refused(api: GraphQL, hadewych: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    top = comment(api, blog, "Boven", hadewych)
    reply = comment(api, str(top["guid"]), "Onder", hadewych)
    code = api.error(COMMENT, {"container": reply["guid"], "text": doc("Te diep")}, hadewych)
    assert code == "could_not_add"


def test_comment_refusals_use_pleio_codes(api: GraphQL, hadewych: str, jan_session: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    text = doc("Hallo")
    assert api.error(COMMENT, {"container": blog, "text": text}) == "not_logged_in"
    assert api.error(COMMENT, {"container": None, "text": text}, hadewych) == "NO_CONTAINER_GUID"
    unknown = "00000000-0000-4000-8000-000000000000"
    assert api.error(COMMENT, {"container": unknown, "text": text}, hadewych) == "could_not_find"
    # Only missing or null is "no container": Pleio looks "" up as a UUID, and fails.
    empty = api.error(COMMENT, {"container": "", "text": text}, hadewych)
    assert empty == "['\u201c\u201d is not a valid UUID.']"
    # Group content takes comments from members only: Pleio's can_comment says no.
    assert api.error(COMMENT, {"container": blog, "text": text}, jan_session) == "could_not_add"
    # A group is no content: Pleio does not find it among entities or comments.
    group = api.group_guid(OPEN_GROUP)
    assert api.error(COMMENT, {"container": group, "text": text}, hadewych) == "could_not_find"


def test_can_comment_follows_membership(api: GraphQL, hadewych: str, jan_session: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    query = (
        "query($g: String) { entity(guid: $g) {"
        " ... on Blog { canComment comments { canComment } } } }"
    )
    as_jan = api.data(query, {"g": blog}, jan_session)["entity"]
    assert as_jan["canComment"] is False
    assert {c["canComment"] for c in as_jan["comments"]} == {False}
    assert api.data(query, {"g": blog}, hadewych)["entity"]["canComment"] is True


def test_commenting_outside_groups_needs_only_a_login(api: GraphQL, jan_session: str) -> None:
    blog = api.blog_guid("Welkom op dit Pleio-platform", jan_session)
    owner = comment(api, blog, "Dank!", jan_session)["owner"]
    assert owner["username"] == owner["guid"] == api.user_guid("jan")


def test_a_comment_in_a_closed_group_is_refused_to_outsiders(api: GraphQL, hadewych: str) -> None:
    """Pleio finds the blog whoever asks and refuses the comment (`could_not_add`),
    not with `could_not_find` or `user_not_member_of_group`."""
    fatima = api.site.login("fatima")
    blog = api.blog_guid("Ervaringen met het Digitaal Stelsel Omgevingswet na de invoering", fatima)
    assert api.group_guid(CLOSED_GROUP)
    code = api.error(COMMENT, {"container": blog, "text": doc("Mag ik?")}, hadewych)
    assert code == "could_not_add"


def test_edit_and_delete_a_comment(api: GraphQL, hadewych: str, jan_session: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    mine = comment(api, blog, "Typfout", hadewych)
    edit = """
    mutation($guid: String!, $text: SecureRichText) {
      editEntity(input: {guid: $guid, richDescription: $text}) {
        entity { ... on Comment { description timeUpdated } }
      }
    }"""
    edited = api.data(edit, {"guid": mine["guid"], "text": doc("Verbeterd")}, hadewych)
    assert edited["editEntity"]["entity"]["description"] == "Verbeterd\n\n"
    assert (
        api.error(edit, {"guid": mine["guid"], "text": doc("Van Jan")}, jan_session)
        == "could_not_save"
    )
    delete = "mutation($guid: String!) { deleteEntity(input: {guid: $guid}) { success } }"
    assert api.error(delete, {"guid": mine["guid"]}, jan_session) == "could_not_save"
    count_before = api.data(THREAD, {"guid": blog}, hadewych)["entity"]["commentCount"]
    assert api.data(delete, {"guid": mine["guid"]}, hadewych)["deleteEntity"]["success"] is True
    assert api.data(THREAD, {"guid": blog}, hadewych)["entity"]["commentCount"] == count_before - 1
