"""Syncing every kind of content beside blogs: all of them the first time, what
changed later (a new discussion, a new answer, a best answer chosen elsewhere),
and what the site deleted, found by its count."""

from __future__ import annotations

from pathlib import Path

from sync_helpers import SEED_GROUP, SiteApi, age_last_reconcile, run_sync, tiptap

from pleio_tui.server import LocalSite
from pleio_tui.store import Store

KINDS = {"discussion", "question", "event", "wiki", "news", "statusupdate", "file", "folder"}
ADD = """
mutation($input: addEntityInput!) { addEntity(input: $input) { entity { guid } } }
"""
BEST = """
mutation($guid: String) { toggleBestAnswer(input: {guid: $guid}) { entity { guid } } }
"""
DELETE = "mutation($guid: String!) { deleteEntity(input: {guid: $guid}) { success } }"


def kinds_cached(cache_path: Path) -> dict[str, set[str]]:
    with Store.open(cache_path) as store:
        rows = store._conn.execute("SELECT guid, subtype FROM blogs").fetchall()
    cached: dict[str, set[str]] = {}
    for guid, subtype in rows:
        cached.setdefault(subtype, set()).add(guid)
    return cached


def group_guid(site_api: SiteApi, session: str, name: str) -> str:
    groups = site_api.data(session, "{ groups(limit: 50) { edges { guid name } } }")
    return next(g["guid"] for g in groups["groups"]["edges"] if g["name"] == name)


async def test_every_kind_arrives_and_changes_follow(
    demo_site: LocalSite, hadewych: str, site_api: SiteApi, cache_path: Path
) -> None:
    first = await run_sync(demo_site.url, hadewych, cache_path)
    assert first.completed
    cached = kinds_cached(cache_path)
    assert set(cached) >= KINDS
    with Store.open(cache_path) as store:
        [question] = [
            store.blog(guid)
            for guid in cached["question"]
            if (q := store.blog(guid)) is not None and q.group_name == SEED_GROUP
        ]
    assert question is not None and question.comments
    best = question.details.best_answer_guid
    assert [c.author_name for c in question.comments if c.guid == best] == ["Joost Hendriks"]

    # Behind the app's back: a new discussion, a new answer, another best answer.
    group = group_guid(site_api, hadewych, SEED_GROUP)
    marieke = demo_site.login("marieke")
    new = site_api.data(
        marieke,
        ADD,
        {
            "input": {
                "subtype": "discussion",
                "title": "Nieuw gesprek",
                "containerGuid": group,
                "richDescription": tiptap("Wat vinden jullie?"),
                "accessId": 2,
            }
        },
    )["addEntity"]["entity"]["guid"]
    answer = site_api.data(
        marieke,
        ADD,
        {
            "input": {
                "subtype": "comment",
                "containerGuid": question.guid,
                "richDescription": tiptap("Mijn antwoord"),
            }
        },
    )["addEntity"]["entity"]["guid"]
    site_api.data(hadewych, BEST, {"guid": answer})

    later = await run_sync(demo_site.url, hadewych, cache_path)
    assert later.completed and not later.full
    with Store.open(cache_path) as store:
        arrived = store.blog(new)
        assert arrived is not None and arrived.subtype == "discussion"
        again = store.blog(question.guid)
        assert again is not None and again.details.best_answer_guid == answer
        assert answer in {c.guid for c in again.comments or ()}

    # Deleted on the site: not looked for on every sync; the daily count
    # differs, and the listing finds it gone.
    site_api.data(marieke, DELETE, {"guid": new})
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        assert store.blog(new) is not None
    age_last_reconcile(cache_path)
    await run_sync(demo_site.url, hadewych, cache_path)
    with Store.open(cache_path) as store:
        assert store.blog(new) is None
        assert store.blog(question.guid) is not None
