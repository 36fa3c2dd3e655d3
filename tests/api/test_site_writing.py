"""Writing to a running local site over HTTP: posts, comments, replies, votes,
bookmarks, follows, group membership; each read back from the site."""

from __future__ import annotations

import json

from api_helpers import CLOSED_GROUP, OPEN_GROUP, VJ_GROUP, ClientFactory, group_named, tiptap

from pleio_tui.api import PleioClient, default_access_id_for
from pleio_tui.models import AccessId, Blog, Membership
from pleio_tui.server import LocalSite


async def _post(client: PleioClient, title: str = "Treinpost") -> Blog:
    group = await group_named(client, VJ_GROUP)
    site = await client.site()
    return await client.add_blog(
        group.guid,
        title,
        tiptap("Geschreven in de trein."),
        access_id=default_access_id_for(group, site),
        abstract="Kort",
        tags=("trein",),
    )


async def test_add_blog_reads_back_and_heads_the_feed(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    blog = await _post(client)
    assert (blog.title, blog.abstract, blog.tags) == ("Treinpost", "Kort", ("trein",))
    assert blog.owner is not None and blog.owner.name == "Hadewych"
    assert blog.access_id == AccessId.LOGGED_IN, "the group's default, not Pleio's private 0"
    assert blog.write_access_id == AccessId.PRIVATE
    read_back = await client.blog(blog.guid)
    assert read_back is not None
    assert read_back.comments == ()
    assert read_back.rich_description is not None
    assert json.loads(read_back.rich_description) == json.loads(tiptap("Geschreven in de trein."))
    feed = await client.blogs(blog.group_guid, limit=1)
    assert feed.items[0].guid == blog.guid


async def test_edit_blog_changes_only_what_is_given(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    blog = await _post(client)
    edited = await client.edit_blog(blog.guid, title="Treinpost, herzien")
    assert edited.title == "Treinpost, herzien"
    assert edited.rich_description == blog.rich_description
    assert edited.abstract == "Kort" and edited.tags == ("trein",)
    assert edited.time_updated is not None and blog.time_updated is not None
    assert edited.time_updated > blog.time_updated


async def test_delete_blog(demo_site: LocalSite, hadewych: str, make_client: ClientFactory) -> None:
    client = make_client(demo_site.url, hadewych)
    blog = await _post(client)
    assert await client.delete_entity(blog.guid) is True
    assert await client.blog(blog.guid) is None
    assert await client.entity_exists(blog.guid) is False


async def test_comment_reply_and_edit_form_a_thread(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    blog = await _post(client)
    comment = await client.add_comment(blog.guid, tiptap("Eerste reactie"))
    assert (comment.blog_guid, comment.parent_guid) == (blog.guid, blog.guid)
    assert comment.owner is not None and comment.owner.name == "Hadewych"
    reply = await client.add_comment(comment.guid, tiptap("Een antwoord"), blog_guid=blog.guid)
    assert (reply.blog_guid, reply.parent_guid) == (blog.guid, comment.guid)
    edited = await client.edit_comment(
        comment.guid,
        tiptap("Eerste reactie, verbeterd"),
        blog_guid=blog.guid,
        parent_guid=blog.guid,
    )
    assert edited.description.startswith("Eerste reactie, verbeterd")
    thread = await client.blog(blog.guid)
    assert thread is not None and thread.comments is not None
    assert thread.comment_count == 2
    [top] = thread.comments
    assert top.guid == comment.guid and top.rich_description == edited.rich_description
    assert [r.guid for r in top.replies] == [reply.guid]
    assert await client.delete_entity(reply.guid) is True


async def test_vote_up_then_take_it_back(
    demo_site: LocalSite, jan_session: str, hadewych: str, make_client: ClientFactory
) -> None:
    blog = await _post(make_client(demo_site.url, hadewych))
    jan = make_client(demo_site.url, jan_session)
    up = await jan.vote(blog.guid, 1)
    assert (up.guid, up.votes, up.has_voted) == (blog.guid, 1, True)
    back = await jan.vote(blog.guid, -1)
    assert (back.votes, back.has_voted) == (0, False)


async def test_bookmark_and_follow(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    vj = await group_named(client, VJ_GROUP)
    blog = (await client.blogs(vj.guid, limit=1)).items[0]
    assert await client.bookmark(blog.guid, True) is True
    marked = await client.bookmarks()
    assert blog.guid in {b.guid for b in marked.items}
    assert all(b.is_bookmarked for b in marked.items)
    assert await client.bookmark(blog.guid, False) is False
    assert blog.guid not in {b.guid for b in (await client.bookmarks()).items}
    assert await client.follow(blog.guid, True) is True
    assert await client.follow(blog.guid, False) is False


async def test_bookmarks_of_deleted_posts_count_and_are_skipped(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    """Pleio keeps a bookmark whose post is gone: `total` counts it and its edge is
    null. The client lists the posts that are there and reads the total as given."""
    client = make_client(demo_site.url, hadewych)
    kept, gone = await _post(client, "Blijft"), await _post(client, "Gaat weg")
    for blog in (kept, gone):
        assert await client.bookmark(blog.guid, True) is True
    assert await client.delete_entity(gone.guid) is True
    marked = await client.bookmarks()
    assert marked.total == 2
    assert [b.guid for b in marked.items] == [kept.guid]


async def test_join_and_leave_an_open_group(
    demo_site: LocalSite, jan_session: str, make_client: ClientFactory
) -> None:
    jan = make_client(demo_site.url, jan_session)
    group = await group_named(jan, OPEN_GROUP)
    joined = await jan.join_group(group.guid)
    assert joined.membership is Membership.JOINED
    assert joined.member_count == group.member_count + 1
    left = await jan.leave_group(group.guid)
    assert left.membership is Membership.NOT_JOINED


async def test_joining_a_closed_group_is_a_request(
    demo_site: LocalSite, jan_session: str, make_client: ClientFactory
) -> None:
    jan = make_client(demo_site.url, jan_session)
    group = await group_named(jan, CLOSED_GROUP)
    assert (await jan.join_group(group.guid)).membership is Membership.REQUESTED
