"""The sample catalogue built for real: every page exists, every internal link lands, related
projects link both ways, and record pages stay out of the nav."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from importlib.util import find_spec
from pathlib import Path

import pytest
from site_support import REPO, TODAY, broken_links, html_pages, parse, resolve

from catalogue.model import RELATION_LABELS, REVERSE, load
from catalogue.rules import Settings
from catalogue.schemas import topics

pytestmark = pytest.mark.slow
SECTIONS = ("boroughs", "topics", "tags", "timeline", "reference", "about", "contribute")
# Pages other producers add. Until their producer exists, links to them are not checked.
PENDING = {"find/": "catalogue.search.build"}


def sample_catalogue():
    import datetime as dt

    return load(REPO, Settings(dt.date.fromisoformat(TODAY)))


def page_of(site: Path, uri: str) -> str:
    return (site / uri / "index.html").read_text(encoding="utf-8")


def test_every_record_organisation_topic_and_tag_has_a_page(sample_site: Path) -> None:
    catalogue = sample_catalogue()
    expected = ["", *SECTIONS]
    expected += [f"projects/{pid}" for pid in catalogue.projects]
    expected += [f"boroughs/{oid}" for oid in catalogue.organisations]
    expected += [f"topics/{topic}" for topic, _, _ in topics()]
    expected += [f"tags/{tag}" for tag in catalogue.by_tag]
    missing = [uri for uri in expected if not (sample_site / uri / "index.html").is_file()]
    assert not missing


def test_no_internal_link_is_broken(sample_site: Path) -> None:
    skip = tuple(path for path, module in PENDING.items() if find_spec(module) is None)
    assert broken_links(sample_site, skip) == []


def test_the_crawl_sees_every_page(sample_site: Path) -> None:
    # A crawl that found no pages would find no broken links either.
    assert len(html_pages(sample_site)) > 150


def test_related_projects_link_both_ways(sample_site: Path) -> None:
    catalogue = sample_catalogue()
    pairs = [(p.data["id"], r["project"], r["relation"]) for p in catalogue.projects.values()
             for r in p.data.get("related", [])]
    assert pairs
    for a, b, relation in pairs:
        forward = f'>{RELATION_LABELS[relation]}</span> <a href="../../projects/{b}/">'
        backward = f'>{RELATION_LABELS[REVERSE[relation]]}</span> <a href="../../projects/{a}/">'
        assert forward in page_of(sample_site, f"projects/{a}"), (a, relation, b)
        assert backward in page_of(sample_site, f"projects/{b}"), (b, REVERSE[relation], a)


def test_reverse_labels_read_as_the_issue_asks(sample_site: Path) -> None:
    page = page_of(sample_site, "projects/london-datastore")
    assert re.search(r'>Reused by</span> <a href="../../projects/lambeth-retrofit-data/">', page)


def test_nav_lists_sections_only(sample_site: Path) -> None:
    links = [attrs.get("href") or "" for tag, attrs in parse(sample_site / "index.html").tags
             if tag == "a" and "md-nav__link" in (attrs.get("class") or "")]
    assert {"boroughs/", "topics/", "tags/", "timeline/", "reference/", "about/", "contribute/"} <= set(links)
    assert not [link for link in links if link.startswith(("projects/", "boroughs/", "topics/", "tags/"))
                and link.count("/") > 1]


def test_record_page_has_edit_link_to_its_yaml(sample_site: Path) -> None:
    page = page_of(sample_site, "projects/camden-digital-apprenticeships")
    edit = "https://github.com/borough-projects/catalogue/edit/main/projects/camden/camden-digital-apprenticeships.yml"
    assert f'href="{edit}"' in page
    assert ">Edit this record</a>" in page


def test_organisation_and_topic_pages_announce_their_feeds(sample_site: Path) -> None:
    for uri in ("boroughs/camden", "topics/housing", ""):
        alternates = [attrs for tag, attrs in parse(sample_site / uri / "index.html").tags
                      if tag == "link" and "alternate" in (attrs.get("rel") or "").split()]
        assert [a.get("href") for a in alternates] == ["feed.xml" if uri else "feed.xml"]
        assert alternates[0].get("type") == "application/atom+xml"
        # Not rel="alternate" alone: the theme reads those as other languages of the site.
        assert alternates[0].get("rel") != "alternate"


def test_json_ld_describes_the_project(sample_site: Path) -> None:
    scripts = parse(sample_site / "projects/pan-london-information-sharing/index.html").scripts
    (data,) = [json.loads(text) for attrs, text in scripts if attrs.get("type") == "application/ld+json"]
    assert data["@type"] == "Project"
    assert data["name"] == "Pan-London information sharing"
    assert data["url"] == "https://borough-projects.github.io/catalogue/projects/pan-london-information-sharing/"
    assert data["startDate"] == "2021-04"
    assert data["sponsor"]["name"] == "London Office of Technology and Innovation"


def test_stale_records_are_marked(sample_site: Path) -> None:
    catalogue = sample_catalogue()
    stale = [p for p in catalogue.projects.values() if p.stale]
    assert stale
    for project in stale:
        assert "Needs review" in page_of(sample_site, f"projects/{project.data['id']}")
        assert f'href="../../projects/{project.data["id"]}/"' in page_of(sample_site, project.lead.url.rstrip("/"))


def test_project_pages_map_exactly_their_lead_and_partners(sample_site: Path) -> None:
    catalogue = sample_catalogue()
    on_map = {o.id for o in catalogue.organisations.values() if o.type in ("london-borough", "city-corporation")}
    for pid, project in catalogue.projects.items():
        page = sample_site / "projects" / pid / "index.html"
        html = page.read_text(encoding="utf-8")
        (svg,) = re.findall(r'<svg [^>]*id="project-map-svg".*?</svg>', html, re.DOTALL)
        ET.fromstring(svg)  # noqa: S314 - our own output; it must be well-formed XML
        tiles = [attrs for tag, attrs in parse(page).tags if tag == "a" and "chart-tile" in (attrs.get("class") or "")]
        assert len(tiles) == 33
        expected = {project.data["lead"]: "lead"} if project.data["lead"] in on_map else {}
        for partner in project.data.get("partners", []):
            if partner.get("org") in on_map:
                expected.setdefault(partner["org"], "partner")
        assert {a["data-org"]: a["data-role"] for a in tiles if a["data-role"] != "none"} == expected, pid
        assert all(resolve(sample_site, page, a["xlink:href"] or "") for a in tiles)
