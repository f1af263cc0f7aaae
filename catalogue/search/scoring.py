"""Scoring query words over the packed index: lunr's scores, summed posting by posting.

lunr (lunr.js and lunr.py alike) puts every term a query's clauses expand to into a query
vector, then scores each document field holding any of them by the dot product of the field's
whole vector with that query vector, over the query vector's length. A two-letter prefix expands
to hundreds of terms, so at 10,000 records that is thousands of fields times hundreds of terms
on every keystroke (up to 0.9 s in the browser). The same sum, taken posting by posting, costs
one multiplication per posting of an expanded term: for each term, each document holding it
gains the term's weight in the query times the document's weight for it. This module does that
over the packed postings (packed.py), so nothing has to be unpacked into lunr's objects:

- a word's clauses are lunr's: the stemmed word (the index's search pipeline), the word as a
  prefix ("word*"), or, for near misses, lunr's edit-distance expansion through lunr.py's
  TokenSet of the index's terms;
- a term's query weight is the sum of the boosts of the clauses it came from (lunr's upsert);
- a document's score is the sum of query weight x posting weight over its postings, over the
  length of the query vector.

docs/assets/finder.js takes the same steps in the same order (terms in index order, fields in
index order, postings in document order), so the browser and `catalogue search` compute the
very same floating-point scores and rank alike.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate
from typing import Any

from lunr.token_set import TokenSet

from . import packed as packed_format

PREFIX_END = "\U0010ffff"  # sorts after every character a term can hold


class PackedIndex:
    """The packed index (packed.py) as a scorer: postings are decoded when a query first needs
    them, so loading costs only reading the JSON."""

    def __init__(self, packed: dict[str, Any]) -> None:
        if packed.get("format") != packed_format.FORMAT or packed.get("formatVersion") != packed_format.FORMAT_VERSION:
            raise ValueError("not a packed lunr index of a version this code reads")
        self.packed = packed
        self.terms: list[str] = packed["terms"]
        self.fields: list[str] = packed["fields"]
        self.size: int = packed["size"]
        self.position = {term: n for n, term in enumerate(self.terms)}
        self._flat = [name in packed["flat"] for name in self.fields]
        self._postings: dict[int, list[tuple[list[int], list[float]]]] = {}
        self._token_set: TokenSet | None = None

    # --- expanding clauses into terms (index positions) -----------------------------------------

    def term(self, text: str) -> list[int]:
        found = self.position.get(text)
        return [] if found is None else [found]

    def prefix(self, text: str) -> list[int]:
        """Every term starting with text: lunr's trailing wildcard, as a range of sorted terms."""
        start = bisect_left(self.terms, text)
        end = bisect_left(self.terms, text + PREFIX_END, lo=start)
        return [n for n in range(start, end) if self.terms[n].startswith(text)]

    def fuzzy(self, text: str, edits: int) -> list[int]:
        """The terms within `edits` edits of text, as lunr's TokenSet finds them."""
        if self._token_set is None:
            self._token_set = TokenSet.from_list(self.terms)
        found = self._token_set.intersect(TokenSet.from_fuzzy_string(text, edits)).to_list()
        return sorted(self.position[term] for term in found)

    # --- postings -------------------------------------------------------------------------------

    def postings(self, position: int) -> list[tuple[list[int], list[float]]]:
        """Per field: the documents holding the term and the term's weight in each."""
        found = self._postings.get(position)
        if found is None:
            scale = self.packed["levels"]
            found = []
            for f, (steps, levels) in enumerate(zip(self.packed["postings"][position],
                                                    self.packed["weights"][position], strict=True)):
                refs = list(accumulate(steps))
                if self._flat[f] or not levels:
                    weights = [scale[levels[0]] if levels else 0.0] * len(refs)
                else:
                    weights = [scale[levels[0]]] + [scale[levels[0] + step] for step in levels[1:]]
                found.append((refs, weights))
            self._postings[position] = found
        return found

    def score(self, weighted: Iterable[tuple[list[int], float]]) -> dict[int, float]:
        """ref -> score of the documents holding any term the clauses expanded to; `weighted`
        is each clause's terms (index positions) and boost."""
        query: dict[int, float] = {}
        for positions, boost in weighted:
            for position in positions:
                query[position] = query.get(position, 0.0) + boost
        if not query:
            return {}
        order = sorted(query)
        length = math.sqrt(sum(query[p] * query[p] for p in order))
        totals: dict[int, float] = {}
        for position in order:
            weight = query[position]
            for refs, weights in self.postings(position):
                for ref, found in zip(refs, weights, strict=True):
                    totals[ref] = totals.get(ref, 0.0) + weight * found
        return {ref: total / length for ref, total in totals.items()}
