"""Queries, facets and sorting over the index and store: what `catalogue search` runs, and
what docs/assets/finder.js does in the browser step for step (keep the two in line).

A query is split into words the way the index text was (index.words); stop words are dropped.
Every word must match (AND). A word matches by itself, stemmed (boost 10), or as a prefix
("apprentic" finds apprenticeships, boost 3; the last word from its first letter, so results
keep up with typing "school p"); a word that matches nothing that way is taken
as a near miss: one edit away (two for 6 letters or more, none past 24), as typed and stemmed, since lunr does not
stem fuzzy terms ("wfi" finds wifi, "housng" the stem "hous" of housing; boost 1). Fuzzy
clauses only for words that found nothing keep "parking" from also finding "bark" and "part".
Words are looked up as terms, never parsed as lunr query syntax, so no input ("a:b", "+-~")
means anything but its words. Scores are lunr's, summed posting by posting (scoring.py).

Facets combine with AND across facets and OR within one; a facet's counts apply the query and
every other facet but itself, so they say what ticking one more option would give.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .index import STOP_WORDS, stem, words
from .scoring import PackedIndex

FACETS = ("borough", "phase", "status", "topic", "collaboration", "year")
SORTS = ("relevance", "start", "reviewed")
MAX_WORDS = 12
BOOST_EXACT, BOOST_PREFIX, BOOST_FUZZY = 10, 3, 1
FUZZY_FROM, TWO_EDITS_FROM, FUZZY_UP_TO = 3, 6, 24  # word lengths: one edit from 3, two from 6, none past 24

Clauses = list[tuple[list[int], float]]  # per clause: the terms it expands to (index positions), its boost


def query_words(text: str) -> list[str]:
    """The words of a query that can match: no stop words, each once, at most MAX_WORDS."""
    return list(dict.fromkeys(w for w in words(text) if w not in STOP_WORDS))[:MAX_WORDS]


def clauses(index: PackedIndex, word: str, last: bool = False) -> Clauses:
    """The clauses a word matches by first: itself, stemmed, and as a prefix (of two letters or
    more; from one letter for the last word, the one that may be being typed)."""
    found = [(index.term(stem(word)), float(BOOST_EXACT))]
    if len(word) >= (1 if last else 2):
        found.append((index.prefix(word), float(BOOST_PREFIX)))
    return found


def fuzzy_forms(word: str) -> list[str]:
    """The forms of a word to look for near misses of; none for short words (too many near
    misses) or very long ones (too slow to expand)."""
    if not FUZZY_FROM <= len(word) <= FUZZY_UP_TO:
        return []
    return [form for form in dict.fromkeys((word, stem(word))) if len(form) >= FUZZY_FROM]


def fuzzy_clauses(index: PackedIndex, word: str) -> Clauses:
    """The clauses of a word that matched nothing: near misses of it and of its stem."""
    return [(index.fuzzy(form, 2 if len(form) >= TWO_EDITS_FROM else 1), float(BOOST_FUZZY))
            for form in fuzzy_forms(word)]


def word_scores(index: PackedIndex, word: str, last: bool = False) -> dict[int, float]:
    """ref -> score of the documents one word matches: as typed, or else as a near miss."""
    found = index.score(clauses(index, word, last))
    if found or not fuzzy_forms(word):
        return found
    return index.score(fuzzy_clauses(index, word))


def match(index: PackedIndex, text: str) -> dict[int, float] | None:
    """ref -> summed score of the documents matching every word; None when the query has no
    word that can match (then every document matches)."""
    wanted = query_words(text)
    if not wanted:
        return None
    scores = word_scores(index, wanted[0], len(wanted) == 1)
    for n, word in enumerate(wanted[1:], 2):
        if not scores:
            break
        more = word_scores(index, word, n == len(wanted))
        scores = {ref: score + more[ref] for ref, score in scores.items() if ref in more}
    return scores


@dataclass(frozen=True)
class Hit:
    ref: str
    score: float
    doc: dict[str, Any]


@dataclass
class Result:
    hits: list[Hit]
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.hits)


def decode(store: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The store's rows as dicts with plain values, plus each facet's values as a set."""
    facets = store["facets"]

    def value(name: str, i: int) -> str:
        return str(facets[name][i][0])

    docs = []
    for ref, row in enumerate(store["docs"]):
        doc = dict(zip(store["columns"], row, strict=True))
        doc.update(ref=str(ref), url=store["url"].format(id=doc["id"]),
                   lead_name=facets["borough"][doc["lead"]][1], lead=value("borough", doc["lead"]),
                   phase=value("phase", doc["phase"]), status=value("status", doc["status"]),
                   topics=[value("topic", i) for i in doc["topics"]],
                   collaboration=[value("collaboration", i) for i in doc["collaboration"]],
                   partners=[value("borough", i) for i in doc["partners"]], year=doc["start"][:4])
        doc["facets"] = {
            "borough": {doc["lead"], *doc["partners"]}, "phase": {doc["phase"]}, "status": {doc["status"]},
            "topic": set(doc["topics"]), "collaboration": set(doc["collaboration"]), "year": {doc["year"]},
        }
        docs.append(doc)
    return docs


def passes(doc: dict[str, Any], filters: Mapping[str, Iterable[str]], skip: str | None = None) -> bool:
    return all(doc["facets"][name] & set(chosen) for name, chosen in filters.items() if chosen and name != skip)


def sort_key(sort: str, has_query: bool) -> Callable[[Hit], tuple[Any, ...]]:
    def key(hit: Hit) -> tuple[Any, ...]:
        title = hit.doc["title"].lower()
        if sort == "start":
            return (_desc(hit.doc["start"][:7]), _desc(hit.doc["start"]), title)
        if sort == "reviewed":
            return (_desc(hit.doc["reviewed"]), title)
        return (-hit.score, title) if has_query else (title,)
    return key


def _desc(text: str) -> tuple[int, ...]:
    """A key sorting text (ISO dates) newest first."""
    return tuple(-ord(c) for c in text)


class Finder:
    """The index and store of one catalogue, queried like the /find/ page queries them."""

    def __init__(self, index: PackedIndex | None, store: Mapping[str, Any]) -> None:
        self.index = index
        self.store = store
        self.docs = decode(store)

    def options(self, facet: str) -> list[tuple[str, str]]:
        """(value, label) of a facet's options, in display order."""
        if facet == "year":
            return [(y, y) for y in sorted({d["year"] for d in self.docs}, reverse=True)]
        return [(str(v), str(label)) for v, label in self.store["facets"][facet]]

    def search(self, text: str = "", filters: Mapping[str, Iterable[str]] | None = None,
               sort: str = "relevance") -> Result:
        if sort not in SORTS:
            raise ValueError(f"unknown sort {sort!r}: use one of {', '.join(SORTS)}")
        chosen = {name: set(values) for name, values in (filters or {}).items() if values}
        scores = match(self.index, text) if self.index is not None else None
        found = self.docs if scores is None else [d for n, d in enumerate(self.docs) if n in scores]
        hits = [Hit(d["ref"], (scores or {}).get(int(d["ref"]), 0.0), d) for d in found if passes(d, chosen)]
        hits.sort(key=sort_key(sort, scores is not None))
        return Result(hits, self.counts(found, chosen))

    def counts(self, found: list[dict[str, Any]], filters: Mapping[str, set[str]]) -> dict[str, dict[str, int]]:
        counts: dict[str, dict[str, int]] = {}
        for facet in FACETS:
            tally = dict.fromkeys((value for value, _ in self.options(facet)), 0)
            for doc in found:
                if passes(doc, filters, skip=facet):
                    for value in doc["facets"][facet]:
                        tally[value] = tally.get(value, 0) + 1
            counts[facet] = tally
        return counts
