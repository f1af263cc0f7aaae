"""The lunr.py index over every project and the compact document store shown with its hits.

A project's ref in the index is its position in `projects(catalogue)` ("0", "1" ...): short refs
keep the index small, and the same position finds the project's row in the store.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache
from typing import Any

from lunr.builder import Builder
from lunr.field_ref import FieldRef
from lunr.idf import idf
from lunr.index import Index
from lunr.stemmer import porter_stemmer, stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.vector import Vector

from ..model import Catalogue, Organisation, Project
from ..schemas import labels, topics

STORE_VERSION = 1
URL_TEMPLATE = "projects/{id}/"

# (field name in the index, what it holds, boost). One-letter names: every posting of a
# serialised lunr index repeats every field name.
FIELDS: tuple[tuple[str, str, int], ...] = (
    ("t", "title", 10),
    ("g", "tags", 4),
    ("c", "topic labels", 3),
    ("n", "lead and partner names", 3),
    ("s", "summary", 2),
    ("o", "outcome", 1),
    ("d", "description", 1),
)
# Fields whose weights are packed flat: one weight per term, lunr's BM25 weight for a document
# of average length using the word once (idf x boost). Descriptions are three quarters of the
# index; their per-document weights would cost a third of the finder's budget at 10,000 records.
FLAT_FIELDS = ("d",)
# Columns of each row of the store's "docs"; lead, phase, status, topics, collaboration and
# partners are positions in the matching list of the store's "facets" (lead and partners in
# "borough").
COLUMNS = ("id", "title", "lead", "phase", "status", "summary", "topics", "collaboration",
           "start", "reviewed", "partners")

_URL = re.compile(r"https?://\S+")
_WORD = re.compile(r"[^\W_]+")


def words(text: object) -> list[str]:
    """The words of a text: NFKC-normalised, lower case, letters and digits only (no links,
    Markdown marks or punctuation). finder.js words() splits a query the same way."""
    if not text:
        return []
    text = unicodedata.normalize("NFKC", str(text)).lower()
    if "://" in text:
        text = _URL.sub(" ", text)
    return _WORD.findall(text)


def clean(text: object) -> str:
    return " ".join(words(text))


@cache
def stem(word: str) -> str:
    """lunr's Porter stemmer, remembered: the same words recur across thousands of records."""
    return str(porter_stemmer.stem(word))


class _Terms(dict[str, str]):
    """word -> its index term ('' for a stop word), learnt as words come."""

    def __missing__(self, word: str) -> str:
        term = self[word] = "" if word in STOP_WORDS else stem(word)
        return term


_TERMS = _Terms()


def terms(text: object) -> list[str]:
    """What lunr's default pipeline (trimmer, stop word filter, stemmer) makes of clean text."""
    return [term for term in map(_TERMS.__getitem__, words(text)) if term]


def projects(catalogue: Catalogue) -> list[Project]:
    """Every project in ref order (by id, as the model holds them)."""
    return list(catalogue.projects.values())


def organisation_names(project: Project) -> list[str]:
    orgs: list[Organisation] = [project.lead, *project.partner_orgs()]
    names = [name for org in orgs for name in dict.fromkeys((org.name, org.short_name))]
    names += [str(data["name"]) for org, data in project.partners if org is None and "name" in data]
    return names


def field_texts(project: Project, topic_titles: dict[str, str]) -> dict[str, str]:
    """The text of each field of the index for one project."""
    data = project.data
    return {
        "t": data["title"],
        "g": " ".join(project.tags),
        "c": " ".join(topic_titles.get(t, t) for t in data["topics"]),
        "n": " ".join(organisation_names(project)),
        "s": data["summary"],
        "o": data.get("outcome") or "",
        "d": data.get("description") or "",
    }


class TermBuilder(Builder):
    """lunr.py's Builder fed with terms already through the pipeline.

    Builder.add wraps every word in a Token and runs the pipeline on it, and Builder.build
    inserts vector elements one by one with a binary search: most of a build. add_terms counts
    the (cached) terms instead and the vectors are made sorted in one go, with lunr's BM25
    formula step for step, so the index is the one lunr.py would build (tests/search/
    test_index.py compares them).
    """

    def add_terms(self, ref: str, fields: dict[str, list[str]]) -> None:
        self._documents[ref] = {}
        self.document_count += 1
        for name in self._fields:
            counts = Counter(fields[name])  # first-seen order, as Builder.add numbers terms
            field_ref = str(FieldRef(ref, name))
            self.field_term_frequencies[field_ref] = counts
            self.field_lengths[field_ref] = len(fields[name])
            for term in counts:
                self._posting(term)[name][ref] = {}

    def _posting(self, term: str) -> dict[str, Any]:
        posting = self.inverted_index.get(term)
        if posting is None:
            posting = {name: {} for name in self._fields}
            posting["_index"] = self.term_index
            self.term_index += 1
            self.inverted_index[term] = posting
        return posting

    def _create_field_vectors(self) -> None:
        idfs: dict[str, float] = {}
        vectors = {}
        for field_ref, counts in self.field_term_frequencies.items():
            if not counts:  # nothing to weigh; the average length may be 0
                vectors[field_ref] = Vector()
                continue
            ref = FieldRef.from_string(field_ref)
            length = self.field_lengths[field_ref] / self.average_field_length[ref.field_name]
            norm = self._k1 * (1 - self._b + self._b * length)
            boosts = (self._fields[ref.field_name].boost, self._documents[ref.doc_ref].get("boost", 1))
            pairs = []
            for term, tf in counts.items():
                posting = self.inverted_index[term]
                if term not in idfs:
                    idfs[term] = idf(posting, self.document_count)
                score = idfs[term] * ((self._k1 + 1) * tf) / (norm + tf)
                score *= boosts[0]
                score *= boosts[1]
                pairs.append((posting["_index"], round(score, 3)))
            vectors[field_ref] = Vector([x for pair in sorted(pairs) for x in pair])
        self.field_vectors = vectors


def new_builder() -> TermBuilder:
    builder = TermBuilder()
    builder.ref("r")
    for name, _, boost in FIELDS:
        builder.field(name, boost=boost)
    builder.search_pipeline.add(stemmer)  # queries are stemmed; documents arrive stemmed
    builder.metadata_whitelist = []  # no term positions: they would double the index
    return builder


def build_index(catalogue: Catalogue) -> Index:
    builder = new_builder()
    topic_titles = topic_labels()
    for ref, project in enumerate(projects(catalogue)):
        texts = field_texts(project, topic_titles)
        builder.add_terms(str(ref), {name: terms(text) for name, text in texts.items()})
    return builder.build()


def topic_labels() -> dict[str, str]:
    return {value: title for value, title, _ in topics()}


def facet_options(catalogue: Catalogue) -> dict[str, list[list[str]]]:
    """[value, label] of every facet the store encodes as positions, in display order."""
    involved = {o.id: o for p in projects(catalogue) for o in (p.lead, *p.partner_orgs())}
    orgs = sorted(involved.values(), key=lambda o: (o.short_name.lower(), o.id))
    return {
        "borough": [[o.id, o.short_name] for o in orgs],
        "phase": _pairs(labels("phase").items()),
        "status": _pairs(labels("status").items()),
        "topic": sorted(_pairs(topic_labels().items()), key=lambda pair: pair[1].lower()),
        "collaboration": _pairs(labels("collaboration", "items").items()),
    }


def _pairs(items: Iterable[tuple[str, str]]) -> list[list[str]]:
    return [[value, label] for value, label in items]


def store(catalogue: Catalogue) -> dict[str, Any]:
    """What the finder shows and filters on, one short row per project (no descriptions)."""
    facets = facet_options(catalogue)
    position = {name: {value: i for i, (value, _) in enumerate(options)} for name, options in facets.items()}
    return {
        "version": STORE_VERSION,
        "url": URL_TEMPLATE,
        "columns": list(COLUMNS),
        "facets": facets,
        "docs": [_row(project, position) for project in projects(catalogue)],
    }


def _row(project: Project, position: dict[str, dict[str, int]]) -> list[Any]:
    data = project.data
    orgs = position["borough"]
    return [
        data["id"],
        data["title"],
        orgs[project.lead.id],
        position["phase"][data["phase"]],
        position["status"][data["status"]],
        data["summary"],
        [position["topic"][t] for t in data["topics"]],
        [position["collaboration"][c] for c in data.get("collaboration", [])],
        data["start"],
        data["last_reviewed"],
        sorted({orgs[o.id] for o in project.partner_orgs()} - {orgs[project.lead.id]}),
    ]
