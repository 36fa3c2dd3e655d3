"""Discussions, questions, news, events, wiki pages, status updates, files and
folders on the local site, with Pleio's names, shapes and access rules, and the
activity stream over all of them."""

from __future__ import annotations

import json

import httpx
from site_graphql import CLOSED_GROUP, OPEN_GROUP, SEED_GROUP, GraphQL

from pleio_tui.server import LocalSite

STREAM = """
query($group: String, $subtypes: [String]) {
  activities(containerGuid: $group, subtypes: $subtypes, limit: 50) {
    total
    edges { guid type entity { guid ... on Discussion { subtype title }
      ... on Question { subtype title } ... on Event { subtype title }
      ... on Wiki { subtype title } ... on StatusUpdate { subtype description }
      ... on File { subtype title } ... on Folder { subtype title }
      ... on Blog { subtype title } ... on News { subtype title } } }
  }
}
"""
QUESTION = """
query($guid: String) {
  entity(guid: $guid) {
    ... on Question { title isClosed canClose canChooseBestAnswer isLocked url commentCount
      comments { guid isBestAnswer description owner { name } } }
  }
}
"""
EVENT = """
query($guid: String) {
  entity(guid: $guid) {
    ... on Event { title startDate endDate location locationLink isAttending
                   enableMaybeAttendEvent url canComment }
  }
}
"""
WIKI = """
query($guid: String) {
  entity(guid: $guid) {
    ... on Wiki { title hasChildren parent { guid title } children { guid title } url }
  }
}
"""
FILE = """
query($guid: String) {
  entity(guid: $guid) {
    ... on File { title size mimeType download parentFolder { guid title hasChildren } url }
  }
}
"""
ADD = """
mutation($input: addEntityInput!) {
  addEntity(input: $input) { entity { guid ... on Discussion { subtype title group { name } }
    ... on Question { subtype isClosed } ... on StatusUpdate { subtype title description }
    ... on Event { subtype startDate endDate location } ... on Wiki { parent { guid } } } }
}
"""
ATTEND = """
mutation($guid: String, $state: String) {
  attendEvent(input: {guid: $guid, state: $state}) { entity { guid isAttending } }
}
"""
BEST = """
mutation($guid: String) {
  toggleBestAnswer(input: {guid: $guid}) { entity { guid comments { guid isBestAnswer } } }
}
"""
CLOSE = "mutation($guid: String) { toggleIsClosed(input: {guid: $guid}) { entity { isClosed } } }"


def doc(text: str) -> str:
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    return json.dumps({"type": "doc", "content": [paragraph]})


def stream(api: GraphQL, session: str | None, group: str | None = None, **more: object) -> list:
    variables = {"group": group, **more}
    return api.data(STREAM, variables, session)["activities"]["edges"]


def first_of(api: GraphQL, session: str, subtype: str, group: str | None = None) -> dict:
    edges = stream(api, session, group, subtypes=[subtype])
    return edges[0]["entity"]


def test_the_seed_group_streams_every_kind_newest_first(api: GraphQL, hadewych: str) -> None:
    edges = stream(api, hadewych, api.group_guid(SEED_GROUP))
    kinds = [edge["entity"]["subtype"] for edge in edges]
    for kind in ("discussion", "question", "event", "wiki", "statusupdate", "blog"):
        assert kind in kinds
    # As on Pleio, files and folders are in the group's files, not in its stream.
    assert "file" not in kinds and "folder" not in kinds
    assert kinds[0] == "event"  # created a day ago, the newest
    assert all(edge["type"] == "create" for edge in edges)
    # entities keeps to blogs when asked for blogs, as the client asks
    blogs = api.data(
        '{ entities(subtype: "blog", limit: 100) { edges { ... on Blog { subtype } } } }',
        session=hadewych,
    )["entities"]["edges"]
    assert {b["subtype"] for b in blogs} == {"blog"}


def test_the_site_wide_stream_holds_news_and_other_groups(api: GraphQL, hadewych: str) -> None:
    titles = [edge["entity"].get("title") for edge in stream(api, hadewych)]
    assert "Nieuwe versie van de Participatiewijzer verschenen" in titles
    assert "Woo-verzoeken binnen de termijn afhandelen: hoe doen jullie dat?" in titles


def test_a_closed_groups_content_stays_out_of_an_outsiders_stream(
    api: GraphQL, demo_site: LocalSite
) -> None:
    jan = demo_site.login("jan")
    session = demo_site.login("marieke")
    group = api.group_guid(CLOSED_GROUP)
    added = api.data(
        ADD,
        {
            "input": {
                "subtype": "discussion",
                "title": "Binnen de kring",
                "containerGuid": group,
                "richDescription": doc("Alleen voor leden"),
                "accessId": 4,
            }
        },
        session,
    )["addEntity"]["entity"]
    assert added["group"]["name"] == CLOSED_GROUP
    assert added["guid"] not in {e["entity"]["guid"] for e in stream(api, jan)}
    assert added["guid"] in {e["entity"]["guid"] for e in stream(api, session)}


def test_a_question_puts_its_best_answer_first(api: GraphQL, hadewych: str) -> None:
    question = first_of(api, hadewych, "question", api.group_guid(SEED_GROUP))
    seen = api.data(QUESTION, {"guid": question["guid"]}, hadewych)["entity"]
    assert (seen["isClosed"], seen["canClose"], seen["canChooseBestAnswer"]) == (False, True, True)
    assert seen["url"].startswith("/groups/view/") and "/questions/view/" in seen["url"]
    answers = seen["comments"]
    assert answers[0]["isBestAnswer"] is True and answers[0]["owner"]["name"] == "Joost Hendriks"
    assert [a["isBestAnswer"] for a in answers[1:]] == [False]


def test_only_the_questioner_chooses_and_a_second_toggle_undoes(
    api: GraphQL, hadewych: str, demo_site: LocalSite
) -> None:
    question = first_of(api, hadewych, "question", api.group_guid(SEED_GROUP))
    answers = api.data(QUESTION, {"guid": question["guid"]}, hadewych)["entity"]["comments"]
    other = answers[1]["guid"]
    pieter = demo_site.login("pieter")
    assert (
        api.data(QUESTION, {"guid": question["guid"]}, pieter)["entity"]["canChooseBestAnswer"]
        is False
    )
    assert api.error(BEST, {"guid": other}, pieter) == "could_not_save"
    chosen = api.data(BEST, {"guid": other}, hadewych)["toggleBestAnswer"]["entity"]
    assert chosen["comments"][0] == {"guid": other, "isBestAnswer": True}
    undone = api.data(BEST, {"guid": other}, hadewych)["toggleBestAnswer"]["entity"]
    assert not any(a["isBestAnswer"] for a in undone["comments"])
    assert api.error(BEST, {"guid": question["guid"]}, hadewych) == "could_not_find"


def test_a_closed_question_takes_no_best_answer(api: GraphQL, hadewych: str) -> None:
    question = first_of(api, hadewych, "question", api.group_guid(SEED_GROUP))
    answers = api.data(QUESTION, {"guid": question["guid"]}, hadewych)["entity"]["comments"]
    assert api.data(CLOSE, {"guid": question["guid"]}, hadewych)["toggleIsClosed"]["entity"] == {
        "isClosed": True
    }
    seen = api.data(QUESTION, {"guid": question["guid"]}, hadewych)["entity"]
    assert (seen["isClosed"], seen["canChooseBestAnswer"]) == (True, False)
    assert api.error(BEST, {"guid": answers[1]["guid"]}, hadewych) == "could_not_save"


def test_an_event_has_its_dates_place_and_my_attendance(api: GraphQL, hadewych: str) -> None:
    event = first_of(api, hadewych, "event", api.group_guid(SEED_GROUP))
    seen = api.data(EVENT, {"guid": event["guid"]}, hadewych)["entity"]
    assert seen["startDate"] < seen["endDate"]
    assert seen["location"].endswith("Den Haag") and seen["locationLink"].startswith("https://")
    assert seen["isAttending"] is None and "/events/view/" in seen["url"]
    for state in ("accept", "maybe", "reject"):
        answer = api.data(ATTEND, {"guid": event["guid"], "state": state}, hadewych)
        assert answer["attendEvent"]["entity"]["isAttending"] == state
    cleared = api.data(ATTEND, {"guid": event["guid"], "state": ""}, hadewych)
    assert cleared["attendEvent"]["entity"]["isAttending"] is None
    bad = {"guid": event["guid"], "state": "yes"}
    assert api.error(ATTEND, bad, hadewych) == "event_invalid_state"
    assert api.error(ATTEND, {"guid": event["guid"], "state": "accept"}) == "not_logged_in"


def test_events_alone_order_by_start_date(api: GraphQL, hadewych: str) -> None:
    query = "query($s: [String]) { entities(subtypes: $s, orderBy: startDate) { total } }"
    assert api.data(query, {"s": ["event"]}, hadewych)["entities"]["total"] >= 1
    assert (
        api.error(query, {"s": ["discussion"]}, hadewych)
        == "order_by_start_date_is_only_for_events"
    )


def test_a_wiki_page_knows_its_parent_and_children(api: GraphQL, hadewych: str) -> None:
    edges = stream(api, hadewych, api.group_guid(SEED_GROUP), subtypes=["wiki"])
    top = next(e["entity"] for e in edges if e["entity"]["title"] == "Handboek participatie")
    page = api.data(WIKI, {"guid": top["guid"]}, hadewych)["entity"]
    assert page["hasChildren"] is True and page["parent"] is None
    assert [c["title"] for c in page["children"]] == [
        "Stap 1: verkennen wie er belang bij heeft",
        "Stap 2: het ontwerp van het traject",
    ]
    child = api.data(WIKI, {"guid": page["children"][0]["guid"]}, hadewych)["entity"]
    assert child["parent"] == {"guid": top["guid"], "title": "Handboek participatie"}
    added = api.data(
        ADD,
        {
            "input": {
                "subtype": "wiki",
                "title": "Stap 3",
                "containerGuid": top["guid"],
                "richDescription": doc("Uitvoeren"),
                "accessId": 2,
            }
        },
        hadewych,
    )["addEntity"]["entity"]
    assert added["parent"] == {"guid": top["guid"]}


def test_a_file_downloads_for_those_who_may_read_it(
    api: GraphQL, hadewych: str, demo_site: LocalSite
) -> None:
    item = first_of(api, hadewych, "file", api.group_guid(SEED_GROUP))
    seen = api.data(FILE, {"guid": item["guid"]}, hadewych)["entity"]
    assert seen["title"] == "verslag-werksessie-maart.txt" and seen["mimeType"] == "text/plain"
    assert seen["parentFolder"]["title"] == "Verslagen" and seen["parentFolder"]["hasChildren"]
    answer = httpx.get(demo_site.url + seen["download"], timeout=10)
    assert answer.status_code == 200
    assert len(answer.content) == seen["size"]
    assert answer.content.startswith(b"Verslag werksessie")
    assert httpx.get(demo_site.url + "/file/download/nope/x", timeout=10).status_code == 404


def test_writing_each_kind_through_add_entity(api: GraphQL, hadewych: str) -> None:
    group = api.group_guid(SEED_GROUP)
    base = {"containerGuid": group, "richDescription": doc("Tekst"), "accessId": 2}
    discussion = api.data(
        ADD, {"input": {**base, "subtype": "discussion", "title": "Een vraag aan allen"}}, hadewych
    )["addEntity"]["entity"]
    assert discussion["subtype"] == "discussion"
    question = api.data(ADD, {"input": {**base, "subtype": "question", "title": "Wie?"}}, hadewych)
    assert question["addEntity"]["entity"]["isClosed"] is False
    status = api.data(ADD, {"input": {**base, "subtype": "statusupdate"}}, hadewych)
    assert status["addEntity"]["entity"]["title"] == ""
    event = api.data(
        ADD,
        {
            "input": {
                **base,
                "subtype": "event",
                "title": "Borrel",
                "location": "Utrecht",
                "startDate": "2030-01-01T16:00:00+00:00",
                "endDate": "2030-01-01T18:00:00+00:00",
            }
        },
        hadewych,
    )["addEntity"]["entity"]
    assert event["location"] == "Utrecht" and event["startDate"].startswith("2030-01-01T16:00")
    assert api.error(ADD, {"input": {**base, "subtype": "news", "title": "Nieuws"}}, hadewych) == (
        "could_not_add"
    )
    assert api.error(ADD, {"input": {**base, "subtype": "discussion", "title": " "}}, hadewych) == (
        "invalid_value"
    )


def test_outsiders_may_not_post_in_a_group(api: GraphQL, demo_site: LocalSite) -> None:
    jan = demo_site.login("jan")
    variables = {
        "input": {
            "subtype": "question",
            "title": "Mag ik?",
            "containerGuid": api.group_guid(OPEN_GROUP),
        }
    }
    assert api.error(ADD, variables, jan) == "user_not_member_of_group"


def test_comments_reach_discussions_not_wiki_pages(api: GraphQL, hadewych: str) -> None:
    comment = (
        'mutation($c: String, $t: SecureRichText) { addEntity(input: {subtype: "comment",'
        " containerGuid: $c, richDescription: $t}) { entity { guid } } }"
    )
    group = api.group_guid(SEED_GROUP)
    discussion = first_of(api, hadewych, "discussion", group)
    api.data(comment, {"c": discussion["guid"], "t": doc("Eens")}, hadewych)
    count = "query($g: String) { entity(guid: $g) { ... on Discussion { commentCount } } }"
    assert api.data(count, {"g": discussion["guid"]}, hadewych)["entity"]["commentCount"] == 5
    wiki = first_of(api, hadewych, "wiki", group)
    assert api.error(comment, {"c": wiki["guid"], "t": doc("Hoi")}, hadewych) == "could_not_add"


def test_a_pinned_item_heads_the_stream_when_pins_are_asked_for(
    api: GraphQL, hadewych: str, demo_site: LocalSite
) -> None:
    import sqlite3

    group = api.group_guid(SEED_GROUP)
    oldest = stream(api, hadewych, group)[-1]["entity"]["guid"]
    # Pinned by an editor on Pleio; this site has no mutation for it.
    with sqlite3.connect(demo_site.data_dir / "site.sqlite3") as conn:
        conn.execute("UPDATE blogs SET is_pinned = 1 WHERE id = ?", (oldest,))
    pinned = api.data(
        "query($g: String) { activities(containerGuid: $g, sortPinned: true, limit: 50) {"
        " edges { entity { guid } } } }",
        {"g": group},
        hadewych,
    )["activities"]["edges"]
    assert pinned[0]["entity"]["guid"] == oldest
    assert stream(api, hadewych, group)[0]["entity"]["guid"] != oldest  # only when asked
