"""The packed index straight from the model, for the site build.

It is what packed.pack(index.build_index(catalogue), ...) gives, byte for byte (tests/search/
test_packed.py compares them), without lunr.py's Index in between: at 10,000 records lunr.py
keeps two million small dicts and takes several seconds, where this keeps lists of numbers.
The weights are lunr's BM25 weights (Builder.build's formula, step for step), then levelled.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from ..model import Catalogue
from . import packed
from .index import FIELDS, FLAT_FIELDS, field_texts, projects, terms, topic_labels

K1, B = 1.2, 0.75  # lunr's defaults


class Postings:
    """Per field: term -> the refs holding it and, in weighted fields, how often each does."""

    def __init__(self) -> None:
        self.refs: dict[str, defaultdict[str, list[int]]] = {name: defaultdict(list) for name, _, _ in FIELDS}
        self.counts: dict[str, defaultdict[str, list[int]]] = {name: defaultdict(list) for name, _, _ in FIELDS}
        self.lengths: dict[str, list[int]] = {name: [] for name, _, _ in FIELDS}
        self.size = 0
        self._norms: dict[str, list[float]] = {}

    def add(self, ref: int, fields: dict[str, list[str]]) -> None:
        self.size += 1
        for name, found in fields.items():
            self.lengths[name].append(len(found))
            refs = self.refs[name]
            if name in FLAT_FIELDS:
                for term in dict.fromkeys(found):
                    refs[term].append(ref)
                continue
            counts = self.counts[name]
            for term, tf in Counter(found).items():
                refs[term].append(ref)
                counts[term].append(tf)

    def norms(self, name: str) -> list[float]:
        """BM25's length normaliser of each document's field, as lunr computes it."""
        if name not in self._norms:
            average = sum(self.lengths[name]) / self.size  # > 0 whenever a term needs a norm
            self._norms[name] = [K1 * (1 - B + B * (length / average)) if average else 0.0
                                 for length in self.lengths[name]]
        return self._norms[name]

    def idf(self, term: str) -> float:
        # lunr.idf: a document counts once for each field holding the term
        documents = sum(len(self.refs[name].get(term, ())) for name, _, _ in FIELDS)
        return packed.idf_of(documents, self.size)


def collect(catalogue: Catalogue) -> Postings:
    postings = Postings()
    topic_titles = topic_labels()
    for ref, project in enumerate(projects(catalogue)):
        postings.add(ref, {name: terms(text) for name, text in field_texts(project, topic_titles).items()})
    return postings


def _weighted(postings: Postings, name: str, boost: int, term: str, idf: float) -> list[int]:
    norms, level = postings.norms(name), packed.level
    found = []
    for ref, tf in zip(postings.refs[name][term], postings.counts[name][term], strict=True):
        score = idf * ((K1 + 1) * tf) / (norms[ref] + tf)
        score *= boost
        found.append(level(round(score, 3)))
    return found


def build(catalogue: Catalogue) -> dict[str, Any]:
    """The packed index of every project (see packed.py for the format)."""
    postings = collect(catalogue)
    everything = sorted({term for name, _, _ in FIELDS for term in postings.refs[name]})
    refs, found = [], []
    for term in everything:
        idf = postings.idf(term)
        refs.append([postings.refs[name].get(term, []) for name, _, _ in FIELDS])
        found.append([_levels(postings, name, boost, term, idf) for name, _, boost in FIELDS])
    return packed.assemble([name for name, _, _ in FIELDS], FLAT_FIELDS, ["stemmer"], postings.size,
                           everything, refs, found)


def _levels(postings: Postings, name: str, boost: int, term: str, idf: float) -> list[int]:
    if term not in postings.refs[name]:
        return []
    if name in FLAT_FIELDS:
        return [packed.flat_level(idf, boost)]
    return _weighted(postings, name, boost, term, idf)
