"""A last word that begins no other indexed term is searched as the whole word:
the hits must be exactly those its prefix search finds."""

from __future__ import annotations

import pytest
from store_factories import make_blog, make_comment

from pleio_tui.store import Store


@pytest.fixture
def shelf(store: Store) -> Store:
    store.upsert_blogs(
        [
            make_blog("b-plan", "g1", minutes=1, title="Plan", description="Het plan van aanpak."),
            make_blog(
                "b-planning",
                "g1",
                minutes=2,
                title="Planning",
                description="De planning voor de wijk.",
                comments=(make_comment("c1", "b-planning", 5, "Een plan, eindelijk."),),
            ),
            make_blog("b-wijk", "g2", minutes=3, title="Wijkraad", description="Over de wijk."),
        ]
    )
    return store


def _guids(store: Store, query: str) -> list[str]:
    return [hit.blog_guid for hit in store.search(query)]


def test_a_prefix_of_longer_words_still_finds_them(shelf: Store) -> None:
    assert shelf._begins_other_terms("plan")
    assert set(_guids(shelf, "plan")) == {"b-plan", "b-planning"}
    assert set(_guids(shelf, "PLAN")) == {"b-plan", "b-planning"}


def test_a_word_no_other_term_begins_with_is_searched_whole(shelf: Store) -> None:
    assert not shelf._begins_other_terms("planning")
    assert not shelf._begins_other_terms("wijkraad")
    assert _guids(shelf, "planning") == ["b-planning"]
    assert _guids(shelf, "Wijkraad") == ["b-wijk"]


def test_a_word_that_is_no_term_but_begins_one_stays_a_prefix(shelf: Store) -> None:
    assert shelf._begins_other_terms("wij")
    assert set(_guids(shelf, "wij")) == {"b-planning", "b-wijk"}


def test_a_word_the_tokenizer_folds_keeps_the_prefix(shelf: Store) -> None:
    assert shelf._begins_other_terms("plän")


def test_hits_and_snippets_equal_the_prefix_search(
    shelf: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ("planning", "de planning", "wijkraad", "aanpak", "eindelijk", "nergens")
    whole = [shelf.search(query) for query in queries]
    monkeypatch.setattr(Store, "_begins_other_terms", lambda self, word: True)
    assert [shelf.search(query) for query in queries] == whole
