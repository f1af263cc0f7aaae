"""Fixtures for the search tests: the repository's sample catalogue, loaded and indexed once."""

from __future__ import annotations

import pytest
from search_support import REPO, TODAY

from catalogue.model import Catalogue, load
from catalogue.rules import Settings
from catalogue.search import builder, index
from catalogue.search.query import Finder
from catalogue.search.scoring import PackedIndex


@pytest.fixture(scope="session")
def sample() -> Catalogue:
    """The repository's own records (projects/ and boroughs/)."""
    return load(REPO, Settings(TODAY))


@pytest.fixture(scope="session")
def packed_index(sample: Catalogue) -> dict:
    return builder.build(sample)


@pytest.fixture(scope="session")
def finder(sample: Catalogue, packed_index: dict) -> Finder:
    """What `catalogue search` and the /find/ page query: the packed index, loaded."""
    return Finder(PackedIndex(packed_index), index.store(sample))

