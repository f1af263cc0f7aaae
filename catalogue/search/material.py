"""One small entry per project in the theme's header search (mkdocs-material's search plugin).

Record pages are left out of the theme's search index (their meta has search.exclude): with full
descriptions it would weigh 13 MB gzip at 10,000 records and be rebuilt by every browser. Once
the search plugin has written search/search_index.json, add_project_entries() appends each
project as its title and its lead's name (plus, if asked, the first words of its summary), so
the header search still finds a project by the words of its title and links to its page.
hooks/catalogue.py makes the entries in on_files (project_entries) and appends them in
on_post_build (add_entries), after the search plugin. Title and text are HTML-escaped like the
text the plugin takes from pages: the theme shows both as HTML.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path
from typing import Any

from ..model import Catalogue, Project
from .index import projects, words

SUMMARY_WORDS = 0  # words of the summary after the lead's name; 12 would cost 0.2 MB gzip at 10,000


def hidden_title_words(title: str) -> list[str]:
    """Title words the theme's search would not find as typed: it splits on spaces and hyphens
    only and does not trim, so "(govroam)" or "wifi," are not the words govroam and wifi."""
    plain = set(re.split(r"[\s\-]+", title.lower()))
    return [word for word in dict.fromkeys(words(title)) if word not in plain]


def entry(project: Project, summary_words: int = SUMMARY_WORDS) -> dict[str, str]:
    title = str(project.data["title"])
    found = str(project.data["summary"]).split()
    summary = " ".join(found[:summary_words]) + (" …" if len(found) > summary_words else "")
    text = f"{project.lead.short_name}: {summary}" if summary_words else project.lead.short_name
    text = " ".join([text, *hidden_title_words(title)])
    # The theme puts title and text into its results as HTML, and escapes the text of its own
    # pages when it indexes them (quote=False): so must these, or a title could run script.
    return {"location": project.url, "title": escape(title, quote=False), "text": escape(text, quote=False)}


def project_entries(catalogue: Catalogue, summary_words: int = SUMMARY_WORDS) -> list[dict[str, str]]:
    """The entries of every project, in id order: small enough to keep while MkDocs builds, so
    the hook need not keep the whole model until on_post_build."""
    return [entry(project, summary_words) for project in projects(catalogue)]


def add_entries(search_index_path: str | Path, entries: list[dict[str, str]]) -> int:
    """Append the entries whose location the index does not hold yet; returns how many.

    Safe to run twice on one file (mkdocs serve rebuilds): entries already there are kept."""
    path = Path(search_index_path)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    docs: list[dict[str, Any]] = data.setdefault("docs", [])
    present = {doc.get("location") for doc in docs}
    added = [found for found in entries if found["location"] not in present]
    docs.extend(added)
    # The plugin's own layout: compact separators, non-ASCII as \u escapes (json's default)
    path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
    return len(added)


def add_project_entries(search_index_path: str | Path, catalogue: Catalogue,
                        summary_words: int = SUMMARY_WORDS) -> int:
    """Append an entry for every project to the theme's search/search_index.json."""
    return add_entries(search_index_path, project_entries(catalogue, summary_words))
