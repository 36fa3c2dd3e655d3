"""Editing, deleting and voting on comments as backend2 does them: through
editEntity, deleteEntity and vote with the comment's guid; only the comment's
owner or a site admin may change it; a comment takes its replies with it; both
levels of a thread come newest first (backend2's Comment is ordered by
-created_at)."""

from __future__ import annotations

from site_graphql import SEED_BLOG, GraphQL
from test_comments import THREAD, comment, doc

EDIT = """
mutation($guid: String!, $text: SecureRichText) {
  editEntity(input: {guid: $guid, richDescription: $text}) {
    entity { ... on Comment { guid description canEdit } }
  }
}"""
DELETE = "mutation($guid: String!) { deleteEntity(input: {guid: $guid}) { success } }"
VOTE = """
mutation($guid: String!, $score: Int!) {
  vote(input: {guid: $guid, score: $score}) { object { guid ... on Comment { votes hasVoted } } }
}"""


def thread_guids(api: GraphQL, blog: str, session: str) -> list[list[str]]:
    comments = api.data(THREAD, {"guid": blog}, session)["entity"]["comments"]
    return [[c["guid"], *(r["guid"] for r in c["comments"])] for c in comments]


def test_an_admin_may_edit_and_delete_anyones_comment(
    api: GraphQL, jan_session: str, admin_session: str, hadewych: str
) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    hers = comment(api, blog, "Van Hadewych", hadewych)["guid"]
    edited = api.data(EDIT, {"guid": hers, "text": doc("Door de beheerder")}, admin_session)
    assert edited["editEntity"]["entity"]["description"].strip() == "Door de beheerder"
    assert api.error(DELETE, {"guid": hers}, jan_session) == "could_not_save"
    assert api.data(DELETE, {"guid": hers}, admin_session)["deleteEntity"]["success"] is True
    # Gone: a second deletion is Pleio's could_not_find, which a client counts as done.
    assert api.error(DELETE, {"guid": hers}, hadewych) == "could_not_find"
    assert api.error(EDIT, {"guid": hers, "text": doc("Nog eens")}, hadewych) == "could_not_find"


def test_changing_a_comment_needs_a_login(api: GraphQL, hadewych: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    mine = comment(api, blog, "Van mij", hadewych)["guid"]
    assert api.error(DELETE, {"guid": mine}, None) == "not_logged_in"
    assert api.error(EDIT, {"guid": mine, "text": doc("Anoniem")}, None) == "not_logged_in"


def test_a_deleted_comment_takes_its_replies_and_a_deleted_reply_only_itself(
    api: GraphQL, hadewych: str
) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    parent = comment(api, blog, "Vraag", hadewych)["guid"]
    first = comment(api, parent, "Eerste antwoord", hadewych)["guid"]
    second = comment(api, parent, "Tweede antwoord", hadewych)["guid"]
    assert thread_guids(api, blog, hadewych)[0] == [parent, second, first]  # newest first
    api.data(DELETE, {"guid": second}, hadewych)
    assert thread_guids(api, blog, hadewych)[0] == [parent, first]
    api.data(DELETE, {"guid": parent}, hadewych)
    remaining = {guid for group in thread_guids(api, blog, hadewych) for guid in group}
    assert not remaining & {parent, first}
    assert api.error(DELETE, {"guid": first}, hadewych) == "could_not_find"


def test_a_vote_on_a_comment_counts_on_that_comment(api: GraphQL, jan_session: str) -> None:
    blog = api.blog_guid(SEED_BLOG, jan_session)
    target = thread_guids(api, blog, jan_session)[0][0]
    voted = api.data(VOTE, {"guid": target, "score": -1}, jan_session)["vote"]["object"]
    assert voted["guid"] == target and voted["hasVoted"] is True
    assert api.error(VOTE, {"guid": target, "score": -1}, jan_session) == "already_voted"
    back = api.data(VOTE, {"guid": target, "score": 1}, jan_session)["vote"]["object"]
    assert back["hasVoted"] is False
