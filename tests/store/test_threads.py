"""A blog's comment thread is replaced whole when fetched, kept when not."""

from __future__ import annotations

from store_factories import at, make_blog, make_comment

from pleio_tui.store import Store


def test_refetched_thread_replaces_the_cached_one(store: Store) -> None:
    old_reply = make_comment("r1", "b1", 12, "Oud antwoord", parent_guid="c1")
    store.upsert_blogs(
        [
            make_blog(
                "b1",
                comments=(
                    make_comment("c2", "b1", 20, "Verwijderd"),
                    make_comment("c1", "b1", 10, "Blijft", replies=(old_reply,)),
                ),
            )
        ]
    )
    new_thread = (
        make_comment("c3", "b1", 30, "Nieuw"),
        make_comment("c1", "b1", 10, "Blijft, bewerkt", replies=()),
    )
    store.upsert_blogs([make_blog("b1", comments=new_thread)])

    blog = store.blog("b1")
    assert blog is not None and blog.comments == new_thread


def test_blog_without_thread_keeps_cached_comments(store: Store) -> None:
    thread = (make_comment("c1", "b1", 10),)
    store.upsert_blogs([make_blog("b1", comments=thread, title="Eerst")])
    store.upsert_blogs([make_blog("b1", comments=None, title="Later")])
    blog = store.blog("b1")
    assert blog is not None
    assert (blog.title, blog.comments) == ("Later", thread)


def test_empty_thread_is_cached_as_empty(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", comments=(make_comment("c1", "b1", 1),))])
    store.upsert_blogs([make_blog("b1", comments=())])
    blog = store.blog("b1")
    assert blog is not None and blog.comments == ()


def test_top_level_newest_first_replies_oldest_first(store: Store) -> None:
    # Pleio sends replies newest first; under their comment they read down in time.
    replies = (
        make_comment("r-late", "b1", 50, parent_guid="c-old"),
        make_comment("r-early", "b1", 5, parent_guid="c-old"),
    )
    # Given oldest first: the cache still hands the top level back newest first.
    store.upsert_blogs(
        [
            make_blog(
                "b1",
                comments=(
                    make_comment("c-old", "b1", 1, replies=replies),
                    make_comment("c-new", "b1", 9),
                ),
            )
        ]
    )
    blog = store.blog("b1")
    assert blog is not None and blog.comments is not None
    assert [c.guid for c in blog.comments] == ["c-new", "c-old"]
    assert [r.guid for r in blog.comments[1].replies] == ["r-early", "r-late"]


def test_deleting_a_blog_deletes_its_thread(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", comments=(make_comment("c1", "b1", 1),))])
    store.delete_blogs(["b1"])
    store.upsert_blogs([make_blog("b1")])
    blog = store.blog("b1")
    assert blog is not None and blog.comments is None
    assert store.search("reactie") == []


def test_last_action_is_the_newest_of_blog_and_comments(store: Store) -> None:
    store.upsert_blogs([make_blog("b1", minutes=0)])
    assert store.last_action("b1") == at(0)
    reply = make_comment("r1", "b1", 90, parent_guid="c1")
    store.upsert_blogs(
        [make_blog("b1", minutes=0, comments=(make_comment("c1", "b1", 30, replies=(reply,)),))]
    )
    assert store.last_action("b1") == at(90)
    # A newer edit of the blog, sent without its thread, still counts the cached replies.
    store.upsert_blogs([make_blog("b1", minutes=0, time_updated=at(60))])
    assert store.last_action("b1") == at(90)
    store.upsert_blogs([make_blog("b1", minutes=0, time_updated=at(120))])
    assert store.last_action("b1") == at(120)
    assert store.last_action("unknown") is None
