"""add_project_entries: one small entry per project in the theme's header search index."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

from catalogue.search.material import add_project_entries, entry

THEME_INDEX = {"config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
               "docs": [{"location": "", "title": "Home", "text": "Welcome"}]}


def write_index(tmp_path: Path) -> Path:
    path = tmp_path / "search_index.json"
    path.write_text(json.dumps(THEME_INDEX), encoding="utf-8")
    return path


def test_every_project_is_added_after_the_pages(tmp_path: Path, sample) -> None:
    path = write_index(tmp_path)
    assert add_project_entries(path, sample) == len(sample.projects)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["config"] == THEME_INDEX["config"]
    assert data["docs"][0] == THEME_INDEX["docs"][0]
    added = {doc["location"]: doc for doc in data["docs"][1:]}
    assert set(added) == {f"projects/{pid}/" for pid in sample.projects}
    assert added["projects/govroam-council-buildings/"]["title"] == "Shared wifi across council buildings (govroam)"


def test_entries_are_small(sample) -> None:
    for project in sample.projects.values():
        found = entry(project)
        lead = escape(project.lead.short_name, quote=False)
        assert found["text"].startswith(lead)
        assert len(found["text"]) < len(lead) + 20
    assert entry(sample.projects["digital-apprenticeships"])["text"] == "Hackney"
    with_summary = entry(sample.projects["digital-apprenticeships"], summary_words=5)["text"]
    assert with_summary == "Hackney: A paid apprenticeship programme that …"


def test_title_words_the_theme_would_miss_are_added(sample) -> None:
    found = entry(sample.projects["govroam-council-buildings"])
    assert found["title"] == "Shared wifi across council buildings (govroam)"
    assert found["text"] == "LOTI govroam"  # the theme reads "(govroam)" as one word


def test_running_twice_adds_nothing_more(tmp_path: Path, sample) -> None:
    path = write_index(tmp_path)
    add_project_entries(path, sample)
    first = path.read_bytes()
    assert add_project_entries(path, sample) == 0
    assert path.read_bytes() == first


def test_titles_and_names_are_escaped_as_the_theme_escapes_page_text(sample) -> None:
    project = sample.projects["govroam-council-buildings"]
    hostile = type(project)({**project.data, "title": '<img src=x onerror=alert(1)> & "q"'}, project.source,
                            project.lead, project.tags, project.stale)
    found = entry(hostile)
    assert found["title"] == '&lt;img src=x onerror=alert(1)&gt; &amp; "q"'
    assert "<" not in found["text"]
