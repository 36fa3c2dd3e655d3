"""viewer, site, groups, entity, entities and activities: shapes, paging, ordering."""

from __future__ import annotations

import re

from site_graphql import CLOSED_GROUP, OPEN_GROUP, SEED_BLOG, SEED_GROUP, GraphQL

ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$")
BLOGS = """
query($group: String, $offset: Int, $limit: Int, $orderBy: OrderBy, $dir: OrderDirection) {
  entities(subtype: "blog", containerGuid: $group, offset: $offset, limit: $limit,
           orderBy: $orderBy, orderDirection: $dir) {
    total
    edges { guid ... on Blog { title timePublished } }
  }
}
"""


def test_the_site_describes_itself(api: GraphQL) -> None:
    site = api.data("{ site { guid name language defaultAccessId accessIds { id description } } }")
    assert site["site"]["language"] == "nl"
    assert site["site"]["defaultAccessId"] == 1
    assert [a["id"] for a in site["site"]["accessIds"]] == [0, 1, 2]


def test_viewer_can_write_to_a_group_only_as_a_member(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    query = (
        'query($g: String) { viewer { canWriteToContainer(containerGuid: $g, subtype: "blog") } }'
    )
    group = api.group_guid(SEED_GROUP)
    assert api.data(query, {"g": group}, hadewych)["viewer"]["canWriteToContainer"] is True
    assert api.data(query, {"g": group}, jan_session)["viewer"]["canWriteToContainer"] is False
    assert api.data(query, {"g": None}, jan_session)["viewer"]["canWriteToContainer"] is True
    assert api.data(query, {"g": group})["viewer"]["canWriteToContainer"] is False


def test_groups_come_featured_first_then_by_name(api: GraphQL) -> None:
    groups = api.data("{ groups { total edges { name isFeatured } } }")["groups"]
    assert groups["total"] == 3
    assert [g["name"] for g in groups["edges"]] == [SEED_GROUP, CLOSED_GROUP, OPEN_GROUP]


def test_groups_search_filter_tags_and_paging(
    api: GraphQL, hadewych: str, jan_session: str
) -> None:
    query = """
    query($q: String, $filter: GroupFilter, $tags: [String], $offset: Int, $limit: Int) {
      groups(q: $q, filter: $filter, tags: $tags, offset: $offset, limit: $limit) {
        total edges { name }
      }
    }"""
    found = api.data(query, {"q": "OPEN OVERHEID"})["groups"]
    assert found == {"total": 1, "edges": [{"name": OPEN_GROUP}]}
    mine = api.data(query, {"filter": "mine"}, hadewych)["groups"]
    assert {g["name"] for g in mine["edges"]} == {SEED_GROUP, OPEN_GROUP}
    assert api.data(query, {"filter": "mine"}, jan_session)["groups"]["total"] == 0
    tagged = api.data(query, {"tags": ["omgevingswet"]})["groups"]
    assert [g["name"] for g in tagged["edges"]] == [CLOSED_GROUP]
    second_page = api.data(query, {"offset": 1, "limit": 1})["groups"]
    assert second_page == {"total": 3, "edges": [{"name": CLOSED_GROUP}]}


def test_a_group_tells_the_viewer_where_they_stand(api: GraphQL, hadewych: str) -> None:
    query = """
    query($guid: String) {
      entity(guid: $guid) {
        ... on Group {
          name url canEdit isClosed isMembershipOnRequest membership memberRole memberCount
          defaultAccessId accessIds { id } plugins
          members(limit: 2) { total edges { role user { name } memberSince } }
        }
      }
    }"""
    seed = api.group_guid(SEED_GROUP)
    group = api.data(query, {"guid": seed}, hadewych)["entity"]
    assert group["url"] == f"/groups/view/{seed}/van-buiten-naar-binnen-in-het-ministerie-van-vj"
    assert group["canEdit"] is True
    assert group["membership"] == "joined"
    assert group["memberRole"] == "owner"
    assert group["memberCount"] == 4
    assert group["defaultAccessId"] == 1
    assert [a["id"] for a in group["accessIds"]] == [0, 4, 1, 2]
    assert group["plugins"] == ["blog"]
    assert group["members"]["total"] == 4
    assert group["members"]["edges"][0] == {
        "role": "owner",
        "user": {"name": "Hadewych"},
        "memberSince": group["members"]["edges"][0]["memberSince"],
    }
    assert len(group["members"]["edges"]) == 2
    closed = api.data(query, {"guid": api.group_guid(CLOSED_GROUP)}, hadewych)["entity"]
    assert closed["membership"] == "not_joined"
    assert closed["memberRole"] is None
    assert closed["canEdit"] is False
    assert closed["defaultAccessId"] == 4
    assert [a["id"] for a in closed["accessIds"]] == [0, 4]


def test_a_blog_has_pleio_fields(api: GraphQL, hadewych: str) -> None:
    guid = api.blog_guid(SEED_BLOG, hadewych)
    query = """
    query($guid: String) {
      entity(guid: $guid) {
        guid
        ... on Blog {
          subtype title url excerpt description richDescription timeCreated timeUpdated
          timePublished statusPublished inGroup group { name } owner { guid name username }
          canEdit canComment canVote canBookmark votes hasVoted isBookmarked isFollowing
          views isPinned accessId writeAccessId commentCount tags
        }
      }
    }"""
    blog = api.data(query, {"guid": guid}, hadewych)["entity"]
    group = api.group_guid(SEED_GROUP)
    assert blog["subtype"] == "blog"
    assert blog["url"] == (
        f"/groups/view/{group}/van-buiten-naar-binnen-in-het-ministerie-van-vj"
        f"/blog/view/{guid}/leren-door-doen-overheidsparticipatie-in-een-energieke-samenleving"
    )
    assert blog["description"].startswith("NSOB en PBL hebben")
    assert blog["excerpt"].startswith("NSOB en PBL hebben")
    assert blog["excerpt"].endswith("…")
    assert len(blog["excerpt"].split()) == 26
    assert '"type"' in blog["richDescription"] and '"doc"' in blog["richDescription"]
    for field in ("timeCreated", "timeUpdated", "timePublished"):
        assert ISO_WITH_OFFSET.match(blog[field]), blog[field]
    assert blog["statusPublished"] == "published"
    assert blog["inGroup"] is True
    guid = blog["owner"]["guid"]
    assert blog["owner"] == {"guid": guid, "name": "Hadewych", "username": guid}
    assert (blog["canEdit"], blog["canComment"], blog["canVote"], blog["canBookmark"]) == (
        True,
        True,
        True,
        True,
    )
    assert blog["accessId"] == 2
    assert blog["commentCount"] == 5
    assert blog["isPinned"] is False


def test_anonymous_readers_see_public_blogs_and_may_not_act(api: GraphQL, hadewych: str) -> None:
    guid = api.blog_guid(SEED_BLOG, hadewych)
    query = (
        "query($g: String) { entity(guid: $g) {"
        " ... on Blog { canEdit canComment canVote hasVoted } } }"
    )
    assert api.data(query, {"g": guid})["entity"] == {
        "canEdit": False,
        "canComment": False,
        "canVote": False,
        "hasVoted": False,
    }


def test_entity_finds_users_but_not_comments(api: GraphQL, hadewych: str) -> None:
    me = api.data("{ viewer { user { guid } } }", session=hadewych)["viewer"]["user"]["guid"]
    user = api.data(
        f'{{ entity(guid: "{me}") {{ ... on User {{ name url canEdit }} }} }}', session=hadewych
    )
    assert user["entity"] == {"name": "Hadewych", "url": f"/user/{me}/profile", "canEdit": True}
    blog = api.blog_guid(SEED_BLOG, hadewych)
    comments = api.data(
        f'{{ entity(guid: "{blog}") {{ ... on Blog {{ comments {{ guid }} }} }} }}',
        session=hadewych,
    )["entity"]["comments"]
    # Pleio's resolve_entity looks among entities, groups and users; a comment is
    # none of them there.
    comment = api.data(
        f'{{ entity(guid: "{comments[0]["guid"]}") {{ ... on Comment {{ subtype url }} }} }}',
        session=hadewych,
    )
    assert comment == {"entity": None}


def test_entities_page_with_a_total(api: GraphQL) -> None:
    group = api.group_guid(SEED_GROUP)
    everything = api.data(BLOGS, {"group": group, "limit": 100})["entities"]
    assert everything["total"] == 6
    first = api.data(BLOGS, {"group": group, "offset": 0, "limit": 4})["entities"]
    rest = api.data(BLOGS, {"group": group, "offset": 4, "limit": 4})["entities"]
    assert first["total"] == rest["total"] == 6
    assert len(first["edges"]) == 4 and len(rest["edges"]) == 2
    assert [b["guid"] for b in first["edges"] + rest["edges"]] == [
        b["guid"] for b in everything["edges"]
    ]


def test_entities_default_to_newest_published_first(api: GraphQL) -> None:
    edges = api.data(BLOGS, {"group": api.group_guid(SEED_GROUP)})["entities"]["edges"]
    published = [b["timePublished"] for b in edges]
    assert published == sorted(published, reverse=True)
    assert edges[0]["title"] == "Innovatie binnen de overheid ... DLG's aanpak"


def test_entities_order_by_title_ascending(api: GraphQL) -> None:
    edges = api.data(
        BLOGS, {"group": api.group_guid(SEED_GROUP), "orderBy": "title", "dir": "asc"}
    )["entities"]["edges"]
    titles = [b["title"] for b in edges]
    assert titles == sorted(titles, key=str.lower)


def test_container_guid_1_lists_blogs_outside_groups(api: GraphQL, jan_session: str) -> None:
    edges = api.data(BLOGS, {"group": "1"}, jan_session)["entities"]["edges"]
    assert [b["title"] for b in edges] == [
        "Thuiswerken en samenwerken: wat houden we vast?",
        "Welkom op dit Pleio-platform",
    ]


def test_logged_in_only_blogs_are_hidden_from_anonymous_readers(
    api: GraphQL, jan_session: str
) -> None:
    anonymous = api.data(BLOGS, {"group": "1"})["entities"]
    assert [b["title"] for b in anonymous["edges"]] == ["Welkom op dit Pleio-platform"]
    assert anonymous["total"] == 1


def test_activities_wrap_the_same_listing(api: GraphQL, hadewych: str) -> None:
    query = """
    query($group: String) {
      activities(containerGuid: $group, subtypes: ["blog"], limit: 2) {
        total edges { guid type entity { guid ... on Blog { title } } }
      }
    }"""
    group = api.group_guid(SEED_GROUP)
    activities = api.data(query, {"group": group}, hadewych)["activities"]
    assert activities["total"] == 6
    first = activities["edges"][0]
    assert first["type"] == "create"
    assert first["guid"] == f"activity:{first['entity']['guid']}"


def test_an_unknown_subtype_is_invalid(api: GraphQL) -> None:
    assert api.error('{ entities(subtype: "spaceship") { total } }') == "invalid_subtype"


def test_drafts_are_listed_for_their_owner_only(
    api: GraphQL, hadewych: str, admin_session: str
) -> None:
    query = """
    query($group: String) {
      entities(subtype: "blog", containerGuid: $group, statusPublished: [draft]) {
        total edges { ... on Blog { title statusPublished timePublished } }
      }
    }"""
    group = api.group_guid(OPEN_GROUP)
    mine = api.data(query, {"group": group}, hadewych)["entities"]
    assert mine["total"] == 1
    assert mine["edges"][0]["statusPublished"] == "draft"
    assert mine["edges"][0]["timePublished"] is None
    pieter = api.site.login("pieter")
    assert api.data(query, {"group": group}, pieter)["entities"]["total"] == 0
    assert api.data(query, {"group": group}, admin_session)["entities"]["total"] == 1
    published = api.data(
        'query($g: String) { entities(subtype: "blog", containerGuid: $g) { total } }',
        {"g": group},
        hadewych,
    )
    assert published["entities"]["total"] == 2


def test_views_count_when_asked(api: GraphQL, hadewych: str) -> None:
    guid = api.blog_guid(SEED_BLOG, hadewych)
    query = """
    query($g: String, $count: Boolean) {
      entity(guid: $g, incrementViewCount: $count) { ... on Blog { views } }
    }"""
    assert api.data(query, {"g": guid, "count": False})["entity"]["views"] == 0
    api.data(query, {"g": guid, "count": True})
    assert api.data(query, {"g": guid, "count": True})["entity"]["views"] == 2
