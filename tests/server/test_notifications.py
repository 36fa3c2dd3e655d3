"""`notifications`, `markAsRead` and `markAllAsRead` as backend2 answers them: who
hears of a comment, a reply, a mention and new group content; the counts; the
marks; anonymous visitors; deleted content."""

from __future__ import annotations

import json

from site_graphql import CLOSED_GROUP, OPEN_GROUP, SEED_BLOG, SEED_GROUP, GraphQL

NOTIFICATIONS = """
query($unread: Boolean, $offset: Int, $limit: Int) {
  notifications(offset: $offset, limit: $limit, unread: $unread) {
    total totalUnread
    edges {
      id action isUnread timeCreated customMessage
      performer { guid name }
      entity { guid ... on Blog { title url } ... on Comment { description } ... on User { name } }
      container { guid ... on Group { name } }
    }
  }
}
"""
MARK = """
mutation($id: Int) {
  markAsRead(input: {id: $id}) { success notification { id isUnread } }
}
"""
MARK_ALL = "mutation { markAllAsRead(input: {}) { success } }"
ADD = """
mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }
"""
EDIT = """
mutation($input: editEntityInput!) { editEntity(input: $input) { entity { guid } } }
"""
DELETE = "mutation($guid: String!) { deleteEntity(input: {guid: $guid}) { success } }"
DLG_BLOG = "Innovatie binnen de overheid ... DLG's aanpak"
WOO = "Een jaar Woo: wat we leerden van actieve openbaarmaking"


def doc(text: str, mention: tuple[str, str] | None = None) -> str:
    content: list[dict[str, object]] = [{"type": "text", "text": text}]
    if mention is not None:
        content.insert(0, {"type": "mention", "attrs": {"id": mention[0], "label": mention[1]}})
    return json.dumps({"type": "doc", "content": [{"type": "paragraph", "content": content}]})


def notes(api: GraphQL, session: str | None, **variables: object) -> dict[str, object]:
    listing: dict[str, object] = api.data(NOTIFICATIONS, variables, session)["notifications"]
    return listing


def edges(api: GraphQL, session: str) -> list[dict[str, object]]:
    return list(notes(api, session, limit=100)["edges"])  # type: ignore[arg-type]


def comment(api: GraphQL, container: str, text: str, session: str, **kw: object) -> str:
    input_ = {"subtype": "comment", "containerGuid": container, "richDescription": doc(text, **kw)}
    return str(api.data(ADD, {"input": input_}, session)["addEntity"]["entity"]["guid"])


def test_anonymous_visitors_get_an_empty_list(api: GraphQL) -> None:
    assert notes(api, None) == {"total": 0, "totalUnread": 0, "edges": []}


def test_the_demo_gives_hadewych_replies_and_a_mention_newest_first(
    api: GraphQL, hadewych: str
) -> None:
    listing = notes(api, hadewych, limit=100)
    rows = listing["edges"]
    assert listing["totalUnread"] == 3 and listing["total"] == len(rows)  # type: ignore[arg-type]
    times = [row["timeCreated"] for row in rows]  # type: ignore[index, union-attr]
    assert times == sorted(times, reverse=True)
    unread = [r for r in rows if r["isUnread"]]  # type: ignore[index, union-attr]
    assert {r["action"] for r in unread} == {"commented", "mentioned"}
    seed = next(r for r in unread if r["entity"].get("title") == DLG_BLOG)
    assert seed["performer"]["name"] == "Marieke de Vries"
    assert seed["container"]["name"] == SEED_GROUP
    mention = next(r for r in unread if r["action"] == "mentioned")
    assert mention["entity"]["description"].startswith("@Hadewych wil jij")
    assert mention["container"]["name"] == OPEN_GROUP
    welcome = rows[-1]  # type: ignore[index]
    assert welcome["action"] == "welcome" and welcome["entity"]["name"] == "Hadewych"
    assert welcome["container"] is None and welcome["customMessage"] is None


def test_a_comment_on_my_blog_reaches_me_and_not_its_writer(
    api: GraphQL, hadewych: str, admin_session: str
) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    before = notes(api, hadewych)["totalUnread"]
    comment(api, blog, "Mooi stuk", admin_session)
    newest = edges(api, hadewych)[0]
    assert (newest["action"], newest["isUnread"]) == ("commented", True)
    assert newest["performer"]["name"] == "Admin"  # type: ignore[index]
    assert newest["entity"]["guid"] == blog  # type: ignore[index]
    assert notes(api, hadewych)["totalUnread"] == before + 1  # type: ignore[operator]
    assert all(
        e["entity"] is None or e["entity"]["guid"] != blog for e in edges(api, admin_session)
    )


def test_a_reply_to_my_comment_reaches_me_through_the_blog_i_now_follow(
    api: GraphQL, demo_site: object, hadewych: str
) -> None:
    fatima = demo_site.login("fatima")  # type: ignore[attr-defined]
    blog = api.blog_guid("Open data zonder gebruikers is een etalage zonder winkel", hadewych)
    mine = comment(api, blog, "Wat bedoel je met gebruikers?", hadewych)
    comment(api, mine, "Mensen die de data echt inzetten.", fatima)
    newest = edges(api, hadewych)[0]
    assert newest["action"] == "commented" and newest["entity"]["guid"] == blog  # type: ignore[index]
    assert newest["performer"]["name"] == "Fatima El Amrani"  # type: ignore[index]


def test_the_unread_filter_counts_what_it_lets_through(api: GraphQL, hadewych: str) -> None:
    everything = notes(api, hadewych)
    unread = notes(api, hadewych, unread=True)
    read = notes(api, hadewych, unread=False)
    assert unread["total"] == unread["totalUnread"] == everything["totalUnread"] == 3
    assert read["total"] == everything["total"] - 3  # type: ignore[operator]
    assert read["totalUnread"] == 3
    assert all(e["isUnread"] for e in unread["edges"])  # type: ignore[union-attr, index]
    assert len(notes(api, hadewych, limit=2, offset=1)["edges"]) == 2  # type: ignore[arg-type]


def test_mark_as_read_marks_one_of_mine_only(api: GraphQL, hadewych: str, jan_session: str) -> None:
    first = edges(api, hadewych)[0]
    answer = api.data(MARK, {"id": first["id"]}, hadewych)["markAsRead"]
    assert answer == {"success": True, "notification": {"id": first["id"], "isUnread": False}}
    assert notes(api, hadewych)["totalUnread"] == 2
    # Again: still read, still a success (a desired state, not a toggle).
    assert api.data(MARK, {"id": first["id"]}, hadewych)["markAsRead"]["success"] is True
    assert api.error(MARK, {"id": first["id"]}, jan_session) == "could_not_find"
    assert api.error(MARK, {"id": None}, hadewych) == "could_not_find"
    assert api.error(MARK, {"id": first["id"]}) == "not_logged_in"


def test_mark_all_as_read(api: GraphQL, hadewych: str) -> None:
    assert api.error(MARK_ALL) == "not_logged_in"
    assert api.data(MARK_ALL, session=hadewych)["markAllAsRead"] == {"success": True}
    listing = notes(api, hadewych)
    assert listing["totalUnread"] == 0 and listing["total"] > 0  # type: ignore[operator]


def test_a_mention_is_told_once_and_never_to_an_outsider_of_a_closed_group(
    api: GraphQL, demo_site: object, hadewych: str, jan_session: str
) -> None:
    jan = (api.user_guid("jan"), "Jan")
    blog = api.blog_guid(WOO, hadewych)
    guid = comment(api, blog, " kijk eens", hadewych, mention=jan)
    told = [e for e in edges(api, jan_session) if e["action"] == "mentioned"]
    assert [e["entity"]["guid"] for e in told] == [guid]  # type: ignore[index]
    assert told[0]["entity"]["description"] == "@Jan kijk eens\n\n"  # type: ignore[index]
    edit = {"guid": guid, "richDescription": doc(" kijk nog eens", mention=jan)}
    api.data(EDIT, {"input": edit}, hadewych)
    assert len([e for e in edges(api, jan_session) if e["action"] == "mentioned"]) == 1
    fatima = demo_site.login("fatima")  # type: ignore[attr-defined]
    closed = api.blog_guid_in_closed_group()
    comment(api, closed, " geheim", fatima, mention=jan)
    assert len([e for e in edges(api, jan_session) if e["action"] == "mentioned"]) == 1


def test_new_content_in_a_group_reaches_members_who_get_its_notifications(
    api: GraphQL, demo_site: object, hadewych: str, jan_session: str
) -> None:
    pieter = demo_site.login("pieter")  # type: ignore[attr-defined]
    open_group = api.group_guid(OPEN_GROUP)
    api.data(
        "mutation($g: String) { joinGroup(input: {guid: $g}) { group { guid } } }",
        {"g": open_group},
        jan_session,
    )
    blog = {"subtype": "blog", "title": "Nieuw", "containerGuid": open_group, "accessId": 1}
    guid = api.data(ADD, {"input": {**blog, "richDescription": doc("Hallo")}}, pieter)
    guid = guid["addEntity"]["entity"]["guid"]
    for session in (hadewych, jan_session):
        newest = edges(api, session)[0]
        assert (newest["action"], newest["entity"]["guid"]) == ("created", guid)  # type: ignore[index]
        assert newest["container"]["name"] == OPEN_GROUP  # type: ignore[index]
    assert all(e["action"] != "created" or e["entity"]["guid"] != guid for e in edges(api, pieter))
    private = {**blog, "accessId": 0, "richDescription": doc("alleen voor mij")}
    api.data(ADD, {"input": private}, pieter)
    assert edges(api, jan_session)[0]["entity"]["guid"] == guid  # type: ignore[index]
    closed = api.group_guid(CLOSED_GROUP)
    assert closed  # a closed group without autoNotification tells nobody
    marieke = demo_site.login("marieke")  # type: ignore[attr-defined]
    closed_blog = {"subtype": "blog", "title": "Kring", "containerGuid": closed, "accessId": 4}
    kring = api.data(ADD, {"input": {**closed_blog, "richDescription": doc("x")}}, marieke)
    fatima = demo_site.login("fatima")  # type: ignore[attr-defined]
    about = [(e["entity"] or {}).get("guid") for e in edges(api, fatima)]
    assert guid in about and kring["addEntity"]["entity"]["guid"] not in about


def test_deleting_a_blog_takes_its_notifications_along(
    api: GraphQL, hadewych: str, admin_session: str
) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    comment(api, blog, "Weg ermee", admin_session)
    count = notes(api, hadewych)["total"]
    about_blog = [e for e in edges(api, hadewych) if (e["entity"] or {}).get("guid") == blog]
    api.data(DELETE, {"guid": blog}, hadewych)
    assert notes(api, hadewych)["total"] == count - len(about_blog)  # type: ignore[operator]
