"""lunr's serialised index in a packed form the browser unpacks and hands to lunr.Index.load.

lunr's own JSON names every document in every posting and repeats every weight as a float in
a field vector: 12 MB gzip for 10,000 generated records. Packed, a posting is a list of gaps
between document numbers and a weight is one small number, a level on a logarithmic scale
spelt out in `levels` (about 6% apart). Unpacking is lookups and additions, with no tokenising,
stemming, counting or scoring; it yields the object lunr.Index.load takes. The finder and
`catalogue search` need not unpack at all: they score straight from the packed postings
(scoring.py, finder.js), and unpack() is the reference that shows the packed index is lunr's
(tests/search compare scores with lunr.py's own queries over it).

    {"format": "lunr-packed", "formatVersion": 1, "lunr": "2.3.9", "fields": [...],
     "flat": [fields whose weights are one per term], "pipeline": ["stemmer"],
     "size": N (refs are "0" .. "N-1"), "levels": [0, 0.001, ...],
     "terms": [sorted; a term's position is its lunr _index],
     "postings": [per term: [per field: [first ref, gap, gap ...]]],
     "weights": [per term: [per field: [first level, then each level minus the first],
                                       or [the level of every posting] in a flat field]]}

pack() packs an index lunr.py built (the reference); builder.py packs straight from the model.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from lunr import __TARGET_JS_VERSION__ as LUNR_VERSION
from lunr.index import Index

FORMAT, FORMAT_VERSION = "lunr-packed", 1
STEPS_PER_E = 8  # levels per factor e
ZERO_LEVEL = 100  # the level of weight 1; level 0 is weight 0


def level(weight: float) -> int:
    if weight <= 0:
        return 0
    return max(1, round(math.log(weight) * STEPS_PER_E) + ZERO_LEVEL)


def levels(top: int) -> list[float]:
    return [0.0] + [round(math.exp((n - ZERO_LEVEL) / STEPS_PER_E), 3) for n in range(1, top + 1)]


def gaps(numbers: Sequence[int]) -> list[int]:
    return [n - prev for prev, n in zip([0, *numbers], numbers, strict=False)]


def from_first(numbers: Sequence[int]) -> list[int]:
    return list(numbers[:1]) + [n - numbers[0] for n in numbers[1:]]


def assemble(fields: Sequence[str], flat: Sequence[str], pipeline: list[str], size: int,
             terms: list[str], refs: list[list[list[int]]], found: list[list[list[int]]]) -> dict[str, Any]:
    """The packed index from sorted terms and, per term and field, sorted refs and their levels
    (one level for a flat field)."""
    top = max((n for per_term in found for per_field in per_term for n in per_field), default=0)
    return {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "lunr": LUNR_VERSION,
        "fields": list(fields),
        "flat": list(flat),
        "pipeline": pipeline,
        "size": size,
        "levels": levels(top),
        "terms": terms,
        "postings": [[gaps(numbers) for numbers in per_term] for per_term in refs],
        "weights": [[from_first(per_field) for per_field in per_term] for per_term in found],
    }


def idf_of(documents: int, size: int) -> float:
    """lunr.idf for a term `documents` postings hold (a document counts once per field)."""
    x = (size - documents + 0.5) / (documents + 0.5)
    return math.log(1 + abs(x))


def flat_level(idf_value: float, boost: int) -> int:
    """The one level of a term in a flat field: lunr's weight for a document of average length
    using the word once, which is idf x boost."""
    return level(round(idf_value * boost, 3))


def pack(index: Index, boosts: dict[str, int], flat: Sequence[str] = ()) -> dict[str, Any]:
    """Pack an index lunr.py built; `boosts` are its fields' boosts (for the flat fields)."""
    terms = sorted(index.inverted_index)
    size = len({ref.split("/", 1)[1] for ref in index.field_vectors})
    weight = {ref: dict(zip(v.elements[::2], v.elements[1::2], strict=True))
              for ref, v in index.field_vectors.items()}
    refs, found = [], []
    for term in terms:
        posting = index.inverted_index[term]
        numbers = [sorted(int(ref) for ref in posting[name]) for name in index.fields]
        refs.append(numbers)
        found.append([_levels(posting, name, ns, weight, flat_level(_idf(posting, size), boosts[name]))
                      if name in flat else _levels(posting, name, ns, weight)
                      for name, ns in zip(index.fields, numbers, strict=True)])
    return assemble(index.fields, flat, index.pipeline.serialize(), size, terms, refs, found)


def _idf(posting: dict[str, Any], size: int) -> float:
    return idf_of(sum(len(refs) for name, refs in posting.items() if name != "_index"), size)


def _levels(posting: dict[str, Any], name: str, numbers: list[int], weight: dict[str, dict[int, float]],
            flat: int | None = None) -> list[int]:
    if flat is not None:
        return [flat] if numbers else []
    return [level(weight[f"{name}/{n}"][posting["_index"]]) for n in numbers]


def unpack(packed: dict[str, Any]) -> dict[str, Any]:
    """The serialised lunr index (what lunr.Index.load takes) from its packed form."""
    if packed.get("format") != FORMAT or packed.get("formatVersion") != FORMAT_VERSION:
        raise ValueError("not a packed lunr index of a version this code reads")
    fields, scale, size = packed["fields"], packed["levels"], packed["size"]
    flat = [name in packed["flat"] for name in fields]
    vectors: list[list[list[float]]] = [[[] for _ in range(size)] for _ in fields]
    inverted = []
    for position, (term, gaps_of, found_of) in enumerate(
            zip(packed["terms"], packed["postings"], packed["weights"], strict=True)):
        posting: dict[str, Any] = {"_index": position}
        for f, (name, steps, found) in enumerate(zip(fields, gaps_of, found_of, strict=True)):
            refs: dict[str, Any] = {}
            per_ref, ref = vectors[f], 0
            for n, step in enumerate(steps):
                ref += step
                refs[str(ref)] = {}
                per_ref[ref] += (position, scale[found[0] if n == 0 or flat[f] else found[0] + found[n]])
            posting[name] = refs
        inverted.append([term, posting])
    return {
        "version": packed["lunr"],
        "fields": fields,
        "fieldVectors": [[f"{name}/{ref}", vectors[f][ref]] for ref in range(size) for f, name in enumerate(fields)],
        "invertedIndex": inverted,
        "pipeline": packed["pipeline"],
    }


def load(packed: dict[str, Any]) -> Index:
    return Index.load(unpack(packed))
