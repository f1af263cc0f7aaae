"""The posting-by-posting scorer (catalogue.search.scoring) against lunr.py's own queries over the
same index: the same documents match and score the same, up to the order of float additions."""

from __future__ import annotations

import pytest
from lunr.query import Query

from catalogue.search import packed, query
from catalogue.search.scoring import PackedIndex


@pytest.fixture(scope="module")
def indexes(packed_index: dict) -> tuple[PackedIndex, object]:
    return PackedIndex(packed_index), packed.load(packed_index)


def lunr_clauses(q: Query, word: str) -> None:
    q.term(word, boost=query.BOOST_EXACT)
    if len(word) >= 2:
        q.term(word, use_pipeline=False, wildcard=Query.WILDCARD_TRAILING, boost=query.BOOST_PREFIX)


def lunr_fuzzy_clauses(q: Query, word: str) -> None:
    for form in query.fuzzy_forms(word):
        edits = 2 if len(form) >= query.TWO_EDITS_FROM else 1
        q.term(form, use_pipeline=False, edit_distance=edits, boost=query.BOOST_FUZZY)


@pytest.mark.parametrize("word", ["apprenticeships", "apprentic", "data", "co", "re", "parking", "council",
                                  "wifi", "london", "digital", "zzz", "housing"])
def test_a_word_scores_as_lunr_scores_it(indexes, word: str) -> None:
    ours, lunr_index = indexes
    theirs = {int(hit["ref"]): hit["score"] for hit in lunr_index.query(callback=lambda q: lunr_clauses(q, word))}
    found = ours.score(query.clauses(ours, word))  # lunr_clauses: a prefix from two letters
    assert found.keys() == theirs.keys()
    assert found == pytest.approx(theirs, rel=1e-9)


@pytest.mark.parametrize("word", ["wfi", "housng", "chatbto", "aprenticeships"])
def test_a_near_miss_scores_as_lunr_scores_it(indexes, word: str) -> None:
    ours, lunr_index = indexes
    theirs = {int(hit["ref"]): hit["score"]
              for hit in lunr_index.query(callback=lambda q: lunr_fuzzy_clauses(q, word))}
    found = ours.score(query.fuzzy_clauses(ours, word))
    assert theirs and found.keys() == theirs.keys()
    assert found == pytest.approx(theirs, rel=1e-9)


def test_a_prefix_is_every_term_starting_with_it(indexes) -> None:
    ours, _ = indexes
    assert [ours.terms[p] for p in ours.prefix("apprentic")] == [t for t in ours.terms if t.startswith("apprentic")]
    assert ours.prefix("zzzz") == [] and ours.term("zzzz") == []


def test_postings_are_decoded_only_when_a_query_needs_them(packed_index: dict) -> None:
    ours = PackedIndex(packed_index)
    assert not ours._postings
    ours.score(query.clauses(ours, "govroam"))
    assert 0 < len(ours._postings) < 5


def test_another_format_is_refused(packed_index: dict) -> None:
    with pytest.raises(ValueError, match="packed lunr index"):
        PackedIndex({**packed_index, "formatVersion": 99})
