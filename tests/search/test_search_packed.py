"""The packed index: what builder.py writes is lunr.py's index, and unpacks to it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lunr.index import Index
from records_support import write
from search_support import TODAY

from catalogue.model import load
from catalogue.rules import Settings
from catalogue.search import builder, index, packed
from catalogue.search.build import to_json

BOOSTS = {name: boost for name, _, boost in index.FIELDS}
AWKWARD = """\
schema_version: 1
id: awkward-words
title: "Wi-Fi, wifi & WIFI: café ＷＩＦＩ 𝐁old 𠀀 sensors sensors sensors"
summary: "Repeated: data data data data. Apostrophes' and under_scores, https://example.org/x?y=z."
lead: hackney
phase: beta
status: active
start: "2025-04"
topics:
  - connectivity
tags:
  - wifi
contact:
  team: Streetscene
  email: streetscene@hackney.example.org
last_reviewed: "2026-10-01"
description: "## Ünïcødé\\n\\n- emoji 😀 and ½ and Ⅻ, data"
"""


def reference(catalogue) -> dict:  # type: ignore[no-untyped-def]
    """The packed index made the slow way: lunr.py's index, then packed."""
    return packed.pack(index.build_index(catalogue), BOOSTS, index.FLAT_FIELDS)


def test_builder_writes_what_packing_lunr_py_s_index_gives(sample) -> None:
    assert to_json(builder.build(sample)) == to_json(reference(sample))


def test_the_same_with_awkward_text(catalogue: Path) -> None:
    write(catalogue, "projects/hackney/awkward-words.yml", AWKWARD)
    model = load(catalogue, Settings(TODAY))
    assert to_json(builder.build(model)) == to_json(reference(model))


def test_unpacking_gives_lunr_py_s_postings_and_near_weights(sample, packed_index) -> None:
    exact = index.build_index(sample).serialize()
    unpacked = packed.unpack(packed_index)
    assert unpacked["fields"] == exact["fields"] and unpacked["pipeline"] == exact["pipeline"]
    assert unpacked["version"] == exact["version"]
    ours = {term: posting for term, posting in unpacked["invertedIndex"]}
    theirs = {term: posting for term, posting in exact["invertedIndex"]}
    assert list(ours) == sorted(theirs)
    for term, posting in theirs.items():
        assert {f: set(refs) for f, refs in posting.items() if f != "_index"} == \
               {f: set(refs) for f, refs in ours[term].items() if f != "_index"}
    name_of = {posting["_index"]: term for term, posting in exact["invertedIndex"]}
    exact_vectors = {ref: dict(zip(v[::2], v[1::2], strict=True)) for ref, v in exact["fieldVectors"]}
    for ref, elements in unpacked["fieldVectors"]:
        field = ref.split("/")[0]
        weights = {unpacked["invertedIndex"][i][0]: w for i, w in zip(elements[::2], elements[1::2], strict=True)}
        expected = {name_of[i]: w for i, w in exact_vectors[ref].items()}
        assert weights.keys() == expected.keys()
        for term, weight in weights.items():
            if field in index.FLAT_FIELDS:  # lunr's weight at average length, once
                tf1 = packed.flat_level(packed.idf_of(sum(len(r) for f, r in ours[term].items() if f != "_index"),
                                                      len(sample.projects)), BOOSTS[field])
                assert weight == packed.levels(tf1)[tf1]
            else:
                assert weight == pytest.approx(expected[term], rel=0.07, abs=0.001)


def test_the_packed_index_loads_into_lunr(sample, packed_index) -> None:
    loaded = packed.load(packed_index)
    assert isinstance(loaded, Index)
    refs = [p.data["id"] for p in index.projects(sample)]
    assert refs[int(loaded.search("govroam")[0]["ref"])] == "govroam-council-buildings"


def test_header_says_how_to_read_it(packed_index) -> None:
    assert packed_index["format"] == "lunr-packed" and packed_index["formatVersion"] == 1
    assert packed_index["lunr"] == "2.3.9"
    assert packed_index["fields"] == [name for name, _, _ in index.FIELDS]
    assert packed_index["flat"] == list(index.FLAT_FIELDS)
    levels = packed_index["levels"]
    assert levels[0] == 0 and levels == sorted(levels)
    assert packed_index["terms"] == sorted(packed_index["terms"])
    assert len(packed_index["postings"]) == len(packed_index["weights"]) == len(packed_index["terms"])


def test_levels_stay_within_seven_percent() -> None:
    for weight in (0.001, 0.05, 0.8, 1.0, 3.3, 27.5, 180.0):
        at = packed.level(weight)
        assert packed.levels(at)[at] == pytest.approx(weight, rel=0.07, abs=0.0006)
    assert packed.level(0) == 0


def test_unknown_formats_are_refused(packed_index) -> None:
    with pytest.raises(ValueError, match="not a packed lunr index"):
        packed.unpack({**packed_index, "formatVersion": 2})


def test_the_sample_finder_download_is_under_100_kb_gzip(sample, packed_index) -> None:
    files = [to_json(packed_index), to_json(index.store(sample))]
    assert sum(len(gzip.compress(text.encode(), 9)) for text in files) < 100_000


def test_building_twice_gives_the_same_bytes(sample) -> None:
    assert json.dumps(builder.build(sample)) == json.dumps(builder.build(sample))
