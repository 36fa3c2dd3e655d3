"""Where Pleio refuses and a kinder local site would hide a client bug: what vote,
bookmark, follow and attendEvent find, which attendance a maybe-less event takes,
and which titles and containers addEntity refuses."""

from __future__ import annotations

from site_graphql import OPEN_GROUP, SEED_BLOG, GraphQL
from test_content_kinds import ATTEND, BEST, doc

ADD = """
mutation($input: addEntityInput!) {
  addEntity(input: $input) { entity { guid ... on Event { enableMaybeAttendEvent } } }
}"""
COMMENT = """
mutation($guid: String, $text: SecureRichText) {
  addEntity(input: {subtype: "comment", containerGuid: $guid, richDescription: $text}) {
    entity { guid }
  }
}"""
VOTE = "mutation($guid: String!) { vote(input: {guid: $guid, score: 1}) { object { guid } } }"
BOOKMARK = """
mutation($guid: String!) { bookmark(input: {guid: $guid, isAdding: true}) { object { guid } } }"""
FOLLOW = """
mutation($guid: String!) { follow(input: {guid: $guid, isFollowing: true}) { object { guid } } }"""
ARCHIVE = "mutation($guid: String!) { toggleEntityArchived(guid: $guid) { success } }"
MARKS = (VOTE, BOOKMARK, FOLLOW)


def add(api: GraphQL, session: str, **fields: object) -> dict:
    fields = {"richDescription": doc("Tekst"), "accessId": 1, **fields}
    return api.data(ADD, {"input": fields}, session)["addEntity"]["entity"]


def test_bookmark_and_follow_take_content_only(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    comment = api.data(COMMENT, {"guid": blog, "text": doc("Hoi")}, hadewych)
    others = {
        "group": api.group_guid(OPEN_GROUP),
        "user": api.user_guid("hadewych"),
        "comment": comment["addEntity"]["entity"]["guid"],
    }
    for guid in others.values():
        assert api.error(BOOKMARK, {"guid": guid}, jan_session) == "could_not_find"
        assert api.error(FOLLOW, {"guid": guid}, jan_session) == "could_not_find"
    assert api.data(BOOKMARK, {"guid": blog}, jan_session)["bookmark"]["object"]["guid"] == blog


def test_drafts_and_archived_items_are_not_found(
    api: GraphQL, hadewych: str, jan_session: str, admin_session: str
) -> None:
    draft = add(api, hadewych, subtype="blog", title="Concept", timePublished=None)["guid"]
    for session in (hadewych, admin_session):  # not even its owner, nor an admin
        for mutation in MARKS:
            assert api.error(mutation, {"guid": draft}, session) == "could_not_find"
    event = add(api, hadewych, subtype="event", title="Borrel")["guid"]
    question = add(api, hadewych, subtype="question", title="Waarom?")["guid"]
    answer = api.data(COMMENT, {"guid": question, "text": doc("Daarom")}, jan_session)
    for guid in (event, question):
        assert api.data(ARCHIVE, {"guid": guid}, hadewych)["toggleEntityArchived"]["success"]
    for session in (jan_session, hadewych, admin_session):
        for mutation in MARKS:
            assert api.error(mutation, {"guid": event}, session) == "could_not_find"
        assert api.error(ATTEND, {"guid": event, "state": "accept"}, session) == "could_not_find"
    answer_guid = answer["addEntity"]["entity"]["guid"]
    assert api.error(BEST, {"guid": answer_guid}, hadewych) == "could_not_find"


def test_maybe_is_refused_where_the_event_does_not_offer_it(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    event = add(api, hadewych, subtype="event", title="Strak", enableMaybeAttendEvent=False)
    assert event["enableMaybeAttendEvent"] is False
    refused = api.error(ATTEND, {"guid": event["guid"], "state": "maybe"}, jan_session)
    assert refused == "event_invalid_state"
    going = api.data(ATTEND, {"guid": event["guid"], "state": "accept"}, jan_session)
    assert going["attendEvent"]["entity"]["isAttending"] == "accept"


def test_a_status_update_may_lack_a_title_but_not_send_an_empty_one(
    api: GraphQL, hadewych: str
) -> None:
    assert add(api, hadewych, subtype="statusupdate")["guid"]
    assert add(api, hadewych, subtype="statusupdate", title=None)["guid"]
    for title in ("", "   "):
        fields = {"subtype": "statusupdate", "title": title, "richDescription": doc("x")}
        assert api.error(ADD, {"input": fields}, hadewych) == "invalid_value"


def test_an_empty_container_guid_is_no_missing_one(api: GraphQL, hadewych: str) -> None:
    for subtype in ("blog", "discussion", "statusupdate"):
        fields = {"subtype": subtype, "title": "Hier", "richDescription": doc("x")}
        refused = api.error(ADD, {"input": {**fields, "containerGuid": ""}}, hadewych)
        assert refused == "['\u201c\u201d is not a valid UUID.']"
        assert add(api, hadewych, **fields, containerGuid=None)["guid"]
