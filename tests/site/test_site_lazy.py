"""A build never holds the whole site in memory: MkDocs gets the catalogue's large files and
pages without their content in on_files, each page's HTML exists only while that page is being
written, and the site that comes out is the same as ever.

A second hook file, written into a copy of the project, watches a real `mkdocs build --strict`
from inside and writes what it saw to a JSON file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from site_support import copy_project, run_mkdocs

pytestmark = pytest.mark.slow

PROBE = '''
import json, os
from mkdocs.plugins import event_priority

def on_config(config):
    config["lazy_probe"] = {"held": {}, "pages_with_html": []}
    return config

@event_priority(-200)  # after the catalogue hook has added its files
def on_files(files, config):
    probe = config["lazy_probe"]
    probe["files"] = files
    # _content is what MkDocs keeps in memory for a generated file until the build ends.
    probe["held"] = {f.src_uri: len(f._content) for f in files if f.generated_by and f._content is not None}
    return files

def _with_html(config):
    return sorted(f.src_uri for f in config["lazy_probe"]["files"].documentation_pages()
                  if f.generated_by and f.page is not None and f.page.content)

@event_priority(-200)  # after the catalogue hook and the search plugin
def on_page_context(context, page, config, nav):
    if page.file.generated_by:
        config["lazy_probe"]["pages_with_html"].append(_with_html(config))
    return context

@event_priority(-200)
def on_post_page(html, page, config):
    if page.file.generated_by:
        config["lazy_probe"]["pages_with_html"].append(_with_html(config))
    return html

def on_post_build(config):
    probe = config["lazy_probe"]
    with open(os.environ["LAZY_PROBE_OUT"], "w", encoding="utf-8") as out:
        json.dump({"held": probe["held"], "pages_with_html": probe["pages_with_html"]}, out)
'''


def digests(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def probed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    tmp = tmp_path_factory.mktemp("lazy")
    root = copy_project(tmp / "root")
    (root / "hooks" / "probe.py").write_text(PROBE, encoding="utf-8")
    (root / "probe.yml").write_text("INHERIT: mkdocs.yml\nhooks:\n  - hooks/catalogue.py\n  - hooks/probe.py\n",
                                    encoding="utf-8")
    report = tmp / "probe.json"
    build = run_mkdocs(root, tmp / "site", "-f", "probe.yml", LAZY_PROBE_OUT=str(report))
    assert build.ok, build.output
    return build.site, json.loads(report.read_text(encoding="utf-8"))


def test_large_files_reach_mkdocs_without_their_content(probed: tuple[Path, dict[str, object]]) -> None:
    site, seen = probed
    held = seen["held"]
    assert isinstance(held, dict)
    large = [uri for uri in held if uri.startswith(("projects/", "boroughs/", "topics/", "tags/", "api/projects"))
             or uri in ("api/projects.csv", "feed.xml")]
    assert any(uri.startswith("projects/") for uri in large) and "api/projects.csv" in large
    assert {uri: held[uri] for uri in large if held[uri]} == {}
    # ... and yet every one of them was written in full.
    assert all((site / uri).stat().st_size > 0 for uri in large if not uri.endswith(".md"))


def test_one_page_of_html_at_a_time(probed: tuple[Path, dict[str, object]]) -> None:
    _, seen = probed
    moments = seen["pages_with_html"]
    assert isinstance(moments, list) and len(moments) > 20
    assert max(len(pages) for pages in moments) == 1  # the page being written, then none
    assert [pages for pages in moments[1::2] if pages] == []  # after each page is written


def test_the_site_is_the_same(probed: tuple[Path, dict[str, object]], sample_site: Path) -> None:
    site, _ = probed
    first, second = digests(sample_site), digests(site)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
