"""Shared fixtures: a fixed today, a small valid catalogue in a temporary folder, an in-process CLI.

Helpers and constants are in records_support.py (a conftest cannot be imported reliably: the
sub-folders have their own).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from records_support import BASE, TODAY, CliRunner


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs on the same day, whatever the clock says (catalogue.dates.today())."""
    monkeypatch.setenv("CATALOGUE_TODAY", TODAY)
    return TODAY


@pytest.fixture
def catalogue(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the base catalogue (tests/records/base/), also made the working directory."""
    root = tmp_path / "catalogue"
    shutil.copytree(BASE, root)
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    """run_cli('validate', ...) -> (exit code, stdout); run_cli.err holds stderr."""
    return CliRunner(capsys)


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Any]:
    """The one Playwright driver of the whole run, started on first use. Playwright's sync API
    allows one at a time, so every browser fixture (site, finder, propose, quality) launches
    Chromium from this one rather than starting a driver of its own."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as driver:
        yield driver
