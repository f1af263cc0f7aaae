"""Two builds of the same commit are byte-identical, and a second build in the same process (as
`mkdocs serve` does it, with the hook module cached) shows the new records, not the old ones."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from site_support import build_env, copy_project, run_mkdocs

pytestmark = pytest.mark.slow


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


def test_two_builds_are_byte_identical(sample_site: Path, tmp_path: Path) -> None:
    again = run_mkdocs(sample_site.parent, tmp_path / "again")
    assert again.ok, again.output
    first, second = digests(sample_site), digests(again.site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_rebuild_in_one_process_uses_fresh_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root = copy_project(tmp_path / "root")
    for key, value in build_env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(root)
    record = root / "projects" / "camden" / "camden-data-charter.yml"
    original = record.read_text(encoding="utf-8")
    site = tmp_path / "site"

    def page() -> str:
        build(load_config(os.fspath(root / "mkdocs.yml"), site_dir=os.fspath(site)))
        return (site / "projects" / "camden-data-charter" / "index.html").read_text(encoding="utf-8")

    assert "<h1>Camden data charter</h1>" in page()
    record.write_text(original.replace("title: Camden data charter", "title: Camden data charter, renamed"),
                      encoding="utf-8")
    assert "<h1>Camden data charter, renamed</h1>" in page()
