"""Reading the charts back: parse the SVG and tables, and compute expected numbers from the records."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from catalogue.model import Catalogue, Organisation, Project

REPO = Path(__file__).resolve().parents[2]
CSS = REPO / "docs" / "assets" / "charts.css"
SVG = "{http://www.w3.org/2000/svg}"
AUTHORITY_TYPES = ("london-borough", "city-corporation")


def parse(markup: object) -> ET.Element:
    """Parse SVG or HTML output as XML: it must be well-formed. (Our own output, so plain xml is fine.)"""
    return ET.fromstring(str(markup))  # noqa: S314


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def elements(root: ET.Element, tag: str) -> list[ET.Element]:
    return [el for el in root.iter() if local(el.tag) == tag]


def classes(el: ET.Element) -> set[str]:
    return set(el.get("class", "").split())


def tiles(svg: ET.Element) -> list[ET.Element]:
    return [el for el in svg.iter() if el.get("data-gss")]


def tile_texts(tile: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in tile if local(t.tag) == "text"]


def by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {el.get("id", ""): el for el in root.iter() if el.get("id")}


def data_counts(svg: ET.Element, selector: str = "data-key") -> dict[str, int]:
    """data-key -> data-count for every bar or column."""
    return {el.get(selector, ""): int(el.get("data-count", "")) for el in svg.iter()
            if el.get(selector) and el.get("data-count") is not None}


def table_rows(table: ET.Element) -> Iterator[tuple[ET.Element, ET.Element, list[ET.Element]]]:
    """(tr, row header th, data cells) for each body row."""
    for tr in elements(table, "tbody")[0]:
        header = next(c for c in tr if local(c.tag) == "th")
        yield tr, header, [c for c in tr if local(c.tag) == "td"]


def table_counts(table: ET.Element, column: str = "count") -> dict[str, int]:
    """data-key of each row -> the data-count of its cell in `column`; checks the shown text agrees."""
    found = {}
    for tr, _, cells in table_rows(table):
        cell = next(c for c in cells if c.get("data-column") == column)
        assert cell.text == cell.get("data-count")
        found[tr.get("data-key", "")] = int(cell.get("data-count", ""))
    return found


def authorities(catalogue: Catalogue) -> dict[str, Organisation]:
    return {o.data["gss_code"]: o for o in catalogue.organisations.values()
            if o.type in AUTHORITY_TYPES and "gss_code" in o.data}


def expected_count(catalogue: Catalogue, org_id: str, topic: str | None = None) -> int:
    """Current and future projects the organisation leads or partners in, straight from the records."""
    def involved(p: Project) -> bool:
        partners = {x.get("org") for x in p.data.get("partners", [])}
        return p.data["lead"] == org_id or org_id in partners

    return sum(1 for p in catalogue.projects.values()
               if p.data["status"] in ("active", "paused", "planned") and involved(p)
               and (topic is None or topic in p.data["topics"]))


def css_blocks(text: str) -> dict[str, dict[str, str]]:
    """scheme -> {name: colour} from the custom-property blocks of charts.css."""
    schemes = {}
    for scheme, selector in (("default", r':root,\s*\[data-md-color-scheme="default"\]'),
                             ("slate", r'\[data-md-color-scheme="slate"\]')):
        block = re.search(selector + r"\s*\{([^}]*)\}", text)
        assert block, f"no block for {scheme} in charts.css"
        schemes[scheme] = dict(re.findall(r"--chart-([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;", block[1]))
    return schemes
