"""Which projects in other organisations look like a given one: TF-IDF cosine over text and topics.

One matrix product per block of rows, so 10,000 projects take seconds instead of the hours a
pairwise loop would; pairs with the same lead are never suggested. Nearly every pair of records
shares some common term, so the scores form a dense matrix: the columns of terms found in many
records are multiplied as dense arrays (BLAS) and only the rest as sparse ones (scipy), which at
10,000 records is several times faster than one sparse product and gives the same scores up to
float32 rounding.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from .model import Catalogue, Project

TOKEN = re.compile(r"[a-z0-9]+")
STOP = frozenset("""a about after all also an and any are as at be been being but by can could do does
each for from had has have how in into is it its more most new not of on or our out over so such
than that the their them then there these they this those through to up us was we were what when which
who will with would you your""".split())  # noqa: SIM905 - a word list reads best as text
BLOCK_ROWS = 128  # rows of scores held at once: 128 x 10,000 float32 is 5 MB
MIN_SCORE = 0.12
DENSE_SHARE = 0.05  # terms in at least this share of the records go through the dense product


@dataclass(frozen=True)
class Match:
    project: Project
    score: float


@cache
def _stem(word: str) -> str:
    # A light plural fold is enough to pair "sensors" with "sensor".
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def terms(data: dict[str, object]) -> Counter[str]:
    """Weighted terms of one record: title counts three times, topics and tags twice."""
    def words(text: object) -> list[str]:
        return [_stem(w) for w in TOKEN.findall(str(text or "").lower()) if w not in STOP and len(w) > 2]

    counts: Counter[str] = Counter()
    for field_name, weight in (("title", 3), ("summary", 1), ("outcome", 1), ("description", 1)):
        for word in words(data.get(field_name)):
            counts[word] += weight
    for key in ("topics", "tags"):
        for value in data.get(key) or []:  # type: ignore[attr-defined]
            counts[f"{key}:{value}"] += 2
    return counts


class Scorer:
    """TF-IDF vectors of a set of records, able to score any record against them."""

    def __init__(self, records: Sequence[dict[str, object]]) -> None:
        # One pass that keeps each record's terms as two small arrays (term number, count), not
        # as a Counter: at 10,000 records the Counters alone took over 100 MB. Terms are numbered
        # as first seen, then renumbered in sorted order, as if the vocabulary had been sorted first.
        first_seen: dict[str, int] = {}
        seen_cols: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        for record in records:
            doc = terms(record)
            seen_cols.append(np.fromiter((first_seen.setdefault(t, len(first_seen)) for t in doc),
                                         dtype=np.int32, count=len(doc)))
            tfs.append(np.fromiter(doc.values(), dtype=np.int32, count=len(doc)))
        names = sorted(first_seen)
        sorted_col = np.empty(len(names), dtype=np.int32)
        sorted_col[[first_seen[t] for t in names]] = np.arange(len(names), dtype=np.int32)
        cols = seen_cols  # renumbered in place, so both numberings never coexist
        for i, seen in enumerate(seen_cols):
            cols[i] = sorted_col[seen]
        df = np.bincount(np.concatenate(cols), minlength=len(names)) if cols else np.zeros(0, np.int32)
        n = max(len(records), 1)
        self.vocab = {t: i for i, t in enumerate(names)}
        self.idf = np.array([math.log((1 + n) / (1 + d)) + 1 for d in df.tolist()], dtype=np.float32)
        self.matrix = self._normalised(cols, tfs)

    def vectorise(self, docs: Iterable[Counter[str]]) -> sparse.csr_matrix:
        vocab = self.vocab
        cols: list[np.ndarray] = []
        tfs: list[np.ndarray] = []
        for doc in docs:
            known = [(vocab[term], tf) for term, tf in doc.items() if term in vocab]
            cols.append(np.array([col for col, _ in known], dtype=np.int32))
            tfs.append(np.array([tf for _, tf in known], dtype=np.int32))
        return self._normalised(cols, tfs)

    def _normalised(self, cols: list[np.ndarray], tfs: list[np.ndarray]) -> sparse.csr_matrix:
        """Rows of unit length, one per document, from its (term column, count) arrays."""
        rows = np.repeat(np.arange(len(cols), dtype=np.int32), [len(c) for c in cols])
        columns = np.concatenate(cols) if cols else np.zeros(0, np.int32)
        counts = np.concatenate(tfs) if tfs else np.zeros(0, np.int32)
        # (1 + log tf) * idf, rounded to float32 at each step as the scalar formula was
        vals = (1 + np.log(counts.astype(np.float64))).astype(np.float32) * self.idf[columns]
        m = sparse.csr_matrix((vals, (rows, columns)), shape=(len(cols), len(self.vocab)))
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return sparse.csr_matrix(sparse.diags(1 / norms) @ m)

    def top(self, queries: sparse.csr_matrix, query_leads: Sequence[str], leads: Sequence[str],
            k: int, exclude_rows: Sequence[int | None] | None = None) -> list[list[tuple[int, float]]]:
        """For each query row, the k best rows of the matrix with a different lead."""
        lead_codes = {lead: i for i, lead in enumerate(sorted(set(leads) | set(query_leads)))}
        column_leads = np.array([lead_codes[x] for x in leads])
        results: list[list[tuple[int, float]]] = []
        product = _Product(self.matrix, queries)
        for start in range(0, queries.shape[0], BLOCK_ROWS):
            block = product.rows(start, start + BLOCK_ROWS)
            own = np.array([lead_codes[x] for x in query_leads[start:start + BLOCK_ROWS]])
            block[column_leads[None, :] == own[:, None]] = 0
            if exclude_rows is not None:
                for offset, row in enumerate(exclude_rows[start:start + BLOCK_ROWS]):
                    if row is not None:
                        block[offset, row] = 0
            take = min(k, block.shape[1])
            best = np.argpartition(-block, take - 1, axis=1)[:, :take] if take else np.zeros((len(block), 0), int)
            for offset, cols in enumerate(best):
                scored = sorted(((int(c), float(block[offset, c])) for c in cols), key=lambda x: (-x[1], x[0]))
                results.append([(c, round(s, 4)) for c, s in scored if s >= MIN_SCORE])
        return results


class _Product:
    """Blocks of rows of queries @ matrix.T: frequent terms' columns dense, the others sparse."""

    def __init__(self, matrix: sparse.csr_matrix, queries: sparse.csr_matrix) -> None:
        frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
        frequent = frequency >= max(2, DENSE_SHARE * matrix.shape[0])
        dense_cols, sparse_cols = np.flatnonzero(frequent), np.flatnonzero(~frequent)
        self.matrix_dense = matrix[:, dense_cols].toarray().T.copy()  # terms x records, for BLAS
        self.queries_dense = queries[:, dense_cols]
        self.matrix_sparse = matrix[:, sparse_cols].T.tocsr()
        self.queries_sparse = queries[:, sparse_cols].tocsr()

    def rows(self, start: int, stop: int) -> np.ndarray:
        block = self.queries_dense[start:stop].toarray() @ self.matrix_dense
        rare = self.queries_sparse[start:stop] @ self.matrix_sparse
        block += rare.toarray()
        return block


def similar_projects(catalogue: Catalogue, k: int = 5) -> dict[str, list[Match]]:
    """For every project, up to k similar projects led by other organisations, best first."""
    projects = list(catalogue.projects.values())
    if not projects:
        return {}
    scorer = Scorer([p.data for p in projects])
    leads = [p.lead.id for p in projects]
    tops = scorer.top(scorer.matrix, leads, leads, k)
    return {p.data["id"]: [Match(projects[c], s) for c, s in top] for p, top in zip(projects, tops, strict=True)}


def similar_to(catalogue: Catalogue, records: Sequence[dict[str, object]], k: int = 5) -> list[list[Match]]:
    """Projects of other organisations that look like each of `records` (new or changed)."""
    projects = list(catalogue.projects.values())
    if not projects or not records:
        return [[] for _ in records]
    scorer = Scorer([p.data for p in projects])
    index = {p.data["id"]: i for i, p in enumerate(projects)}
    queries = scorer.vectorise(terms(r) for r in records)
    tops = scorer.top(queries, [str(r.get("lead")) for r in records], [p.lead.id for p in projects], k,
                      exclude_rows=[index.get(str(r.get("id"))) for r in records])
    return [[Match(projects[c], s) for c, s in top] for top in tops]
