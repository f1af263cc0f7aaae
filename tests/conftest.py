"""Shared fixtures: a fixed today, a small valid catalogue in a temporary folder, an in-process CLI.

Helpers and constants are in records_support.py (a conftest cannot be imported reliably: the
sub-folders have their own).
"""

from __future__ import annotations

import shutil
from pathlib import Path

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
