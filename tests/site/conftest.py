"""Fixtures for site tests. `sample_site` builds the repository's own records once per session
with a real `mkdocs build --strict` and returns the site folder; browser tests in
tests/site/browser/ reuse it. Helpers live in site_support.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from site_support import REPO, build_catalogue


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's records built once with `mkdocs build --strict`; the site folder."""
    build = build_catalogue(REPO, tmp_path_factory.mktemp("sample"))
    assert build.ok, build.output
    return build.site
