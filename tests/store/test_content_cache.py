"""Every kind of content in the cache beside the blogs: its kind and details kept,
feeds of one kind read by key, search over all kinds, and the blog counts the
sync compares with the site left to blogs alone."""

from __future__ import annotations

from datetime import UTC, datetime

from store_factories import make_blog

from pleio_tui.models import ContentDetails
from pleio_tui.store import Store
from pleio_tui.store.content import details_from_db, details_to_db

EVENT_DETAILS = ContentDetails(
    start_date=datetime(2030, 1, 2, 13, 0, tzinfo=UTC),
    end_date=datetime(2030, 1, 2, 16, 0, tzinfo=UTC),
    location="Turfmarkt 147, Den Haag",
    location_link="https://example.org/map",
    is_attending="maybe",
)


def test_details_survive_the_round_trip() -> None:
    assert details_to_db(ContentDetails()) is None
    wiki = ContentDetails(parent=("p", "Handboek"), children=(("c1", "Stap 1"), ("c2", "Stap 2")))
    for details in (EVENT_DETAILS, wiki, ContentDetails(size=12, folder=("f", "Verslagen"))):
        assert details_from_db(details_to_db(details)) == details
    assert details_from_db("not json") == ContentDetails()


def test_an_event_comes_back_with_its_kind_and_details(store: Store) -> None:
    store.upsert_blogs([make_blog("e1", subtype="event", details=EVENT_DETAILS, title="Borrel")])
    cached = store.blog("e1")
    assert cached is not None
    assert (cached.subtype, cached.details) == ("event", EVENT_DETAILS)
    store.set_attendance("e1", "accept")
    again = store.blog("e1")
    assert again is not None and again.details.is_attending == "accept"


def test_a_feed_of_one_kind_and_the_mixed_feed(store: Store) -> None:
    store.upsert_blogs(
        [
            make_blog("b1", minutes=1),
            make_blog("d1", minutes=2, subtype="discussion"),
            make_blog("q1", minutes=3, subtype="question"),
            make_blog("d2", minutes=4, subtype="discussion", group_guid="group-2"),
        ]
    )
    mixed = store.feed("group-1")
    assert [(r.guid, r.subtype) for r in mixed.window(0, 10)] == [
        ("q1", "question"),
        ("d1", "discussion"),
        ("b1", "blog"),
    ]
    assert [r.guid for r in store.feed("group-1", "discussion").window(0, 10)] == ["d1"]
    assert [r.guid for r in store.feed(None, "discussion").window(0, 10)] == ["d2", "d1"]
    assert store.feed(None, "event").count() == 0


def test_search_finds_every_kind(store: Store) -> None:
    store.upsert_blogs([make_blog("q1", subtype="question", title="Wie kent een burgerberaad?")])
    assert [hit.blog_guid for hit in store.search("burgerberaad")] == ["q1"]


def test_the_blog_counts_of_a_sync_leave_other_kinds_out(store: Store) -> None:
    store.upsert_blogs(
        [
            make_blog("b1"),
            make_blog("d1", subtype="discussion"),
            make_blog("w1", subtype="wiki", status_published="archived"),
        ]
    )
    assert store.listed_blog_count() == 1
    assert store.archived_blog_count() == 0
    assert store.content_count() == 1
    assert store.content_guids() == {"d1"}
    store.add_listed_guids(["b1"], "progress", "0 0")
    assert store.cached_but_unlisted() == set()
