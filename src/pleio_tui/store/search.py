"""Full-text search of the cache. User input never reaches FTS5 as query syntax."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable

from pleio_tui.models import SearchHit
from pleio_tui.store.base import StoreBase
from pleio_tui.store.errors import translated_errors
from pleio_tui.store.search_text import fold, is_plain_word
from pleio_tui.store.values import time_from_db

MAX_TERMS = 16
TITLE_WEIGHT = 10.0
TAGS_WEIGHT = 5.0
BODY_WEIGHT = 1.0
SNIPPET_TOKENS = 16
SHORTEST_PREFIX = 2
PREFIX_INDEXED = 5
"""The search index keeps prefix indexes for prefixes of SHORTEST_PREFIX to this
many characters. A word of one letter is searched as that word alone: as a
prefix it matches nearly every document, and its index took a sixth of the cache."""
MAX_COMPLETIONS = 64
"""A longer last word is searched as an OR of the terms it begins, up to this many."""
MAX_CONTAINING = 64
"""A word of three letters or more also finds up to this many longer words it is
part of ("participatie" in "overheidsparticipatie"); a word inside more of them
than that (a common syllable) is matched as itself alone."""
MIN_INSIDE = 3
"""The shortest word looked up inside others: the trigram index needs three letters."""

CANDIDATES = 1000
"""Documents ranked for one query: the most recently indexed that match. Ranking
every match would cost time in proportion to the cache; a query that matches more
than this is narrowed by typing on."""

# Best-ranked document per blog (a bare column next to min() comes from the
# row holding the minimum), so a post with thirty matching comments is one hit.
# MATERIALIZED keeps bm25() in a plain scan of the index (it cannot be used once
# the planner folds it into the GROUP BY); ORDER BY rowid lets FTS5 stop after
# :candidates documents instead of ranking them all.
_HITS_SQL = f"""
WITH matches AS MATERIALIZED (
    SELECT rowid, bm25(search_index, {TITLE_WEIGHT}, {TAGS_WEIGHT}, {BODY_WEIGHT}) AS rank
      FROM search_index WHERE search_index MATCH :match
     ORDER BY rowid DESC LIMIT :candidates
), best AS (
    SELECT d.blog_guid, d.comment_guid, d.id AS doc_id, min(m.rank) AS rank
      FROM matches AS m JOIN search_docs AS d ON d.id = m.rowid
     GROUP BY d.blog_guid
)
SELECT best.blog_guid, best.comment_guid, best.doc_id, best.rank,
       b.title, coalesce(g.name, b.group_name) AS group_name,
       coalesce(u.name, '') AS author_name, b.time_published
  FROM best
  JOIN blogs AS b ON b.guid = best.blog_guid
  LEFT JOIN users AS u ON u.guid = b.owner_guid
  LEFT JOIN groups AS g ON g.guid = b.group_guid
 ORDER BY best.rank, b.time_published DESC, b.guid
 LIMIT :limit OFFSET :offset
"""

# Snippets are costly, so they are made only for the hits on the page, in one pass
# over the rowid range those hits span (each separate MATCH would read the words'
# postings again). CASE keeps snippet() off the other documents in the range.
_SNIPPETS_SQL = f"""
SELECT rowid,
       CASE WHEN rowid IN (SELECT value FROM json_each(:doc_ids))
            THEN snippet(search_index, 2, '', '', '…', {SNIPPET_TOKENS}) END
  FROM search_index
 WHERE search_index MATCH :match AND rowid BETWEEN :low AND :high
"""

# The index's terms seen through fts5vocab, one row per occurrence: unlike the
# per-term tables it counts nothing, so "is there any term in this range" is one
# seek. In the temp schema, so it is per connection and never part of the file.
_TERMS_TABLE_SQL = """CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms
    USING fts5vocab(main, search_index, instance)"""
# A lower bound of a term plus NUL seeks past that term's occurrences to the next term.
_NEXT_TERM_SQL = "SELECT term FROM temp.search_terms WHERE term >= :low AND term < :high LIMIT 1"
# The vocabulary's trigram index answers LIKE with a pattern of three letters or
# more; the word is plain letters and digits, so it holds no LIKE wildcard.
_CONTAINING_SQL = "SELECT term FROM search_vocab_trigram WHERE term LIKE :pattern LIMIT :limit"
_PLAIN_TERM = re.compile(r"[0-9a-z]+")
"""A word the tokenizer indexes as it is, once lower-cased (ASCII letters and digits)."""

_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]+")


def search_words(query: str) -> list[str]:
    """The words of the user's query that can match: those with a letter or digit."""
    return [word for word in query.split() if any(ch.isalnum() for ch in word)][:MAX_TERMS]


def as_prefix(word: str) -> str:
    return _quote(word) + "*"


def match_expression(
    query: str,
    last_word: Callable[[str], str] = as_prefix,
    inside: Callable[[str], list[str]] = lambda word: [],
) -> str | None:
    """Each word of the user's query as a quoted FTS5 string, all of them required;
    `last_word` says how the last one matches (by default as a prefix), and
    `inside` gives the longer indexed words each one may match as well.

    Quoting turns operators (AND, OR, NOT, NEAR), column filters, `*`, `^`, `-`
    and brackets into plain words; a doubled `"` is a literal quote. Words with
    no letter or digit are dropped. None when nothing searchable remains. The AND
    is explicit: FTS5 joins phrases implicitly, but not a phrase and a bracket.
    """
    words = search_words(query)
    if not words:
        return None
    matched = [*map(_quote, words[:-1]), last_word(words[-1])]
    return " AND ".join(
        _or_inside(own, inside(word)) for own, word in zip(matched, words, strict=True)
    )


def _or_inside(own: str, longer: list[str]) -> str:
    if not longer:
        return own
    return "(" + " OR ".join([own, *map(_quote, longer)]) + ")"


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _any_of(terms: list[str]) -> str:
    return "(" + " OR ".join(_quote(term) for term in terms) + ")"


def _one_line(text: str) -> str:
    """Snippets are shown on one line: control characters and line breaks become spaces."""
    return _CONTROL_OR_SPACE.sub(" ", text).strip()


class SearchMixin(StoreBase):
    def search(self, query: str, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Blogs whose title, body or comments hold every word of `query`, best first."""
        if limit <= 0:
            return []
        with translated_errors(self._path):
            match = match_expression(query, self._last_word, self._words_containing)
            if match is None:
                return []
            params = {
                "match": match,
                "limit": limit,
                "offset": max(offset, 0),
                "candidates": CANDIDATES,
            }
            try:
                rows = self._conn.execute(_HITS_SQL, params).fetchall()
            except sqlite3.OperationalError as exc:
                # A quoted query should always parse; if FTS5 still refuses it
                # (an unusual token), the answer is "no hits", not a crash.
                if "fts5" in str(exc).lower():
                    return []
                raise
            snippets = self._snippets(match, [row["doc_id"] for row in rows])
            return [_hit(row, snippets.get(row["doc_id"], "")) for row in rows]

    def _last_word(self, word: str) -> str:
        """The last word as FTS5 should match it: as a prefix, as the whole word
        when it is one letter or no other indexed term begins with it, or as the
        word OR each of the few longer terms that begin with it.

        Words of up to PREFIX_INDEXED characters have prefix indexes. A longer
        prefix is merged from the postings of every term it begins, and bm25() and
        snippet() merge them again: for a word in nearly every document that was
        most of the query's time. Listing those terms is a few seeks, and FTS5
        walks an OR of terms lazily, stopping after CANDIDATES documents.
        """
        prefix = as_prefix(word)
        term = word.lower()
        if len(term) < SHORTEST_PREFIX:
            return _quote(word)
        if len(term) <= PREFIX_INDEXED or not _PLAIN_TERM.fullmatch(term):
            return prefix  # indexed, or the tokenizer may fold it
        longer = self._terms_beginning(term, MAX_COMPLETIONS + 1)
        if not longer:
            return _quote(word)
        if len(longer) > MAX_COMPLETIONS:
            return prefix
        return _any_of([term, *longer])

    def _words_containing(self, word: str) -> list[str]:
        """The longer indexed words `word` is part of, when there are few enough."""
        folded = fold(word)
        if len(folded) < MIN_INSIDE or not is_plain_word(folded):
            return []
        params = {"pattern": f"%{folded}%", "limit": MAX_CONTAINING + 2}
        found = [row[0] for row in self._conn.execute(_CONTAINING_SQL, params) if row[0] != folded]
        return [] if len(found) > MAX_CONTAINING else found

    def _terms_beginning(self, term: str, at_most: int) -> list[str]:
        """Up to `at_most` indexed terms, other than `term`, that begin with `term`."""
        self._conn.execute(_TERMS_TABLE_SQL)
        found: list[str] = []
        low, high = term + "\0", term[:-1] + chr(ord(term[-1]) + 1)
        while len(found) < at_most:
            row = self._conn.execute(_NEXT_TERM_SQL, {"low": low, "high": high}).fetchone()
            if row is None:
                break
            found.append(row[0])
            low = row[0] + "\0"
        return found

    def _snippets(self, match: str, doc_ids: list[int]) -> dict[int, str]:
        if not doc_ids:
            return {}
        params = {
            "match": match,
            "doc_ids": json.dumps(doc_ids),
            "low": min(doc_ids),
            "high": max(doc_ids),
        }
        rows = self._conn.execute(_SNIPPETS_SQL, params)
        return {doc_id: snippet for doc_id, snippet in rows if snippet is not None}


def _hit(row: sqlite3.Row, snippet: str) -> SearchHit:
    return SearchHit(
        blog_guid=row["blog_guid"],
        title=row["title"],
        group_name=row["group_name"],
        author_name=row["author_name"],
        time_published=time_from_db(row["time_published"]),
        snippet=_one_line(snippet),
        in_comment=row["comment_guid"] is not None,
    )
