"""Every model the store keeps comes back equal to what went in, also after reopening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from store_factories import HADEWYCH, JAN, make_blog, make_comment, make_group

from pleio_tui.models import AccessOption, Membership, Site, User, Viewer
from pleio_tui.store import Store


def test_site_and_viewer_round_trip(store: Store, cache_path: Path) -> None:
    assert store.load_site() is None
    assert store.load_viewer() is None
    site = Site(
        guid="site-1",
        name="Pleio Ministerie",
        language="nl",
        default_access_id=1,
        access_ids=(AccessOption(0, "Alleen ik"), AccessOption(1, "Ingelogde gebruikers")),
    )
    viewer = Viewer(logged_in=True, is_admin=True, user=HADEWYCH)
    store.save_site(site)
    store.save_viewer(viewer)
    store.save_viewer(Viewer(logged_in=False))
    store.save_viewer(viewer)
    store.close()

    with Store.open(cache_path) as reopened:
        assert reopened.load_site() == site
        assert reopened.load_viewer() == viewer


def test_anonymous_viewer_round_trip(store: Store) -> None:
    store.save_viewer(Viewer(logged_in=False))
    assert store.load_viewer() == Viewer(logged_in=False, is_admin=False, user=None)


def test_group_round_trip_and_update(store: Store) -> None:
    group = make_group("g1", "Coördinatie", Membership.JOINED, is_closed=True, can_edit=True)
    store.upsert_groups([group])
    assert store.group("g1") == group
    assert store.group("nope") is None

    renamed = make_group("g1", "Samenwerking", Membership.REQUESTED, plugins=())
    store.upsert_groups([renamed])
    assert store.group("g1") == renamed


def test_blog_round_trip_with_thread(store: Store) -> None:
    reply = make_comment("c1r1", "b1", 30, "Een antwoord", parent_guid="c1")
    thread = (
        make_comment("c2", "b1", 40, "Nieuwste reactie", owner=None),
        make_comment("c1", "b1", 20, "Oudste reactie", replies=(reply,)),
    )
    blog = make_blog(
        "b1",
        abstract="Kort gezegd",
        rich_description='{"type":"doc","content":[]}',
        time_updated=datetime(2024, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=2))),
        is_bookmarked=True,
        has_voted=True,
        is_pinned=True,
        is_following=True,
        can_edit=True,
        status_published="draft",
        comments=thread,
        comment_count=3,
    )
    store.upsert_blogs([blog])
    loaded = store.blog("b1")
    assert loaded == blog
    assert loaded is not None and loaded.comments is not None
    assert loaded.comments[1].replies[0].author_name == "Jan"
    assert loaded.comments[0].author_name == "Gast"


def test_blog_without_fetched_thread_reads_back_none(store: Store) -> None:
    blog = make_blog("b1", group_guid=None, time_published=None, owner=None)
    store.upsert_blogs([blog])
    assert store.blog("b1") == blog
    assert store.blog("missing") is None


def test_times_come_back_as_the_same_instant_in_utc(store: Store) -> None:
    amsterdam = timezone(timedelta(hours=1))
    published = datetime(2023, 5, 19, 16, 32, 58, 123456, tzinfo=amsterdam)
    store.upsert_blogs([make_blog("b1", time_published=published)])
    loaded = store.blog("b1")
    assert loaded is not None and loaded.time_published is not None
    assert loaded.time_published == published
    assert loaded.time_published.utcoffset() == timedelta(0)
    assert loaded.time_published.astimezone(UTC).microsecond == 123456


def test_author_details_keep_cached_values_when_site_omits_them(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", owner=HADEWYCH)])
    store.upsert_blogs([make_blog("b2", owner=User(guid=HADEWYCH.guid, name="Hadewych B."))])
    loaded = store.blog("b1")
    assert loaded is not None
    assert loaded.owner == User(
        guid=HADEWYCH.guid,
        name="Hadewych B.",
        username=HADEWYCH.username,
        icon=HADEWYCH.icon,
        url=HADEWYCH.url,
    )


def test_vote_and_bookmark_show_before_sync(store: Store) -> None:
    thread = (make_comment("c1", "b1", 5, owner=JAN),)
    store.upsert_blogs([make_blog("b1", votes=3, comments=thread)])

    store.apply_vote("b1", 1)
    store.apply_vote("c1", -1)
    store.set_bookmarked("b1", True)
    blog = store.blog("b1")
    assert blog is not None and blog.comments is not None
    assert (blog.votes, blog.has_voted, blog.is_bookmarked) == (4, True, True)
    assert (blog.comments[0].votes, blog.comments[0].has_voted) == (0, True)

    store.apply_vote("b1", -1)  # the opposite vote takes the first one back
    store.set_bookmarked("b1", False)
    blog = store.blog("b1")
    assert blog is not None
    assert (blog.votes, blog.has_voted, blog.is_bookmarked) == (3, False, False)


def test_group_membership_change(store: Store) -> None:
    store.upsert_groups([make_group("g1", "Open groep")])
    store.set_group_membership("g1", Membership.JOINED)
    group = store.group("g1")
    assert group is not None and group.is_mine


def test_watermarks(store: Store, cache_path: Path) -> None:
    assert store.get_watermark("groups") is None
    store.set_watermark("groups", "2024-03-01T09:00:00+00:00")
    store.set_watermark("groups", "2024-03-02T09:00:00+00:00")
    store.set_watermark("blogs:g1", "40")
    store.close()
    with Store.open(cache_path) as reopened:
        assert reopened.get_watermark("groups") == "2024-03-02T09:00:00+00:00"
        assert reopened.get_watermark("blogs:g1") == "40"
