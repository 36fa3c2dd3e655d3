"""Pleio's QUESTIONER_CAN_CHOOSE_BEST_ANSWER, off on a new site: while it is off
nobody chooses a best answer, not even a site admin, and none is put first."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from site_graphql import SEED_GROUP, GraphQL
from test_content_kinds import BEST, QUESTION, first_of

from pleio_tui.server import LocalSite, db
from pleio_tui.server.site_setup import BEST_ANSWERS_KEY, best_answers_enabled


@pytest.fixture
def strict_api(site_factory: Callable[..., LocalSite]) -> Iterator[GraphQL]:
    """The demo, with best answers turned off as on a stock Pleio site."""
    caller = GraphQL(site_factory(demo=True, best_answers=False))
    yield caller
    caller.close()


def test_a_new_site_lets_nobody_choose(tmp_path: Path) -> None:
    LocalSite(tmp_path / "plain").prepare()
    conn = db.connect(tmp_path / "plain")
    try:
        assert best_answers_enabled(conn) is False
    finally:
        conn.close()
    LocalSite(tmp_path / "demo", demo=True).prepare()
    conn = db.connect(tmp_path / "demo")
    try:
        assert best_answers_enabled(conn) is True  # the demo shows the feature
        # A demo seeded before the setting existed gets it on its next start.
        with conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (BEST_ANSWERS_KEY,))
    finally:
        conn.close()
    LocalSite(tmp_path / "demo", demo=True).prepare()
    conn = db.connect(tmp_path / "demo")
    try:
        assert best_answers_enabled(conn) is True
    finally:
        conn.close()


def test_while_off_nobody_chooses_and_none_goes_first(strict_api: GraphQL) -> None:
    api = strict_api
    hadewych, admin = api.site.login("hadewych"), api.site.login("admin")
    question = first_of(api, hadewych, "question", api.group_guid(SEED_GROUP))
    for session in (hadewych, admin):  # the questioner, and a site admin
        seen = api.data(QUESTION, {"guid": question["guid"]}, session)["entity"]
        assert seen["canChooseBestAnswer"] is False
        assert seen["canClose"] is True  # closing is no best answer: still theirs
        answers = seen["comments"]
        # The seeded best answer is the older one: newest first, as any thread.
        assert [a["isBestAnswer"] for a in answers] == [False, True]
        for answer in answers:
            assert api.error(BEST, {"guid": answer["guid"]}, session) == "could_not_save"
