"""What `--demo` and `--demo-blogs N` put on the site."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from site_graphql import SEED_BLOG, SEED_GROUP, GraphQL

from fixtures_site import SiteFactory
from pleio_tui.server import LocalSite

SEED = """
query($g: String) {
  entity(guid: $g) {
    ... on Blog {
      title description richDescription timePublished accessId votes
      owner { name } group { name isClosed membership }
    }
  }
}
"""
RELATED = (
    "OMG - Met open deuren slaan!",
    "Verhullende onthullingen; Over zijn en schijn in het bestuur",
    "Hoe kan de overheid haar potentieel beter inzetten?",
    "Innovatie binnen de overheid ... DLG's aanpak",
)
RELATED_OPENINGS = (
    "De multi probleem overheid",
    "Transparantie, openheid, worden gezien als",
    "De overheid bezuinigt. We moeten met minder",
    "Innovatie van publieke dienstverlening is in deze",
)
GENERATED = """
query($g: String, $offset: Int) {
  entities(subtype: "blog", containerGuid: $g, limit: 100, offset: $offset,
           orderBy: timePublished) {
    total edges { ... on Blog { title description commentCount owner { name } } }
  }
}
"""


def test_the_seed_blog_is_the_pleio_page(api: GraphQL, hadewych: str) -> None:
    guid = api.blog_guid(SEED_BLOG, hadewych)
    blog = api.data(SEED, {"g": guid})["entity"]  # public: anonymous readers see it
    assert blog["owner"] == {"name": "Hadewych"}
    assert blog["group"] == {"name": SEED_GROUP, "isClosed": False, "membership": "not_joined"}
    assert blog["accessId"] == 2
    age = datetime.now(UTC) - datetime.fromisoformat(blog["timePublished"])
    assert age.days == 1447
    text = blog["description"]
    for passage in (
        "NSOB en PBL hebben door middel van bijeenkomsten",
        "Gevestigde belangen",
        "Scepsis en normatieve kritiek",
        "Systeeminterventies door het veranderen van defaults",
        "Dynamiek uitlokken door continue bijstelling van beleid",
        "Regels verminderen betekent ook normen laten vervagen",
    ):
        assert passage in text
    rich = blog["richDescription"]
    assert '"orderedList"' in rich and '"bulletList"' in rich and '"link"' in rich
    regels = api.blog_guid("Regels verminderen betekent ook normen laten vervagen", hadewych)
    assert f"/blog/view/{regels}/regels-verminderen-betekent-ook-normen-laten-vervagen" in rich


def test_the_related_blogs_start_with_the_page_excerpts(api: GraphQL, hadewych: str) -> None:
    for title, opening in zip(RELATED, RELATED_OPENINGS, strict=True):
        blog = api.data(SEED, {"g": api.blog_guid(title, hadewych)})["entity"]
        assert blog["group"]["name"] == SEED_GROUP
        assert blog["description"].startswith(opening), (title, blog["description"][:60])


def test_the_demo_people(api: GraphQL, hadewych: str, jan_session: str, admin_session: str) -> None:
    me = "{ viewer { isAdmin user { name } } groups(filter: mine) { total } }"
    assert api.data(me, session=hadewych)["viewer"]["user"]["name"] == "Hadewych"
    jan = api.data(me, session=jan_session)
    assert jan["viewer"]["user"]["name"] == "Jan"
    assert jan["groups"]["total"] == 0
    assert api.data(me, session=admin_session)["viewer"] == {
        "isAdmin": True,
        "user": {"name": "Admin"},
    }


def test_passwords_are_stored_hashed(demo_site: LocalSite) -> None:
    conn = sqlite3.connect(demo_site.data_dir / "site.sqlite3")
    try:
        hashes = [row[0] for row in conn.execute("SELECT password_hash FROM users")]
    finally:
        conn.close()
    assert hashes and all(h.startswith("scrypt$") and "demo" not in h for h in hashes)
    assert len(set(hashes)) == len(hashes)


def _generated(site_factory: SiteFactory, count: int) -> list[tuple[str, str, int, str]]:
    site = site_factory(demo_blogs=count)
    api = GraphQL(site)
    group = api.group_guid("Kennisnetwerk Digitale Overheid")
    session = site.login("hadewych")
    rows: list[tuple[str, str, int, str]] = []
    total = None
    while total is None or len(rows) < total:
        page = api.data(GENERATED, {"g": group, "offset": len(rows)}, session)["entities"]
        total = page["total"]
        rows += [
            (b["title"], b["description"], b["commentCount"], b["owner"]["name"])
            for b in page["edges"]
        ]
    api.close()
    return rows


def test_generated_blogs_are_the_same_every_time(site_factory: SiteFactory) -> None:
    first = _generated(site_factory, 150)
    second = _generated(site_factory, 150)
    assert len(first) == 150
    assert first == second
    assert len({title for title, *_ in first}) > 20
    lengths = sorted(len(description) for _, description, *_ in first)
    assert lengths[-1] > 5 * lengths[0]  # short posts and long reads
    assert sum(count for _, _, count, _ in first) > 150


def test_generated_blogs_seed_once(site_factory: SiteFactory) -> None:
    site = site_factory(demo_blogs=20)
    site.stop()
    site.start()
    api = GraphQL(site)
    group = api.group_guid("Kennisnetwerk Digitale Overheid")
    total = api.data(GENERATED, {"g": group, "offset": 0}, site.login("jan"))["entities"]["total"]
    api.close()
    assert total == 20
