"""Archiving (core/resolvers/mutation_archive_entity.py and its tests) and
ordering without a tie-breaker (core/resolvers/query_entities.py orders on one key)."""

from __future__ import annotations

import json

from site_graphql import SEED_GROUP, GraphQL

ADD = """
mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }
"""
TOGGLE = """
mutation toggleEntityArchived($guid: String!) {
  toggleEntityArchived(guid: $guid) { success }
}
"""
LIST = """
query($g: String, $status: [StatusPublished], $offset: Int, $limit: Int) {
  entities(subtype: "blog", containerGuid: $g, statusPublished: $status,
           offset: $offset, limit: $limit, orderBy: timePublished) {
    total edges { guid }
  }
}
"""
ENTITY = "query($g: String) { entity(guid: $g) { guid ... on Blog { statusPublished } } }"
BODY = json.dumps(
    {"type": "doc", "content": [{"type": "paragraph", "content": [{"type": "text", "text": "x"}]}]}
)


def new_blog(api: GraphQL, session: str, group: str, **extra: object) -> str:
    blog = {"subtype": "blog", "title": "Blog", "richDescription": BODY, "containerGuid": group}
    return str(api.data(ADD, {"input": {**blog, **extra}}, session)["addEntity"]["entity"]["guid"])


def listed(api: GraphQL, group: str, session: str | None, **variables: object) -> list[str]:
    page = api.data(LIST, {"g": group, "limit": 100, **variables}, session)["entities"]
    return [edge["guid"] for edge in page["edges"]]


def test_toggling_archives_and_brings_back(api: GraphQL, hadewych: str, jan_session: str) -> None:
    group = api.group_guid(SEED_GROUP)
    guid = new_blog(api, hadewych, group, accessId=2)
    assert api.data(TOGGLE, {"guid": guid}, hadewych)["toggleEntityArchived"] == {"success": True}
    # Gone from listings (Entity.objects.visible excludes is_archived) ...
    assert guid not in listed(api, group, hadewych)
    assert guid not in listed(api, group, jan_session)
    # ... listed when archived ones are asked for ...
    assert guid in listed(api, group, jan_session, status=["archived"])
    assert guid not in listed(api, group, jan_session, status=["published"])
    # ... and still found by guid (resolve_entity's last resort), marked archived.
    archived = {"guid": guid, "statusPublished": "archived"}
    assert api.data(ENTITY, {"g": guid}, jan_session)["entity"] == archived
    assert api.data(ENTITY, {"g": guid})["entity"] == archived
    api.data(TOGGLE, {"guid": guid}, hadewych)
    assert guid in listed(api, group, jan_session)
    back = {"guid": guid, "statusPublished": "published"}
    assert api.data(ENTITY, {"g": guid}, jan_session)["entity"] == back


def test_an_archived_blog_keeps_its_read_access(api: GraphQL, hadewych: str) -> None:
    group = api.group_guid(SEED_GROUP)
    private = new_blog(api, hadewych, group, accessId=0)
    api.data(TOGGLE, {"guid": private}, hadewych)
    jan = api.site.login("jan")
    assert api.data(ENTITY, {"g": private}, jan)["entity"] is None
    assert private not in listed(api, group, jan, status=["archived"])
    assert private in listed(api, group, hadewych, status=["archived"])


def test_toggling_is_refused_as_pleio_refuses_it(
    api: GraphQL, hadewych: str, jan_session: str, admin_session: str
) -> None:
    guid = new_blog(api, hadewych, api.group_guid(SEED_GROUP), accessId=2)
    assert api.error(TOGGLE, {"guid": guid}) == "not_logged_in"
    assert api.error(TOGGLE, {"guid": guid}, jan_session) == "could_not_save"
    unknown = {"guid": "43ee295a-5950-4330-8f0e-372f9f4caddf"}
    assert api.error(TOGGLE, unknown, jan_session) == "could_not_find"
    assert api.data(TOGGLE, {"guid": guid}, admin_session)["toggleEntityArchived"]["success"]


def test_equal_times_come_in_any_order(api: GraphQL, hadewych: str) -> None:
    """Pleio orders on one key: blogs published at the same moment have no fixed
    order, and this site shuffles them on every request so clients cannot lean on one."""
    group = api.group_guid(SEED_GROUP)
    moment = "2020-02-02T10:00:00+00:00"
    tied = {new_blog(api, hadewych, group, timePublished=moment) for _ in range(8)}
    orders = set()
    for _ in range(6):
        order = [guid for guid in listed(api, group, hadewych) if guid in tied]
        assert set(order) == tied
        orders.add(tuple(order))
    assert len(orders) > 1
    # Across pages, a tie may show one blog twice and another never.
    total = len(listed(api, group, hadewych))
    seen: list[str] = []
    for _ in range(20):
        offsets = range(0, total, 3)
        pages = [listed(api, group, hadewych, offset=offset, limit=3) for offset in offsets]
        seen = [guid for page in pages for guid in page if guid in tied]
        assert len(seen) == len(tied)
        if len(set(seen)) < len(tied):
            break
    assert len(set(seen)) < len(tied)
