"""Pleio's error codes, as a running local site sends them, reach the caller typed.

`invalid_subtype` and `not_authorized` cannot be provoked through the client's
own calls (it only sends the subtypes it knows); test_errors.py maps them."""

from __future__ import annotations

import pytest
from api_helpers import VJ_GROUP, ClientFactory, group_named, tiptap

from pleio_tui.api import (
    AlreadyDoneError,
    InvalidInputError,
    NotAllowedError,
    NotFoundError,
    NotLoggedInError,
    PleioClient,
    RemoteError,
    SessionExpiredError,
)
from pleio_tui.models import AccessId, Blog
from pleio_tui.server import LocalSite

UNKNOWN = "00000000-0000-0000-0000-000000000000"


async def _hadewych_post(client: PleioClient) -> Blog:
    vj = await group_named(client, VJ_GROUP)
    return await client.add_blog(
        vj.guid, "Van Hadewych", tiptap("Tekst"), access_id=AccessId.PUBLIC
    )


async def test_not_logged_in(demo_site: LocalSite, make_client: ClientFactory) -> None:
    anonymous = make_client(demo_site.url)
    vj = await group_named(anonymous, VJ_GROUP)
    blog = (await anonymous.blogs(vj.guid, limit=1)).items[0]
    with pytest.raises(NotLoggedInError) as caught:
        await anonymous.add_comment(blog.guid, tiptap("Hallo"))
    assert caught.value.code == "not_logged_in"
    assert isinstance(caught.value, SessionExpiredError)
    assert caught.value.path == ("addEntity",)


async def test_not_found_codes(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    with pytest.raises(NotFoundError) as caught:
        await client.add_comment(UNKNOWN, tiptap("Hallo"))
    assert caught.value.code == "could_not_find"
    with pytest.raises(NotFoundError) as caught:
        await client.add_blog(UNKNOWN, "Titel", tiptap("x"), access_id=AccessId.LOGGED_IN)
    assert caught.value.code == "could_not_find_group"
    # "" is no missing container on Pleio: it is looked up as a UUID, which fails.
    with pytest.raises(RemoteError) as refused:
        await client.add_comment("", tiptap("Hallo"))
    assert type(refused.value) is RemoteError
    assert refused.value.code.endswith("is not a valid UUID.']")


async def test_jan_may_not_post_in_a_group_he_is_not_in(
    demo_site: LocalSite, jan_session: str, make_client: ClientFactory
) -> None:
    jan = make_client(demo_site.url, jan_session)
    vj = await group_named(jan, VJ_GROUP)
    with pytest.raises(NotAllowedError) as caught:
        await jan.add_blog(vj.guid, "Van Jan", tiptap("x"), access_id=AccessId.LOGGED_IN)
    assert caught.value.code == "user_not_member_of_group"


async def test_jan_may_not_change_hadewychs_post(
    demo_site: LocalSite, hadewych: str, jan_session: str, make_client: ClientFactory
) -> None:
    blog = await _hadewych_post(make_client(demo_site.url, hadewych))
    jan = make_client(demo_site.url, jan_session)
    with pytest.raises(NotAllowedError) as caught:
        await jan.edit_blog(blog.guid, title="Gekaapt")
    assert caught.value.code == "could_not_save"
    with pytest.raises(NotAllowedError) as caught:
        await jan.delete_entity(blog.guid)
    assert caught.value.code == "could_not_save"


async def test_a_group_cannot_be_deleted_as_content(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    vj = await group_named(client, VJ_GROUP)
    with pytest.raises(NotAllowedError) as caught:
        await client.delete_entity(vj.guid)
    assert caught.value.code == "could_not_delete"


async def test_a_reply_takes_no_reply(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    blog = await _hadewych_post(client)
    comment = await client.add_comment(blog.guid, tiptap("Reactie"))
    reply = await client.add_comment(comment.guid, tiptap("Antwoord"), blog_guid=blog.guid)
    with pytest.raises(NotAllowedError) as caught:
        await client.add_comment(reply.guid, tiptap("Te diep"), blog_guid=blog.guid)
    assert caught.value.code == "could_not_add"


async def test_invalid_values(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    vj = await group_named(client, VJ_GROUP)
    with pytest.raises(InvalidInputError) as caught:
        await client.add_blog(vj.guid, "   ", tiptap("x"), access_id=AccessId.LOGGED_IN)
    assert caught.value.code == "invalid_value"
    blog = (await client.blogs(vj.guid, limit=1)).items[0]
    with pytest.raises(InvalidInputError) as caught:
        await client.vote(blog.guid, 0)
    assert caught.value.code == "invalid_value"


async def test_already_done(
    demo_site: LocalSite, hadewych: str, jan_session: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    blog = await _hadewych_post(client)
    jan = make_client(demo_site.url, jan_session)
    await jan.vote(blog.guid, 1)
    with pytest.raises(AlreadyDoneError) as caught:
        await jan.vote(blog.guid, 1)
    assert caught.value.code == "already_voted"
    vj = await group_named(client, VJ_GROUP)
    with pytest.raises(AlreadyDoneError) as caught:
        await client.join_group(vj.guid)
    assert caught.value.code == "already_member_of_group"
