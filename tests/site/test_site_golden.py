"""Golden files for the generated HTML of one project page and one organisation page.

The pages are rendered straight from the producer (no MkDocs), with a fixed 'today'. After a
deliberate change to the pages, regenerate with: UPDATE_GOLDEN=1 pytest tests/site/test_site_golden.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from site_support import REPO, TODAY

from catalogue.model import load
from catalogue.publish import Output, SiteOptions
from catalogue.rules import Settings
from catalogue.site import pages

GOLDEN = Path(__file__).parent / "golden"
CASES = {"projects/pan-london-information-sharing.md": "project-pan-london-information-sharing",
         "boroughs/camden.md": "borough-camden"}
OPTIONS = SiteOptions(REPO, "https://borough-projects.github.io/catalogue/",
                      "https://github.com/borough-projects/catalogue", "edit/main/")


@pytest.fixture(scope="module")
def outputs() -> dict[str, Output]:
    catalogue = load(REPO, Settings(dt.date.fromisoformat(TODAY)))
    return {output.uri: output for output in pages.outputs(catalogue, OPTIONS)}


def check(path: Path, actual: str) -> None:
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} is missing: run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} changed: if on purpose, run with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("uri", sorted(CASES))
def test_page_body_matches_golden(outputs: dict[str, Output], uri: str) -> None:
    check(GOLDEN / f"{CASES[uri]}.html", str(outputs[uri].content))


@pytest.mark.parametrize("uri", sorted(CASES))
def test_page_meta_matches_golden(outputs: dict[str, Output], uri: str) -> None:
    output = outputs[uri]
    actual = json.dumps({"meta": output.meta, "edit_path": output.edit_path}, indent=2, sort_keys=True,
                        ensure_ascii=False) + "\n"
    check(GOLDEN / f"{CASES[uri]}.meta.json", actual)


def test_rendering_is_deterministic(outputs: dict[str, Output]) -> None:
    catalogue = load(REPO, Settings(dt.date.fromisoformat(TODAY)))
    again = list(pages.outputs(catalogue, OPTIONS))
    assert [o.uri for o in again] == list(outputs)
    assert all(o.content == outputs[o.uri].content and o.meta == outputs[o.uri].meta for o in again)
