"""The lunr.py index and the document store."""

from __future__ import annotations

import json

from lunr import lunr

from catalogue.search import index


def test_words_are_letters_and_digits_only() -> None:
    text = "## Wi-Fi *for* residents' 5G_networks: see https://example.org/a?b=c (2024)."
    assert index.words(text) == ["wi", "fi", "for", "residents", "5g", "networks", "see", "2024"]


def test_words_are_nfkc_normalised_and_lower_case() -> None:
    assert index.words("ＷＩＦＩ ﬁle Ärger") == ["wifi", "file", "ärger"]


def test_terms_drop_stop_words_and_stem() -> None:
    assert index.terms("The apprenticeships and the housing") == ["apprenticeship", "hous"]


def test_term_builder_gives_the_index_lunr_py_builds(sample) -> None:
    """TermBuilder skips lunr's per-token pipeline and builds vectors in one go: same index."""
    topics = index.topic_labels()
    docs = [{"r": str(ref), **{name: index.clean(text) for name, text in index.field_texts(p, topics).items()}}
            for ref, p in enumerate(index.projects(sample))]
    stock = lunr("r", [{"field_name": name, "boost": boost} for name, _, boost in index.FIELDS], docs)
    ours = index.build_index(sample)
    assert json.dumps(ours.serialize(), sort_keys=True) == json.dumps(stock.serialize(), sort_keys=True)


def test_the_index_keeps_no_term_positions(sample) -> None:
    serialised = index.build_index(sample).serialize()
    postings = [refs for _, posting in serialised["invertedIndex"]
                for name, refs in posting.items() if name != "_index"]
    assert all(meta == {} for refs in postings for meta in refs.values())


def test_every_field_is_indexed(sample) -> None:
    serialised = index.build_index(sample).serialize()
    assert serialised["fields"] == [name for name, _, _ in index.FIELDS]
    assert serialised["pipeline"] == ["stemmer"]
    terms = {term for term, _ in serialised["invertedIndex"]}
    assert not {"the", "and", "of", "with"} & terms  # stop words go before stemming
    # a word only in a description, one only in an outcome, a partner's name
    assert {"govwifi", "pipelin", "jisc"} <= terms


def test_refs_are_positions_in_id_order(sample) -> None:
    projects = index.projects(sample)
    assert [p.data["id"] for p in projects] == sorted(sample.projects)
    store = index.store(sample)
    assert [row[0] for row in store["docs"]] == [p.data["id"] for p in projects]


def test_the_store_is_one_short_row_per_project(sample) -> None:
    store = index.store(sample)
    assert store["columns"] == list(index.COLUMNS)
    assert store["url"] == "projects/{id}/"
    assert len(store["docs"]) == len(sample.projects)
    text = json.dumps(store)
    for project in sample.projects.values():
        assert project.data["description"].split("\n")[0] not in text  # no descriptions


def test_store_rows_decode_to_the_record(sample) -> None:
    store = index.store(sample)
    facets, columns = store["facets"], store["columns"]
    row = dict(zip(columns, store["docs"][[r[0] for r in store["docs"]].index("digital-apprenticeships")], strict=True))
    assert facets["borough"][row["lead"]] == ["hackney", "Hackney"]
    assert facets["phase"][row["phase"]] == ["live", "Live"]
    assert facets["status"][row["status"]] == ["active", "Active"]
    assert [facets["topic"][i][0] for i in row["topics"]] == ["education-and-skills", "employment", "workforce-and-hr"]
    assert [facets["collaboration"][i][0] for i in row["collaboration"]] == [
        "share-learning", "ready-to-reuse", "open-to-conversation"]
    assert [facets["borough"][i][0] for i in row["partners"]] == ["loti"]
    assert (row["start"], row["reviewed"], row["summary"]) == (
        "2019-09", "2026-09-14", sample.projects["digital-apprenticeships"].data["summary"])


def test_organisation_options_are_the_organisations_involved(sample) -> None:
    options = index.facet_options(sample)["borough"]
    involved = {o.id for p in sample.projects.values() for o in (p.lead, *p.partner_orgs())}
    assert {value for value, _ in options} == involved
    assert [label.lower() for _, label in options] == sorted(label.lower() for _, label in options)
