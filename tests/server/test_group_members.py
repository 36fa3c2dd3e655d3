"""Who may see a group's members: as Pleio, nobody anonymous; on this site, a
closed group's only to its members and the site's admins."""

from __future__ import annotations

import pytest
from site_graphql import CLOSED_GROUP, OPEN_GROUP, GraphQL

from pleio_tui.server import LocalSite

MEMBERS = """
query($guid: String) {
  entity(guid: $guid) { ... on Group { members { total edges { role user { name } } } } }
}"""


def _members(api: GraphQL, group: str, session: str | None) -> dict[str, object]:
    data = api.data(MEMBERS, {"guid": api.group_guid(group)}, session)
    return data["entity"]["members"]


def test_anonymous_visitors_see_no_members_as_on_pleio(api: GraphQL) -> None:
    assert _members(api, OPEN_GROUP, None) == {"total": 0, "edges": []}
    assert _members(api, CLOSED_GROUP, None) == {"total": 0, "edges": []}


def test_a_closed_groups_members_are_hidden_from_non_members(
    api: GraphQL, jan_session: str
) -> None:
    assert _members(api, CLOSED_GROUP, jan_session) == {"total": 0, "edges": []}


@pytest.mark.parametrize("username", ["fatima", "marieke", "admin"])
def test_members_and_admins_see_a_closed_groups_members(
    api: GraphQL, demo_site: LocalSite, username: str
) -> None:
    members = _members(api, CLOSED_GROUP, demo_site.login(username))
    names = {edge["user"]["name"] for edge in members["edges"]}
    assert members["total"] == 2
    assert names == {"Marieke de Vries", "Fatima El Amrani"}


def test_a_pending_member_does_not_see_them(api: GraphQL, demo_site: LocalSite) -> None:
    assert _members(api, CLOSED_GROUP, demo_site.login("joost"))["total"] == 0


def test_an_open_groups_members_are_seen_by_any_logged_in_user(
    api: GraphQL, jan_session: str
) -> None:
    assert _members(api, OPEN_GROUP, jan_session)["total"] > 0
