"""Fixtures for the chart tests: the sample catalogue in the repository, loaded once."""

from __future__ import annotations

import datetime as dt

import pytest
from charts_support import REPO

from catalogue.model import Catalogue, load
from catalogue.rules import Settings

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="session")
def sample() -> Catalogue:
    return load(REPO, Settings(today=TODAY))
