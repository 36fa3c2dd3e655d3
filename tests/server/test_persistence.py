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


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_the_data_is_readable_by_its_owner_alone(site_factory: SiteFactory, tmp_path: Path) -> None:
    data = tmp_path / "new-data"
    site = site_factory(data_dir=data)
    GraphQL(site).data("{ site { name } }")

    assert _mode(data) == 0o700
    files = [data / f"site.sqlite3{suffix}" for suffix in ("", "-wal", "-shm")]
    assert all(file.exists() for file in files)
    assert [_mode(file) for file in files] == [0o600] * 3


def test_an_old_site_folder_is_made_private(tmp_path: Path) -> None:
    data = tmp_path / "old-data"
    LocalSite(data).prepare()
    data.chmod(0o755)
    (data / "site.sqlite3").chmod(0o644)

    LocalSite(data).prepare()

    assert _mode(data) == 0o700
    assert _mode(data / "site.sqlite3") == 0o600


def test_a_shared_folder_without_a_site_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)

    LocalSite(shared).prepare()

    assert _mode(shared) == 0o755
    assert _mode(shared / "site.sqlite3") == 0o600
