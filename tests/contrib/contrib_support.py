"""Helpers for the contributor tooling tests: the repository, and copies of its records to change."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RECORD_FOLDERS = ("projects", "boroughs")


def copy_catalogue(dest: Path) -> Path:
    """A copy of the repository's records (and its CODEOWNERS) at `dest`."""
    for name in RECORD_FOLDERS:
        shutil.copytree(REPO / name, dest / name)
    (dest / ".github").mkdir(parents=True)
    shutil.copy2(REPO / ".github" / "CODEOWNERS", dest / ".github" / "CODEOWNERS")
    return dest


def borough_ids(root: Path = REPO) -> list[str]:
    return sorted(path.stem for path in (root / "boroughs").glob("*.yml"))
