"""The project map (RoleMap): drawn once, filled per project; exactly the record's lead and partners marked."""

from __future__ import annotations

import dataclasses

import pytest
from charts_support import authorities, by_id, elements, local, parse, table_rows, tiles

from catalogue.charts import RoleMap, tile_map
from catalogue.charts.render import Stencil
from catalogue.model import Catalogue, Project

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
INTRO = "Tile map of London's 33 local authorities, each an equal square in roughly its place on the map. "


@pytest.fixture(scope="module")
def role_map(sample: Catalogue) -> RoleMap:
    return RoleMap.build(sample, "../../")


def expected_roles(catalogue: Catalogue, project: Project) -> dict[str, str]:
    """Authority id -> 'lead' or 'partner', read from the raw record rather than the model's links."""
    on_map = {org.id for org in authorities(catalogue).values()}
    found = {}
    if project.data["lead"] in on_map:
        found[project.data["lead"]] = "lead"
    for partner in project.data.get("partners", []):
        if partner.get("org") in on_map:
            found.setdefault(partner["org"], "partner")
    return found


def desc_of(chart) -> str:
    svg = parse(chart.svg)
    return by_id(svg)[svg.get("aria-labelledby", "").split()[1]].text or ""


def test_every_project_marks_exactly_its_lead_and_partners(sample: Catalogue, role_map: RoleMap) -> None:
    for project in sample.projects.values():
        chart = role_map.chart(project)
        figure = parse(chart.html)  # the whole figure is well-formed, not only the SVG
        assert local(figure.tag) == "figure" and figure.get("id") == "project-map"
        svg = parse(chart.svg)
        found = tiles(svg)
        assert len(found) == 33
        marked = {t.get("data-org"): t.get("data-role") for t in found if t.get("data-role") != "none"}
        assert marked == expected_roles(sample, project), project.data["id"]
        rows = {tr.get("data-key") for tr, _, _ in table_rows(parse(chart.table))}
        assert rows == set(marked)


def test_every_tile_links_to_an_existing_organisation_page(sample: Catalogue, role_map: RoleMap) -> None:
    svg = parse(role_map.chart(sample.projects["lambeth-retrofit-data"]).svg)
    for tile in tiles(svg):
        org_id = tile.get("data-org", "")
        assert local(tile.tag) == "a" and org_id in sample.organisations
        assert tile.get(XLINK_HREF) == f"../../boroughs/{org_id}/"
        assert next(el for el in tile if local(el.tag) == "title").text  # the link's accessible name


def test_svg_is_named_and_ids_are_unique_and_prefixed(sample: Catalogue, role_map: RoleMap) -> None:
    chart = role_map.chart(sample.projects["shared-security-operations-centre"])
    figure = parse(chart.html)
    ids = [el.get("id") for el in figure.iter() if el.get("id")]
    assert len(ids) == len(set(ids)) and all(i.startswith("project-map") for i in ids)
    svg = next(el for el in figure if local(el.tag) == "svg")
    assert svg.get("role") == "group"
    title = by_id(svg)["project-map-title"].text
    assert title == "London local authorities taking part in Shared security operations centre"
    assert "".join(figure[0].itertext()) == title  # the visible caption says the same


@pytest.mark.parametrize("project_id, text", [
    ("shared-security-operations-centre",
     "Led by Islington (hatched tile, solid outline), with partners Camden and Haringey (dotted tiles, dashed "
     "outline). Not London local authorities, so not on the map: National Cyber Security Centre (partner) and "
     "Managed security service provider (partner). The other authorities are dimmed."),
    ("camden-digital-apprenticeships",
     "Led by Camden (hatched tile, solid outline), with partner Hackney (dotted tile, dashed outline). "
     "The other authorities are dimmed."),
    ("westminster-chatbot", "Led by Westminster (hatched tile, solid outline). The other authorities are dimmed."),
    ("data-literacy-programme",
     "Led by LOTI, with partners Waltham Forest, Hounslow, Sutton and Ealing (dotted tiles, dashed outline). "
     "Not London local authorities, so not on the map: LOTI (lead). The other authorities are dimmed."),
    ("london-datastore",
     "Led by GLA. Not London local authorities, so not on the map: GLA (lead), LOTI (partner) and London "
     "Councils (partner). No London local authority takes part, so every tile is dimmed."),
])
def test_description_names_lead_partners_and_who_is_off_the_map(sample: Catalogue, role_map: RoleMap,
                                                                 project_id: str, text: str) -> None:
    assert desc_of(role_map.chart(sample.projects[project_id])) == INTRO + text


def test_table_gives_roles_and_names_who_is_off_the_map(sample: Catalogue, role_map: RoleMap) -> None:
    table = parse(role_map.chart(sample.projects["lambeth-retrofit-data"]).table)
    rows = [(tr.get("data-key"), th[0].get("href"), cells[0].text) for tr, th, cells in table_rows(table)]
    assert rows == [("lambeth", "../../boroughs/lambeth/", "Lead"),
                    ("southwark", "../../boroughs/southwark/", "Partner")]
    note = "".join(elements(table, "caption")[0].itertext())
    assert note.endswith("Not London local authorities, so not on the map: GLA (partner).")
    plain = parse(role_map.chart(sample.projects["westminster-chatbot"]).table)
    assert not [el for el in plain.iter() if el.get("class") == "chart-table-note"]


def test_filling_leaves_the_map_as_it_was(sample: Catalogue, role_map: RoleMap) -> None:
    first = sample.projects["govroam-council-buildings"]
    before = role_map.chart(first).html
    for project in sample.projects.values():
        role_map.chart(project)
    assert role_map.chart(first).html == before
    assert tile_map(sample, "../../", highlight=first, id_prefix="project-map").html == before


def test_record_text_is_escaped(sample: Catalogue, role_map: RoleMap) -> None:
    base = sample.projects["camden-digital-apprenticeships"]
    hostile = dataclasses.replace(base, data={**base.data, "title": "</title><script>alert('x')</script> & \"q\""})
    chart = role_map.chart(hostile)
    assert "<script>" not in str(chart.html)
    figure = parse(chart.html)  # still well-formed
    assert by_id(figure)["project-map-title"].text == ("London local authorities taking part in "
                                                       "</title><script>alert('x')</script> & \"q\"")


def test_stencil_fills_holes_and_refuses_unknown_ones() -> None:
    stencil = Stencil.of("figure.html.j2", ("title", "svg", "table"), kind="k", id_prefix="s")
    html = str(stencil.fill(title="<b>", svg="", table=""))
    assert "<figcaption class=\"chart-caption\">&lt;b&gt;</figcaption>" in html
    with pytest.raises(ValueError):
        Stencil.of("figure.html.j2", ("title", "svg", "table", "nowhere"), kind="k", id_prefix="s")


def test_bad_id_prefix_is_refused(sample: Catalogue) -> None:
    with pytest.raises(ValueError):
        RoleMap.build(sample, id_prefix="1 bad")
