"""Reading a running local site over HTTP: viewer, site, groups, feeds, a post with its thread."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from api_helpers import CLOSED_GROUP, SEED_TITLE, VJ_GROUP, ClientFactory, group_named

from pleio_tui.api import OfflineError, SessionExpiredError
from pleio_tui.models import AccessId, Membership
from pleio_tui.server import LocalSite

SiteFactory = Callable[..., LocalSite]


async def test_anonymous_viewer(demo_site: LocalSite, make_client: ClientFactory) -> None:
    viewer = await make_client(demo_site.url).viewer()
    assert viewer.logged_in is False
    assert viewer.user is None


async def test_logged_in_viewer(
    demo_site: LocalSite, hadewych: str, admin_session: str, make_client: ClientFactory
) -> None:
    viewer = await make_client(demo_site.url, hadewych).viewer()
    assert viewer.logged_in is True
    assert viewer.is_admin is False
    assert viewer.user is not None
    # Pleio's username is the user's guid, never a login name.
    assert (viewer.user.name, viewer.user.username) == ("Hadewych", viewer.user.guid)
    admin = await make_client(demo_site.url, admin_session).viewer()
    assert admin.is_admin is True


async def test_site(demo_site: LocalSite, make_client: ClientFactory) -> None:
    site = await make_client(demo_site.url).site()
    assert site.name
    assert site.default_access_id == AccessId.LOGGED_IN
    assert {option.id for option in site.access_ids} >= {AccessId.LOGGED_IN, AccessId.PUBLIC}


async def test_groups_page_through_all_of_them(
    demo_site: LocalSite, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url)
    first = await client.groups(limit=2)
    rest = await client.groups(offset=2, limit=20)
    assert first.total == rest.total == 3
    assert len(first.items) == 2
    names = [g.name for g in first.items + rest.items]
    assert len(names) == len(set(names)) == 3
    assert names[0] == VJ_GROUP, "featured groups come first"


async def test_groups_q_matches_part_of_the_name_in_any_case(
    demo_site: LocalSite, make_client: ClientFactory
) -> None:
    page = await make_client(demo_site.url).groups(q="OMGEVINGSWET")
    assert page.total == 1
    [group] = page.items
    assert group.name == CLOSED_GROUP
    assert group.is_closed and group.is_membership_on_request


async def test_my_groups(demo_site: LocalSite, hadewych: str, make_client: ClientFactory) -> None:
    page = await make_client(demo_site.url, hadewych).groups(filter="mine")
    assert page.total == 2
    assert CLOSED_GROUP not in {g.name for g in page.items}
    assert all(g.membership is Membership.JOINED for g in page.items)
    vj = next(g for g in page.items if g.name == VJ_GROUP)
    assert vj.member_role == "owner" and vj.can_edit and "blog" in vj.plugins


async def test_blogs_of_a_group_page_newest_first(
    demo_site: LocalSite, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url)
    vj = await group_named(client, VJ_GROUP)
    first = await client.blogs(vj.guid, limit=4)
    second = await client.blogs(vj.guid, offset=4, limit=4)
    assert first.total == second.total == 6
    assert (len(first.items), len(second.items)) == (4, 2)
    blogs = first.items + second.items
    published = [b.time_published for b in blogs if b.time_published is not None]
    assert len(published) == 6 and all(p.tzinfo is not None for p in published)
    assert published == sorted(published, reverse=True)
    assert all(b.group_guid == vj.guid and b.group_name == VJ_GROUP for b in blogs)
    assert all(b.comments is None and b.rich_description is None for b in blogs)
    oldest_first = await client.blogs(vj.guid, limit=20, order_direction="asc")
    assert [b.guid for b in oldest_first.items] == [b.guid for b in reversed(blogs)]


async def test_blogs_ordered_by_title(demo_site: LocalSite, make_client: ClientFactory) -> None:
    client = make_client(demo_site.url)
    vj = await group_named(client, VJ_GROUP)
    page = await client.blogs(vj.guid, order_by="title", order_direction="asc")
    titles = [b.title for b in page.items]
    assert titles == sorted(titles, key=str.casefold)


async def test_blogs_with_body(demo_site: LocalSite, make_client: ClientFactory) -> None:
    client = make_client(demo_site.url)
    vj = await group_named(client, VJ_GROUP)
    page = await client.blogs(vj.guid, limit=2, with_body=True)
    for blog in page.items:
        assert blog.rich_description is not None
        assert json.loads(blog.rich_description)["type"] == "doc"
        assert blog.description


async def test_blog_detail_has_the_thread_newest_first_with_replies(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    vj = await group_named(client, VJ_GROUP)
    page = await client.blogs(vj.guid, order_by="title", order_direction="asc", limit=20)
    [listed] = [b for b in page.items if b.title == SEED_TITLE]
    blog = await client.blog(listed.guid)
    assert blog is not None
    assert blog.owner is not None and blog.owner.name == "Hadewych"
    assert blog.url.startswith("/") and listed.guid in blog.url
    assert blog.can_edit and blog.can_comment
    assert blog.comments is not None
    assert blog.comment_count == 5
    assert [c.author_name for c in blog.comments] == ["Pieter Bakker", "Marieke de Vries"]
    newest, oldest = blog.comments
    assert newest.time_created > oldest.time_created
    # Replies, like all of Pleio's comments, come newest first.
    assert [r.author_name for r in oldest.replies] == ["Joost Hendriks", "Hadewych"]
    assert oldest.votes == 2 and oldest.comment_count == 2
    for comment in blog.comments:
        assert (comment.blog_guid, comment.parent_guid) == (blog.guid, blog.guid)
        assert comment.can_comment, "a comment takes replies"
        for reply in comment.replies:
            assert (reply.blog_guid, reply.parent_guid) == (blog.guid, comment.guid)
            assert not reply.can_comment, "threads are two levels deep"
            assert reply.replies == ()


async def test_unknown_blog_is_none_and_does_not_exist(
    demo_site: LocalSite, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url)
    assert await client.blog("00000000-0000-0000-0000-000000000000") is None
    assert await client.entity_exists("00000000-0000-0000-0000-000000000000") is False


async def test_a_group_is_no_blog_but_exists(
    demo_site: LocalSite, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url)
    vj = await group_named(client, VJ_GROUP)
    assert await client.blog(vj.guid) is None
    assert await client.entity_exists(vj.guid) is True


async def test_walled_garden_wants_a_login(
    site_factory: SiteFactory, make_client: ClientFactory
) -> None:
    site = site_factory(demo=True, closed=True)
    with pytest.raises(SessionExpiredError):
        await make_client(site.url).viewer()
    viewer = await make_client(site.url, site.login("jan")).viewer()
    assert viewer.logged_in


async def test_a_stopped_site_is_offline(
    site_factory: SiteFactory, make_client: ClientFactory
) -> None:
    site = site_factory(demo=True)
    url = site.url
    site.stop()
    with pytest.raises(OfflineError) as caught:
        await make_client(url).viewer()
    assert caught.value.reason == "connect"
