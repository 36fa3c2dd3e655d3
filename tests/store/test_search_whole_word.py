"""How the last word of a query is matched. Up to five letters it is a prefix
the index keeps; a longer word is the whole word when no other indexed term
begins with it, else the word OR the few terms it begins. Each way must find
exactly what the plain prefix search finds."""

from __future__ import annotations

import pytest
from store_factories import make_blog, make_comment

import pleio_tui.store.search as search_module
from pleio_tui.store import Store


@pytest.fixture
def shelf(store: Store) -> Store:
    store.upsert_blogs(
        [
            make_blog("b-raad", "g1", minutes=1, title="Wijkraad", description="De wijkraad."),
            make_blog(
                "b-raden",
                "g1",
                minutes=2,
                title="Samen",
                description="Alle wijkraden van de stad.",
                comments=(make_comment("c1", "b-raden", 5, "Een wijkraadslid spreekt."),),
            ),
            make_blog("b-plan", "g2", minutes=3, title="Planning", description="Voor de wijk."),
        ]
    )
    return store


def _guids(store: Store, query: str) -> set[str]:
    return {hit.blog_guid for hit in store.search(query)}


def test_a_word_that_begins_longer_terms_is_it_or_them(shelf: Store) -> None:
    assert shelf._last_word("wijkraad") == '("wijkraad" OR "wijkraadslid")'
    assert _guids(shelf, "wijkraad") == {"b-raad", "b-raden"}
    assert _guids(shelf, "WIJKRAAD") == {"b-raad", "b-raden"}
    assert _guids(shelf, "wijkraads") == {"b-raden"}


def test_a_word_no_other_term_begins_with_is_searched_whole(shelf: Store) -> None:
    assert shelf._last_word("planning") == '"planning"'
    assert shelf._last_word("Wijkraden") == '"Wijkraden"'
    assert _guids(shelf, "planning") == {"b-plan"}
    assert _guids(shelf, "Wijkraden") == {"b-raden"}


def test_short_words_use_the_prefix_index(shelf: Store) -> None:
    assert shelf._last_word("wijk") == '"wijk"*'
    assert _guids(shelf, "wijk") == {"b-raad", "b-raden", "b-plan"}


def test_a_word_the_tokenizer_folds_keeps_the_prefix(shelf: Store) -> None:
    assert shelf._last_word("wijkräad") == '"wijkräad"*'
    assert _guids(shelf, "wijkräad") == {"b-raad", "b-raden"}


def test_a_word_that_begins_too_many_terms_stays_a_prefix(
    shelf: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "MAX_COMPLETIONS", 0)
    assert shelf._last_word("wijkraad") == '"wijkraad"*'
    assert _guids(shelf, "wijkraad") == {"b-raad", "b-raden"}


def test_hits_and_snippets_equal_the_prefix_search(
    shelf: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = ("wijkraad", "de wijkraad", "planning", "wijkraden", "wijkraadslid", "nergens")

    def found(query: str) -> set[tuple[str, str]]:
        return {(hit.blog_guid, hit.snippet) for hit in shelf.search(query)}

    chosen = [found(query) for query in queries]
    monkeypatch.setattr(Store, "_last_word", lambda self, word: f'"{word}"*')
    assert [found(query) for query in queries] == chosen
