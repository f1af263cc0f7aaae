"""Builds that must not publish: an invalid record stops the build with the validator's own
messages and leaves no site behind."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from site_support import REPO, TODAY, copy_project, run_mkdocs

from catalogue.rules import Settings
from catalogue.validate import check

pytestmark = pytest.mark.slow
RECORD = "projects/camden/camden-digital-apprenticeships.yml"


def test_invalid_record_stops_the_build_with_the_validator_messages(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "catalogue")
    record = root / RECORD
    record.write_text(record.read_text(encoding="utf-8").replace("phase: live", "phase: betta"), encoding="utf-8")
    site = root / "site"
    site.mkdir()
    (site / "index.html").write_text("an older build", encoding="utf-8")  # must not survive

    build = run_mkdocs(root, site)

    errors = [finding.text() for finding in check(root, Settings(dt.date.fromisoformat(TODAY))).errors]
    assert errors and all(error.startswith(f"{RECORD}:") for error in errors)
    assert "error: phase: 'betta' is not one of" in errors[0]
    assert build.returncode != 0
    for error in errors:
        assert error in build.output
    assert not (site / "index.html").exists()
    assert not list(site.rglob("*.html"))


def test_valid_records_in_a_fresh_folder_build(tmp_path: Path) -> None:
    """The smallest catalogue of the validator's tests builds too (tests/records/base)."""
    root = copy_project(tmp_path / "catalogue", REPO / "tests" / "records" / "base")
    build = run_mkdocs(root)
    assert build.ok, build.output
    assert (build.site / "projects" / "digital-apprenticeships" / "index.html").is_file()
