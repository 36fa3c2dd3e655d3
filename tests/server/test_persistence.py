"""Everything lives in the data directory and survives a restart."""

from __future__ import annotations

from pathlib import Path

from site_graphql import SEED_GROUP, GraphQL

from fixtures_site import SiteFactory
from pleio_tui.server import LocalSite

ADD_BLOG = """
mutation($group: String) {
  addEntity(input: {subtype: "blog", title: "Blijft bewaard", containerGuid: $group,
                    accessId: 1, richDescription: "{\\"type\\":\\"doc\\",\\"content\\":[]}"}) {
    entity { guid }
  }
}
"""


def test_a_restart_on_the_same_data_keeps_content_and_sessions(
    site_factory: SiteFactory, tmp_path: Path
) -> None:
    site = site_factory(data_dir=tmp_path / "data", demo=True)
    session = site.login("hadewych")
    api = GraphQL(site)
    group = api.group_guid(SEED_GROUP)
    guid = api.data(ADD_BLOG, {"group": group}, session)["addEntity"]["entity"]["guid"]
    groups_before = api.data("{ groups { total } }")["groups"]["total"]
    api.close()
    port = site.port
    site.stop()

    site.start()
    assert site.port == port
    api = GraphQL(site)
    assert api.data("{ viewer { loggedIn } }", session=session)["viewer"]["loggedIn"] is True
    blog = api.data(f'{{ entity(guid: "{guid}") {{ ... on Blog {{ title }} }} }}', session=session)
    assert blog["entity"]["title"] == "Blijft bewaard"
    # The demo is seeded once: no second copy of its groups after the restart.
    assert api.data("{ groups { total } }")["groups"]["total"] == groups_before
    api.close()


def test_a_new_local_site_object_on_old_data_sees_it(
    site_factory: SiteFactory, tmp_path: Path
) -> None:
    first = site_factory(data_dir=tmp_path / "data", demo=True)
    session = first.login("jan")
    first.stop()
    second = LocalSite(tmp_path / "data", demo=True).start()
    try:
        api = GraphQL(second)
        assert (
            api.data("{ viewer { user { name } } }", session=session)["viewer"]["user"]["name"]
            == "Jan"
        )
        api.close()
    finally:
        second.stop()


def test_the_database_uses_write_ahead_logging(demo_site: LocalSite) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_site.data_dir / "site.sqlite3")
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
