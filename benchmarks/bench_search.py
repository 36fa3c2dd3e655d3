"""Full-text search of a large cache, the way the search screen asks: once for
every key typed, each query ending in a prefix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from synthetic import STOPWORD, WORDS
from timing import median_of, seconds

from pleio_tui.store import Store

TYPED_WORDS = (WORDS[200], WORDS[1])
"""Typed letter by letter: every prefix is a query, as the search screen sends it.
The second is the most common word after the stopword, and begins hundreds of
other words: its prefixes are the costliest to match."""
WHOLE_WORDS = (WORDS[50], WORDS[1000], WORDS[10_000], f"{WORDS[30]} {WORDS[700]}")


def typed_queries() -> list[str]:
    typed = [word[:length] for word in TYPED_WORDS for length in range(1, len(word) + 1)]
    return list(dict.fromkeys(typed)) + list(WHOLE_WORDS)


@dataclass(frozen=True, slots=True)
class SearchTimes:
    per_query: dict[str, float]
    stopword: float

    @property
    def typical(self) -> float:
        ordered = sorted(self.per_query.values())
        return ordered[len(ordered) // 2]

    @property
    def slowest(self) -> tuple[str, float]:
        query = max(self.per_query, key=self.per_query.__getitem__)
        return query, self.per_query[query]


def search_times(cache: Path, repeats: int) -> SearchTimes:
    with Store.open(cache) as store:

        def timed(query: str) -> float:
            store.search(query)  # once to warm the page cache, as a second keystroke finds it
            return median_of(lambda: seconds(lambda: store.search(query)), repeats)

        per_query = {query: timed(query) for query in typed_queries()}
        return SearchTimes(per_query, timed(STOPWORD))
