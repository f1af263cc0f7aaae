"""The site's building blocks without MkDocs: sanitising, links, dates, timeline, reference, hook."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from site_support import REPO, broken_links

from catalogue.model import load
from catalogue.publish import SiteOptions
from catalogue.rules import Settings
from catalogue.schemas import schema_for
from catalogue.site import pages, reference, timeline
from catalogue.site.describe import Descriptions
from catalogue.site.render import C1_CONTROLS, escaped_meta, human_date, root_of


@pytest.fixture(scope="module")
def describe() -> Descriptions:
    return Descriptions()


@pytest.mark.parametrize("markdown, banned", [
    ("<script>alert(1)</script>", "alert"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ("[x](javascript:alert(1))", "javascript"),
    ("[x](JaVaScRiPt:alert(1))", "script:"),
    ("[x](data:text/html,hi)", "data:"),
    ('<iframe src="https://evil.example"></iframe>', "iframe"),
    ("<svg onload=alert(1)><circle/></svg>", "svg"),
    ('<p style="position:fixed">x</p>', "style"),
    ('<p id="__config">x</p>', "id="),
    ("<!-- <script>alert(1)</script> -->", "alert"),
    ('<a href="../other/">relative</a>', "href"),
])
def test_descriptions_lose_every_payload(describe: Descriptions, markdown: str, banned: str) -> None:
    assert banned not in str(describe(markdown)).lower()


def test_descriptions_keep_structure_and_mark_links(describe: Descriptions) -> None:
    html = str(describe("# Top\n\n## Part\n\nSome *text* and [a link](https://example.org).\n\n- one\n- two\n"))
    assert "<h2>Top</h2>" in html and "<h3>Part</h3>" in html  # under the page's own <h2>
    assert '<a href="https://example.org" rel="nofollow noopener">a link</a>' in html
    assert "<em>text</em>" in html and "<li>one</li>" in html


def test_empty_description_is_empty(describe: Descriptions) -> None:
    assert str(describe(None)) == "" and str(describe("")) == ""


@pytest.mark.parametrize("uri, root", [("index.md", "./"), ("boroughs/index.md", "../"),
                                       ("projects/wifi.md", "../../"), ("a/b/index.md", "../../")])
def test_root_of(uri: str, root: str) -> None:
    assert root_of(uri) == root


def test_human_dates_do_not_depend_on_locale() -> None:
    assert human_date("2024-04") == "April 2024"
    assert human_date("2024-04-05") == "5 April 2024"


def test_meta_is_escaped_for_the_theme() -> None:
    meta = escaped_meta('<b>"T"</b>', "a & b", search={"exclude": True})
    assert meta == {"title": "&lt;b&gt;&#34;T&#34;&lt;/b&gt;", "description": "a &amp; b", "search": {"exclude": True}}


class _P:
    """Just enough of a Project for the timeline."""

    def __init__(self, start: str, end: str | None = None, title: str = "p") -> None:
        self.data = {"start": start, "title": title, "id": title, **({"end": end} if end else {})}


def test_timeline_window_and_bars() -> None:
    today = dt.date(2026, 11, 22)  # 2026 Q4
    plan = timeline.roadmap([_P("2019-01", None, "old"), _P("2027-02", "2027-09", "next")], today)
    labels = [label for label, _ in plan.columns]
    assert labels[0] == "2025 Q4" and labels[-1] == "2027 Q3"  # four quarters back at most
    assert [now for _, now in plan.columns].index(True) == labels.index("2026 Q4")
    old, nxt = plan.bars
    assert (old.before, old.span, old.after, old.from_earlier, old.runs_on) == (0, len(labels), 0, True, True)
    assert (nxt.before, nxt.span, nxt.after) == (5, 3, 0)
    assert nxt.label == "2027 Q1 to 2027 Q3"


def test_timeline_overdue_end_still_shows() -> None:
    plan = timeline.roadmap([_P("2020-01", "2021-06", "late")], dt.date(2026, 11, 22))
    (bar,) = plan.bars
    assert bar.span == 1 and bar.before + bar.span + bar.after == len(plan.columns)


def _properties(node: dict, root: dict, prefix: str = "") -> set[str]:
    found = set()
    for name, raw in node.get("properties", {}).items():
        prop = reference.resolve(raw, root)
        found.add(prefix + name)
        found |= _properties(prop, root, f"{prefix}{name}.")
        items = reference.resolve(prop.get("items", {}), root)
        for choice in items.get("oneOf", []):
            found |= _properties(choice, root, f"{prefix}{name}[].")
        found |= _properties(items, root, f"{prefix}{name}[].")
    return found


@pytest.mark.parametrize("kind", ["project", "borough"])
def test_reference_lists_every_schema_field(kind: str) -> None:
    schema = schema_for(kind)
    fields = {f.path for f in reference.walk(schema, schema, kind)}
    assert fields == _properties(schema, schema)


def test_reference_shows_vocabularies_and_examples() -> None:
    schema = schema_for("project")
    fields = {f.path: f for f in reference.walk(schema, schema, "project")}
    assert ("beta", "Beta", "Building a real service and testing it with real users.") in fields["phase"].values
    assert any(value == "housing" for value, _, _ in fields["topics"].values)
    assert fields["partners[].role"].values and fields["title"].required
    assert fields["start"].examples == ['start: "2024-04"', 'start: "2024-04-15"']


def test_hook_functions_are_all_mkdocs_events() -> None:
    from mkdocs.plugins import EVENTS

    spec = importlib.util.spec_from_file_location("catalogue_hook_under_test", REPO / "hooks" / "catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as MkDocs does before running a hook file
    spec.loader.exec_module(module)
    hooks = [name for name in vars(module) if name.startswith("on_")]
    assert hooks and all(name[3:] in EVENTS for name in hooks)
    # No state between builds: module globals are constants, functions and imports only.
    assert not [name for name, value in vars(module).items()
                if isinstance(value, (dict, list, set)) and not name.startswith("__")]


def test_crawler_finds_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">broken</a><a href="https://x.org">x</a>')
    (tmp_path / "a" / "index.html").write_text('<a href="../">up</a><img src="../missing.png">')
    assert broken_links(tmp_path) == [("a/index.html", "../missing.png"), ("index.html", "b/")]


C1_REFERENCE = re.compile(r"&#(12[89]|1[3-5][0-9]);|&#x[89][0-9a-f];", re.IGNORECASE)


def test_c1_controls_in_record_text_never_reach_a_page() -> None:
    """As character references browsers show U+0080-U+009F as Windows-1252 punctuation (&#128; is a
    euro sign): every page and its meta drop them, and keep the text's other characters."""
    catalogue = load(REPO, Settings(dt.date(2026, 11, 22)))
    project = catalogue.projects["westminster-chatbot"]
    project.data.update(title="Chat\x85bot \x80caf\u00e9\x9f", summary="Line\x85next \x92quoted\x93.",
                        description="Some\x85 *text*\x96.")
    options = SiteOptions(REPO, "https://borough-projects.github.io/catalogue/")
    outputs = {o.uri: o for o in pages.outputs(catalogue, options)}
    page = str(outputs["projects/westminster-chatbot.md"].content)
    assert "Chatbot caf&#233;" in page and "Linenext quoted." in page and "<em>text</em>." in page
    listing = str(outputs["boroughs/westminster.md"].content)
    assert "Chatbot caf&#233;" in listing
    meta = outputs["projects/westminster-chatbot.md"].meta
    assert meta["title"] == "Chatbot caf\u00e9" and meta["description"] == "Linenext quoted."
    for output in outputs.values():
        text = str(output.content) + json.dumps(output.meta, ensure_ascii=False)
        assert not C1_REFERENCE.search(text) and not C1_CONTROLS.search(text), output.uri
