"""vote, bookmark and follow, and the bookmarks listing."""

from __future__ import annotations

from site_graphql import SEED_BLOG, GraphQL

VOTE = """
mutation($guid: String!, $score: Int!) {
  vote(input: {guid: $guid, score: $score}) { object { guid ... on Blog { votes hasVoted } } }
}
"""
BOOKMARK = """
mutation($guid: String!, $on: Boolean!) {
  bookmark(input: {guid: $guid, isAdding: $on}) {
    isFirstBookmark object { guid ... on Blog { isBookmarked } }
  }
}
"""
BOOKMARKS = """
query($offset: Int, $limit: Int) {
  bookmarks(offset: $offset, limit: $limit) { total edges { guid ... on Blog { title } } }
}
"""
FOLLOW = """
mutation($guid: String!, $on: Boolean!) {
  follow(input: {guid: $guid, isFollowing: $on}) { object { ... on Blog { isFollowing } } }
}
"""


def test_voting_up_again_and_back(api: GraphQL, hadewych: str) -> None:
    blog = api.blog_guid("Hoe kan de overheid haar potentieel beter inzetten?", hadewych)
    state = "query($g: String) { entity(guid: $g) { ... on Blog { votes hasVoted } } }"
    # Seeded: +1 from Hadewych, -1 from Joost.
    assert api.data(state, {"g": blog}, hadewych)["entity"] == {"votes": 0, "hasVoted": True}
    assert api.error(VOTE, {"guid": blog, "score": 1}, hadewych) == "already_voted"
    # The opposite score takes the vote back.
    taken_back = api.data(VOTE, {"guid": blog, "score": -1}, hadewych)["vote"]["object"]
    assert taken_back == {"guid": blog, "votes": -1, "hasVoted": False}
    down = api.data(VOTE, {"guid": blog, "score": -1}, hadewych)["vote"]["object"]
    assert (down["votes"], down["hasVoted"]) == (-2, True)


def test_a_vote_must_be_one_or_minus_one(api: GraphQL, hadewych: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    assert api.error(VOTE, {"guid": blog, "score": 0}, hadewych) == "invalid_value"
    assert api.error(VOTE, {"guid": blog, "score": 2}, hadewych) == "invalid_value"
    assert api.error(VOTE, {"guid": blog, "score": 1}) == "not_logged_in"
    unknown = "00000000-0000-4000-8000-000000000000"
    assert api.error(VOTE, {"guid": unknown, "score": 1}, hadewych) == "could_not_find"


def test_comments_take_votes_too(api: GraphQL, jan_session: str) -> None:
    blog = api.blog_guid("Welkom op dit Pleio-platform", jan_session)
    comments = api.data(
        "query($g: String) { entity(guid: $g) { ... on Blog { comments { guid votes } } } }",
        {"g": blog},
        jan_session,
    )["entity"]["comments"]
    target = comments[0]["guid"]
    vote = """
    mutation($guid: String!) {
      vote(input: {guid: $guid, score: 1}) { object { ... on Comment { votes hasVoted } } }
    }"""
    assert api.data(vote, {"guid": target}, jan_session)["vote"]["object"] == {
        "votes": 1,
        "hasVoted": True,
    }


def test_bookmarks_come_and_go(api: GraphQL, hadewych: str) -> None:
    assert api.data(BOOKMARKS, session=hadewych)["bookmarks"] == {"total": 0, "edges": []}
    first = api.blog_guid(SEED_BLOG, hadewych)
    second = api.blog_guid("Regels verminderen betekent ook normen laten vervagen", hadewych)
    added = api.data(BOOKMARK, {"guid": first, "on": True}, hadewych)["bookmark"]
    assert added == {"isFirstBookmark": False, "object": {"guid": first, "isBookmarked": True}}
    api.data(BOOKMARK, {"guid": second, "on": True}, hadewych)
    api.data(BOOKMARK, {"guid": second, "on": True}, hadewych)  # twice is still once
    listing = api.data(BOOKMARKS, session=hadewych)["bookmarks"]
    assert listing["total"] == 2
    assert {b["guid"] for b in listing["edges"]} == {first, second}
    page = api.data(BOOKMARKS, {"offset": 1, "limit": 1}, hadewych)["bookmarks"]
    assert page["total"] == 2 and len(page["edges"]) == 1
    removed = api.data(BOOKMARK, {"guid": first, "on": False}, hadewych)["bookmark"]["object"]
    assert removed["isBookmarked"] is False
    assert [b["guid"] for b in api.data(BOOKMARKS, session=hadewych)["bookmarks"]["edges"]] == [
        second
    ]


def test_bookmarks_need_a_login(api: GraphQL) -> None:
    assert api.error(BOOKMARKS) == "not_logged_in"


def test_follow_and_unfollow(api: GraphQL, hadewych: str) -> None:
    blog = api.blog_guid(SEED_BLOG, hadewych)
    assert api.data(FOLLOW, {"guid": blog, "on": True}, hadewych)["follow"]["object"] == {
        "isFollowing": True
    }
    assert api.data(FOLLOW, {"guid": blog, "on": False}, hadewych)["follow"]["object"] == {
        "isFollowing": False
    }
    assert api.error(FOLLOW, {"guid": blog, "on": True}) == "not_logged_in"
