"""The search producer's outputs: the JSON files, lunr.js and the /find/ page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib.util import find_spec
from pathlib import Path

import pytest
from search_support import REPO

from catalogue import publish
from catalogue.search import build

OPTIONS = publish.SiteOptions(root=REPO, site_url="https://borough-projects.github.io/catalogue/")


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def all(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


@pytest.fixture(scope="module")
def outputs(sample) -> dict[str, publish.Output]:
    return {o.uri: o for o in build.outputs(sample, OPTIONS)}


@pytest.fixture(scope="module")
def page(outputs) -> Tags:
    parser = Tags()
    parser.feed(str(outputs["find/index.md"].content))
    return parser


def test_the_producer_is_registered() -> None:
    assert "catalogue.search.build:outputs" in publish.PRODUCERS


def test_it_writes_the_index_the_store_lunr_and_the_page(outputs) -> None:
    assert sorted(outputs) == ["api/search-docs.json", "api/search-index.json", "assets/vendor/lunr.js",
                               "find/index.md"]
    assert json.loads(outputs["api/search-index.json"].content)["format"] == "lunr-packed"
    assert json.loads(outputs["api/search-docs.json"].content)["version"] == 1


def test_lunr_js_is_the_copy_mkdocs_ships(outputs) -> None:
    spec = find_spec("mkdocs")
    assert spec is not None and spec.submodule_search_locations
    shipped = Path(spec.submodule_search_locations[0], "contrib", "search", "templates", "search", "lunr.js")
    assert outputs["assets/vendor/lunr.js"].content == shipped.read_bytes()
    assert b"2.3.9" in shipped.read_bytes()[:200]
    assert not (REPO / "docs" / "assets" / "vendor" / "lunr.js").exists()  # never committed


def test_the_page_meta(outputs) -> None:
    meta = outputs["find/index.md"].meta
    assert meta["title"] == "Find projects"
    assert meta["prerendered"] is True and meta["hide"] == ["toc"]
    assert "search" not in meta  # the page itself stays in the theme's search


def test_the_search_box_is_labelled(page) -> None:
    assert page.all("label", **{"for": "finder-q"})
    (box,) = page.all("input", id="finder-q")
    assert box["type"] == "search" and box["name"] == "q"
    assert page.all("form", role="search")


def test_every_checkbox_has_a_label_and_a_unique_id(page) -> None:
    boxes = page.all("input", type="checkbox")
    ids = [box["id"] for box in boxes]
    assert len(ids) == len(set(ids)) > 40
    labelled = {label["for"] for label in page.all("label")}
    assert set(ids) <= labelled
    assert {box["name"] for box in boxes} == {"borough", "phase", "status", "topic", "collaboration", "year"}


def test_facets_are_fieldsets_with_legends(outputs, page) -> None:
    html = str(outputs["find/index.md"].content)
    assert len(page.all("fieldset")) == 6 == html.count("<legend>")
    for legend in ("Organisation", "Phase", "Status", "Topic", "Collaboration offer", "Start year"):
        assert f"<legend>{legend}</legend>" in html


def test_counts_are_rendered_for_the_whole_catalogue(sample, outputs) -> None:
    html = str(outputs["find/index.md"].content)
    hackney = len(sample.organisations["hackney"].projects())  # lead or partner
    assert re.search(r'id="finder-borough-hackney".*?Hackney <span class="finder-count" data-finder-count>'
                     rf"\({hackney}\)</span>", html, re.S)
    live = sum(1 for p in sample.projects.values() if p.data["phase"] == "live")
    assert f'Live <span class="finder-count" data-finder-count>({live})</span>' in html


def test_without_javascript_the_browse_lists_show_and_the_form_does_not(sample, page) -> None:
    (form,) = page.all("form")
    assert "hidden" in form
    (browse,) = [a for t, a in page.tags if "data-finder-browse" in a]
    assert "hidden" not in browse
    links = {a["href"] for a in page.all("a")}
    involved = {o.id for p in sample.projects.values() for o in (p.lead, *p.partner_orgs())}
    assert {f"../boroughs/{org}/" for org in involved} <= links
    assert "../topics/housing/" in links


def test_scripts_and_files_are_relative_to_the_page(page) -> None:
    assert [s["src"] for s in page.all("script")] == ["../assets/vendor/lunr.js", "../assets/finder.js"]
    assert page.all("link", rel="stylesheet")[0]["href"] == "../assets/finder.css"
    (finder,) = page.all("div", id="finder")
    assert (finder["data-finder-root"], finder["data-finder-index"], finder["data-finder-docs"]) == (
        "../", "api/search-index.json", "api/search-docs.json")


def test_no_attribute_the_theme_would_strip(outputs) -> None:
    # material removes data-search-*="..." from pages; only data-search-exclude is meant for it
    found = set(re.findall(r"data-search-[\w-]+", str(outputs["find/index.md"].content)))
    assert found <= {"data-search-exclude"}


def test_the_finder_assets_exist() -> None:
    for name in ("finder.js", "finder.css"):
        assert (REPO / "docs" / "assets" / name).is_file()


def test_outputs_are_the_same_on_every_build(sample, outputs) -> None:
    again = {o.uri: o.content for o in build.outputs(sample, OPTIONS)}
    assert again == {uri: o.content for uri, o in outputs.items()}
