"""Every kind of content beside blogs, read and written by the client over HTTP
against the local site: pages for a sync, one item, the best answer, attendance,
new discussions, questions and status updates, and a file's download."""

from __future__ import annotations

import json

import pytest
from api_helpers import VJ_GROUP, ClientFactory, group_named

from pleio_tui.api.content_client import ForeignDownloadError
from pleio_tui.models import Blog
from pleio_tui.server import LocalSite


def doc(text: str) -> str:
    paragraph = {"type": "paragraph", "content": [{"type": "text", "text": text}]}
    return json.dumps({"type": "doc", "content": [paragraph]})


async def _all(client: object) -> list[Blog]:
    page = await client.content_page(0, 50)  # type: ignore[attr-defined]
    return list(page.items)


async def test_a_page_holds_every_kind_with_its_own_parts(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    items = await _all(client)
    by_kind = {item.subtype: item for item in items}
    assert set(by_kind) >= {"discussion", "question", "event", "wiki", "news", "statusupdate"}
    assert {"file", "folder"} <= set(by_kind)
    event = by_kind["event"]
    assert event.details.start_date is not None and event.details.location
    assert event.group_name == VJ_GROUP and event.comments == ()
    question = next(i for i in items if i.subtype == "question" and i.group_name == VJ_GROUP)
    assert question.details.best_answer_guid == question.comments[0].guid
    assert question.details.can_choose_best_answer is True
    discussion = next(i for i in items if i.title.startswith("Hoe betrekken we jongeren"))
    assert discussion.comment_count == 4 and len(discussion.comments[0].replies) in (0, 2)
    file = next(i for i in items if i.title == "verslag-werksessie-maart.txt")
    assert file.details.size > 0 and file.details.download_url
    assert file.details.folder is not None and file.details.folder[1] == "Verslagen"
    wiki = next(i for i in items if i.title == "Handboek participatie")
    assert wiki.details.children[0][1].startswith("Stap 1")


async def test_one_item_and_its_thread_by_guid(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    discussion = next(i for i in await _all(client) if i.subtype == "discussion")
    again = await client.blog(discussion.guid)  # the reader asks as for a blog
    assert again is not None and again.subtype == "discussion"
    assert again.comments == discussion.comments
    thread = await client.comments_under(discussion.guid)
    assert thread is not None and [c.guid for c in thread] == [c.guid for c in again.comments]
    state = await client.reaction_state(discussion.guid)
    assert state is not None and state.guid == discussion.guid


async def test_best_answer_and_attendance_round_trip(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    items = await _all(client)
    question = next(i for i in items if i.subtype == "question" and i.group_name == VJ_GROUP)
    other = question.comments[1].guid
    assert await client.toggle_best_answer(other) == other
    assert await client.best_answer(question.guid) == other
    assert await client.best_answer("no-such-guid") is False
    event = next(i for i in items if i.subtype == "event")
    assert await client.attendance(event.guid) is None
    assert await client.attend_event(event.guid, "maybe") == "maybe"
    assert await client.attendance(event.guid) == "maybe"
    assert await client.attend_event(event.guid, None) is None


async def test_new_discussion_question_and_status_update(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    group = await group_named(client, VJ_GROUP)
    for subtype, title in (("discussion", "Over de werksessie"), ("question", "Wie komt?")):
        made = await client.add_content(
            {
                "subtype": subtype,
                "title": title,
                "containerGuid": group.guid,
                "richDescription": doc("Tekst"),
                "accessId": 1,
            }
        )
        assert (made.subtype, made.title, made.group_guid) == (subtype, title, group.guid)
    status = await client.add_content(
        {"subtype": "statusupdate", "containerGuid": group.guid, "richDescription": doc("Hoi")}
    )
    assert status.subtype == "statusupdate" and status.description.startswith("Hoi")


async def test_a_download_sends_the_session_to_its_own_site_alone(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    file = next(i for i in await _all(client) if i.subtype == "file")
    assert file.details.download_url is not None
    content = await client.download(file.details.download_url)
    assert len(content) == file.details.size and content.startswith(b"Verslag")
    with pytest.raises(ForeignDownloadError):
        await client.download("https://elsewhere.example/file/download/x/y")


async def test_an_edit_of_a_discussion_comes_back_as_the_discussion(
    demo_site: LocalSite, hadewych: str, make_client: ClientFactory
) -> None:
    client = make_client(demo_site.url, hadewych)
    group = await group_named(client, VJ_GROUP)
    made = await client.add_content(
        {"subtype": "discussion", "title": "Eerst zo", "containerGuid": group.guid,
         "richDescription": doc("Tekst"), "accessId": 1}
    )  # fmt: skip
    edited = await client.edit_blog(made.guid, title="Toch anders")
    assert (edited.guid, edited.subtype, edited.title) == (made.guid, "discussion", "Toch anders")
