"""Full-text search: titles, bodies and comments, accent-blind, safe with any input."""

from __future__ import annotations

import pytest
from store_factories import make_blog, make_comment

from pleio_tui.store import Store
from pleio_tui.store.search import match_expression


@pytest.fixture
def library(store: Store) -> Store:
    store.upsert_blogs(
        [
            make_blog(
                "b-title",
                "g1",
                minutes=1,
                title="Coördinatie van de ketenpartners",
                description="Over overleg.",
                tags=("ketens",),
            ),
            make_blog(
                "b-body",
                "g1",
                minutes=2,
                title="Van buiten naar binnen",
                description="Het ministerie zoekt coördinatie met gemeenten.",
            ),
            make_blog(
                "b-comment",
                "g2",
                minutes=3,
                title="Nieuwe werkwijze",
                description="Niets bijzonders hier.",
                comments=(
                    make_comment(
                        "c1",
                        "b-comment",
                        10,
                        "Ik mis de paragraaf over duurzaamheid.",
                        replies=(
                            make_comment(
                                "c1r", "b-comment", 11, "Staat in bijlage zeven.", parent_guid="c1"
                            ),
                        ),
                    ),
                ),
            ),
        ]
    )
    return store


def _guids(store: Store, query: str) -> list[str]:
    return [hit.blog_guid for hit in store.search(query)]


def test_word_from_a_body(library: Store) -> None:
    (hit,) = library.search("gemeenten")
    assert hit.blog_guid == "b-body"
    assert hit.title == "Van buiten naar binnen"
    assert not hit.in_comment
    assert "gemeenten" in hit.snippet
    assert hit.author_name == "Hadewych"
    assert hit.group_name == "Group g1"


def test_word_from_a_comment_and_a_reply_point_at_the_post(library: Store) -> None:
    (hit,) = library.search("duurzaamheid")
    assert (hit.blog_guid, hit.in_comment) == ("b-comment", True)
    assert "duurzaamheid" in hit.snippet
    assert _guids(library, "bijlage") == ["b-comment"]


def test_diacritics_and_case_do_not_matter(library: Store) -> None:
    assert _guids(library, "coordinatie") == ["b-title", "b-body"]  # title ranks higher
    assert _guids(library, "COÖRDINATIE") == ["b-title", "b-body"]


def test_every_word_must_match_and_the_last_is_a_prefix(library: Store) -> None:
    assert _guids(library, "ministerie coörd") == ["b-body"]
    assert _guids(library, "ketenpart") == ["b-title"]
    assert _guids(library, "ketenpart ministerie") == []


def test_a_post_with_many_matching_comments_is_one_hit(store: Store) -> None:
    thread = tuple(make_comment(f"c{i}", "b1", i, "Eens met de fiets.") for i in range(5))
    store.upsert_blogs([make_blog("b1", title="Fiets naar het werk", comments=thread)])
    hits = store.search("fiets")
    assert [(hit.blog_guid, hit.in_comment) for hit in hits] == [("b1", False)]


def test_replaced_thread_is_reindexed(library: Store) -> None:
    library.upsert_blogs(
        [
            make_blog(
                "b-comment",
                "g2",
                minutes=3,
                comments=(make_comment("c9", "b-comment", 20, "Fietsen."),),
            )
        ]
    )
    assert library.search("duurzaamheid") == []
    assert library.search("bijlage") == []
    assert _guids(library, "fietsen") == ["b-comment"]


def test_paging_through_hits(store: Store) -> None:
    store.upsert_blogs(make_blog(f"b{i:02}", minutes=i, description="overleg") for i in range(12))
    first = store.search("overleg", limit=5)
    rest = store.search("overleg", limit=10, offset=5)
    assert len(first) == 5 and len(rest) == 7
    assert {hit.blog_guid for hit in first + rest} == {f"b{i:02}" for i in range(12)}
    assert store.search("overleg", limit=0) == []


def test_snippet_is_one_line_without_control_characters(store: Store) -> None:
    store.upsert_blogs(
        [make_blog("b1", description="Eerste regel\n\x1b[31mrood\x1b[0m\ttweede fietsregel\r\n")]
    )
    (hit,) = store.search("fietsregel")
    assert "\x1b" not in hit.snippet and "\n" not in hit.snippet and "\t" not in hit.snippet


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        '""',
        "*",
        "NEAR(",
        "NEAR(a b",
        "a OR",
        "OR",
        "AND NOT",
        "-x",
        "^",
        "title:",
        "title:ministerie",
        "'; DROP TABLE blogs; --",
        "') OR 1=1 --",
        "\x00",
        "(((",
        "a" * 500,
        'coördinatie"*',
        " ".join(["woord"] * 100),
    ],
)
def test_hostile_queries_never_raise(library: Store, query: str) -> None:
    hits = library.search(query)
    assert isinstance(hits, list)
    assert library.feed(None).count() == 3


def test_operators_are_plain_words(library: Store) -> None:
    # "OR" is not an operator here: both words must occur, so nothing matches.
    assert _guids(library, "gemeenten OR duurzaamheid") == []
    assert _guids(library, "-gemeenten") == ["b-body"]
    assert _guids(library, "title:ministerie") == []
    assert _guids(library, 'coördinatie"*') == ["b-title", "b-body"]


def test_match_expression_quotes_every_word() -> None:
    assert match_expression("") is None
    assert match_expression(' " * ( ') is None
    assert match_expression('NEAR( a"b') == '"NEAR(" AND "a""b"*'
    assert match_expression("-x OR") == '"-x" AND "OR"*'


def test_rich_text_bodies_are_searchable(store: Store) -> None:
    tiptap = (
        '{"type":"doc","content":[{"type":"paragraph","content":'
        '[{"type":"text","text":"Onderzoek naar "},'
        '{"type":"text","marks":[{"type":"bold"}],"text":"waterbeheer"}]}]}'
    )
    rich_comment = make_comment("c1", "b1", 5, text="")._replace(
        rich_description=tiptap.replace("Onderzoek naar", "Vraag over").replace(
            "waterbeheer", "peil"
        ),
    )
    store.upsert_blogs(
        [
            make_blog("b1", description="", rich_description=tiptap, comments=(rich_comment,)),
            make_blog("b2", description="<p>Oud <b>HTML-bericht</b> over dijken</p>"),
        ]
    )
    assert {(hit.blog_guid, hit.in_comment) for hit in store.search("waterbeheer")} == {
        ("b1", False)
    }
    assert [(hit.blog_guid, hit.in_comment) for hit in store.search("vraag")] == [("b1", True)]
    (hit,) = store.search("dijken")
    assert "<p>" not in hit.snippet and "dijken" in hit.snippet


def test_a_word_of_one_letter_is_searched_as_itself(store: Store) -> None:
    """One letter has no prefix index: as a prefix it would match nearly everything."""
    store.upsert_blogs(
        [
            make_blog("b-c", "g1", minutes=1, title="Vitamine C", description="Sinaasappels."),
            make_blog("b-cc", "g1", minutes=2, title="Cijfers", description="Citroenen."),
        ]
    )
    assert [hit.blog_guid for hit in store.search("c")] == ["b-c"]
    assert {hit.blog_guid for hit in store.search("ci")} == {"b-cc"}
    assert {hit.blog_guid for hit in store.search("vitamine c")} == {"b-c"}
