"""Queries, facets and sorting (catalogue.search.query), over the sample's packed index."""

from __future__ import annotations

import pytest
from search_support import ids

from catalogue.search import query

APPRENTICESHIPS = ["digital-apprenticeships", "camden-digital-apprenticeships", "lewisham-digital-apprenticeships"]


@pytest.mark.parametrize(("words", "first"), [
    ("govroam", "govroam-council-buildings"),
    ("chatbot", "westminster-chatbot"),
    ("retrofit", "lambeth-retrofit-data"),
    ("datastore", "london-datastore"),
    ("flood", "enfield-flood-sensors"),
])
def test_a_title_word_ranks_that_project_first(finder, words: str, first: str) -> None:
    assert ids(finder.search(words))[0] == first


def test_title_matches_rank_above_description_matches(finder) -> None:
    # "apprenticeships" is in three titles and in other projects' text
    assert ids(finder.search("apprenticeships"))[:3] == APPRENTICESHIPS


def test_a_prefix_finds_the_whole_word(finder) -> None:
    assert ids(finder.search("apprentic")) == APPRENTICESHIPS


@pytest.mark.parametrize(("typo", "first"), [
    ("wfi", "govroam-council-buildings"),
    ("chatbto", "westminster-chatbot"),
    ("aprenticeships", "digital-apprenticeships"),
    ("housng", "newham-damp-and-mould-prediction"),  # two edits from the stem "hous"
])
def test_a_near_miss_still_finds_the_project(finder, typo: str, first: str) -> None:
    assert ids(finder.search(typo))[0] == first


def test_near_misses_are_only_tried_for_words_that_found_nothing(finder) -> None:
    # "parking" stems to "park", one edit from "bark" and "part": those must not come back
    index = finder.index
    assert query.word_scores(index, "parking") == index.score(query.clauses(index, "parking"))
    terms = [index.terms[p] for positions, _ in query.clauses(index, "parking") for p in positions]
    assert terms and all(term.startswith("park") for term in terms)
    assert set(ids(finder.search("parking"))[:2]) == {"barnet-parking-sensors", "croydon-parking-sensors"}


def test_every_word_must_match(finder) -> None:
    assert ids(finder.search("digital apprenticeships camden")) == ["camden-digital-apprenticeships"]
    assert ids(finder.search("apprenticeships govroam")) == []


def test_stop_words_and_case_do_not_matter(finder) -> None:
    assert ids(finder.search("The GOVROAM of the")) == ["govroam-council-buildings"]


@pytest.mark.parametrize("text", ["a:b", "+-~", "*", "title:wifi", "wifi^10", "wifi~3", "\\", '"', "((", ")",
                                  "-wifi", "+wifi", ":", "🙂", "\x00", "a" * 500, "wi fi " * 40, "ｗｉｆｉ", "𠀀"])
def test_special_characters_never_raise(finder, text: str) -> None:
    result = finder.search(text)
    assert isinstance(result.hits, list)


def test_lunr_syntax_is_read_as_words(finder) -> None:
    assert ids(finder.search("title:govroam"))[:1] == []  # "title" is no word of that record
    assert ids(finder.search("govroam^"))[0] == "govroam-council-buildings"
    assert ids(finder.search("govroam~2"))[:1] == []  # "2" is a word and matches nothing
    assert ids(finder.search("+govroam -wifi")) == ["govroam-council-buildings"]


def test_a_query_without_words_lists_every_project_by_title(finder, sample) -> None:
    for text in ("", "   ", "+-~", "the and of"):
        titles = [hit.doc["title"].lower() for hit in finder.search(text).hits]
        assert len(titles) == len(sample.projects) and titles == sorted(titles)


def test_an_organisation_matches_as_lead_or_partner(finder, sample) -> None:
    found = set(ids(finder.search("", {"borough": ["loti"]})))
    assert found == {p.data["id"] for p in sample.projects.values()
                     if p.lead.id == "loti" or "loti" in [o.id for o in p.partner_orgs()]}
    assert "digital-apprenticeships" in found  # LOTI advises Hackney's project


def test_options_of_one_facet_combine_with_or_facets_with_and(finder, sample) -> None:
    live_or_beta = finder.search("", {"phase": ["live", "beta"]})
    assert {h.doc["phase"] for h in live_or_beta.hits} == {"live", "beta"}
    assert live_or_beta.total == sum(1 for p in sample.projects.values() if p.data["phase"] in ("live", "beta"))
    both = finder.search("", {"phase": ["live", "beta"], "topic": ["connectivity"]})
    assert both.total and all(h.doc["phase"] in ("live", "beta") and "connectivity" in h.doc["topics"]
                              for h in both.hits)


def test_filters_apply_to_query_results(finder) -> None:
    assert ids(finder.search("apprenticeships", {"borough": ["camden"]})) == ["camden-digital-apprenticeships"]
    assert ids(finder.search("apprenticeships", {"phase": ["beta"]})) == ["lewisham-digital-apprenticeships"]
    assert ids(finder.search("apprenticeships", {"year": ["2019"]})) == ["digital-apprenticeships"]


def test_a_facet_counts_with_every_filter_but_its_own(finder) -> None:
    filters = {"phase": ["live"], "borough": ["camden", "hackney"]}
    result = finder.search("apprenticeships", filters)
    assert ids(result) == ["digital-apprenticeships", "camden-digital-apprenticeships"]
    found = finder.search("apprenticeships").hits
    for facet in query.FACETS:
        others = {name: values for name, values in filters.items() if name != facet}
        expected: dict[str, int] = {}
        for hit in found:
            if all(hit.doc["facets"][name] & set(values) for name, values in others.items()):
                for value in hit.doc["facets"][facet]:
                    expected[value] = expected.get(value, 0) + 1
        assert {k: v for k, v in result.counts[facet].items() if v} == expected, facet
    # Lewisham's beta project has Hackney as a partner: the phase counts offer it
    assert result.counts["phase"]["beta"] == 1


def test_counts_cover_every_option(finder) -> None:
    counts = finder.search("").counts
    for facet in query.FACETS:
        assert set(counts[facet]) >= {value for value, _ in finder.options(facet)}
    assert sum(counts["phase"].values()) == len(finder.docs)


@pytest.mark.parametrize(("sort", "key"), [("start", "start"), ("reviewed", "reviewed")])
def test_sorting_newest_first(finder, sort: str, key: str) -> None:
    values = [hit.doc[key][:7] for hit in finder.search("", sort=sort).hits]
    assert values == sorted(values, reverse=True)


def test_sorting_keeps_the_query_and_filters(finder) -> None:
    hits = finder.search("apprenticeships", {"phase": ["live", "beta"]}, sort="start").hits
    assert sorted(h.doc["id"] for h in hits) == sorted(APPRENTICESHIPS)
    assert [h.doc["start"] for h in hits] == sorted((h.doc["start"] for h in hits), reverse=True)


def test_an_unknown_sort_is_refused(finder) -> None:
    with pytest.raises(ValueError, match="unknown sort"):
        finder.search("", sort="title")


def test_years_are_offered_newest_first(finder) -> None:
    years = [value for value, _ in finder.options("year")]
    assert years == sorted(years, reverse=True) and "2019" in years


def test_the_last_word_is_a_prefix_from_its_first_letter(finder) -> None:
    """Typing "digital i" on the way to "digital inclusion" keeps the results coming."""
    assert set(ids(finder.search("digital inclusion"))) <= set(ids(finder.search("digital i")))
    assert ids(finder.search("x digital")) == []  # an earlier word needs two letters to be a prefix
