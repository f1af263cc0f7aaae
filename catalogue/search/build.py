"""The search producer ("catalogue.search.build:outputs"): what the /find/ page needs.

    api/search-index.json   the packed lunr index of every project (see packed.py)
    api/search-docs.json    the document store: one short row per project (see index.store)
    assets/vendor/lunr.js   lunr.js 2.3.9, copied from the installed MkDocs, never committed
    find/index.md           the page: search box, facets, and browse lists that work without JS

docs/assets/finder.js and finder.css are plain files of docs/ that the page loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from ..model import Catalogue
from ..publish import Output, SiteOptions
from ..site.render import escaped_meta, page, root_of
from . import builder
from .index import store
from .query import Finder

PAGE = "find/index.md"
INDEX, DOCS, LUNR = "api/search-index.json", "api/search-docs.json", "assets/vendor/lunr.js"
LUNR_IN_MKDOCS = ("contrib", "search", "templates", "search", "lunr.js")
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
FACET_LEGENDS = {"borough": "Organisation", "phase": "Phase", "status": "Status", "topic": "Topic",
                 "collaboration": "Collaboration offer", "year": "Start year"}
SORT_LABELS = {"relevance": "Best match", "start": "Newest start", "reviewed": "Last reviewed"}
TITLE = "Find projects"
DESCRIPTION = "Search every project in the catalogue and narrow the results by organisation, phase, status and topic."


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def lunr_js() -> bytes:
    """lunr.js as MkDocs ships it, found without importing MkDocs."""
    spec = find_spec("mkdocs")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("MkDocs is not installed: the finder's lunr.js comes from its search plugin")
    return Path(spec.submodule_search_locations[0]).joinpath(*LUNR_IN_MKDOCS).read_bytes()


def outputs(catalogue: Catalogue, options: SiteOptions) -> Iterator[Output]:
    docs = store(catalogue)
    yield Output(INDEX, to_json(builder.build(catalogue)))
    yield Output(DOCS, to_json(docs))
    yield Output(LUNR, lunr_js())
    yield find_page(catalogue, docs)


def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)


def find_page(catalogue: Catalogue, docs: dict[str, Any]) -> Output:
    html = environment().get_template("find.html").render(**page_context(catalogue, docs))
    meta = escaped_meta(TITLE, DESCRIPTION, hide=["toc"])
    return page(PAGE, html, meta)


def page_context(catalogue: Catalogue, docs: dict[str, Any]) -> dict[str, Any]:
    """What find.html shows: every facet with its counts over all projects, and the browse lists."""
    finder = Finder(None, docs)  # no query: the index is not needed
    counts = finder.counts(finder.docs, {})
    facets = [{"name": name, "legend": legend,
               "options": [(value, label, counts[name].get(value, 0)) for value, label in finder.options(name)]}
              for name, legend in FACET_LEGENDS.items()]
    return {
        "root": root_of(PAGE),
        "files": {"index": INDEX, "docs": DOCS},
        "total": len(catalogue.projects),
        "facets": facets,
        "sorts": SORT_LABELS,
        "organisations": browse_organisations(catalogue),
        "topics": [(value, label, counts["topic"].get(value, 0)) for value, label in finder.options("topic")],
    }


def browse_organisations(catalogue: Catalogue) -> list[tuple[Any, int]]:
    """(organisation, projects it leads or takes part in) for every organisation with any."""
    orgs = sorted(catalogue.organisations.values(), key=lambda o: (o.short_name.lower(), o.id))
    return [(org, len(org.projects())) for org in orgs if org.projects()]
