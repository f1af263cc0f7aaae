"""Helpers for the search tests; the fixtures are in conftest.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 22)


def ids(result: Any) -> list[str]:
    """The project ids of a query.Result, in rank order."""
    return [hit.doc["id"] for hit in result.hits]
