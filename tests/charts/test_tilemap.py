"""The London tile map: 33 tiles in the London squares layout, counts from the records, topic and highlight."""

from __future__ import annotations

import dataclasses

import pytest
from charts_support import (
    authorities,
    by_id,
    classes,
    elements,
    expected_count,
    local,
    parse,
    table_counts,
    table_rows,
    tile_texts,
    tiles,
)

from catalogue.charts import tile_map
from catalogue.charts.palette import step_for
from catalogue.model import Catalogue

ALL_GSS = {f"E090000{n:02d}" for n in range(1, 34)}

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def tile_by_org(svg) -> dict:
    return {t.get("data-org"): t for t in tiles(svg)}


def test_svg_is_well_formed_and_named_by_its_title_and_desc(sample: Catalogue) -> None:
    svg = parse(tile_map(sample, "../../").svg)
    assert local(svg.tag) == "svg"
    # group, not img: the tiles are links, which an img role would hide from screen readers
    assert svg.get("role") == "group"
    ids = by_id(svg)
    title_id, desc_id = svg.get("aria-labelledby", "").split()
    assert local(ids[title_id].tag) == "title" and ids[title_id].text
    assert local(ids[desc_id].tag) == "desc" and "33 local authorities" in (ids[desc_id].text or "")


def test_exactly_33_tiles_one_per_gss_code_at_unique_positions(sample: Catalogue) -> None:
    found = tiles(parse(tile_map(sample).svg))
    assert len(found) == 33
    assert {t.get("data-gss") for t in found} == ALL_GSS
    positions = {(int(t.get("data-col", "")), int(t.get("data-row", ""))) for t in found}
    assert len(positions) == 33
    assert all(0 <= col < 8 and 0 <= row < 7 for col, row in positions)


def test_layout_is_recognisably_london(sample: Catalogue) -> None:
    where = {t.get("data-org"): (int(t.get("data-col", "")), int(t.get("data-row", "")))
             for t in tiles(parse(tile_map(sample).svg))}
    assert where["enfield"][1] == 0 and where["sutton"][1] == 6
    assert [org for org, (_, row) in where.items() if row == 1] == ["harrow", "barnet", "haringey", "waltham-forest"]
    assert where["hillingdon"][0] == 0 and where["havering"][0] == 7
    assert where["city-of-london"] == (4, 3) and where["westminster"] == (3, 3)
    assert where["westminster"][0] < where["city-of-london"][0] < where["tower-hamlets"][0]
    assert all(where[south][1] >= 5 for south in ("bromley", "croydon", "sutton", "kingston-upon-thames"))


def test_every_tile_links_to_the_page_of_an_existing_authority(sample: Catalogue) -> None:
    svg = parse(tile_map(sample, "../../").svg)
    known = authorities(sample)
    for tile in tiles(svg):
        assert local(tile.tag) == "a"
        org = known[tile.get("data-gss", "")]
        assert tile.get("data-org") == org.id
        assert tile.get(XLINK_HREF) == f"../../boroughs/{org.id}/"
        assert org.id in sample.organisations


def test_tiles_show_a_short_label_and_the_title_names_the_authority(sample: Catalogue) -> None:
    svg = parse(tile_map(sample).svg)
    hackney = tile_by_org(svg)["hackney"]
    label, value = tile_texts(hackney)
    assert label == "HACK" and value == hackney.get("data-count")
    title = next(el for el in hackney if local(el.tag) == "title").text or ""
    assert title.startswith("London Borough of Hackney: ")
    assert all(3 <= len(tile_texts(t)[0]) <= 4 for t in tiles(svg))


def test_counts_equal_those_computed_from_the_records(sample: Catalogue) -> None:
    chart = tile_map(sample)
    svg, table = parse(chart.svg), parse(chart.table)
    totals = table_counts(table, "total")
    for tile in tiles(svg):
        org_id = tile.get("data-org", "")
        expected = expected_count(sample, org_id)
        assert int(tile.get("data-count", "")) == expected, org_id
        assert tile_texts(tile)[1] == str(expected)
        assert totals[org_id] == expected
    assert len(totals) == 33
    assert expected_count(sample, "camden") == 8  # the sample's most involved borough, for orientation


def test_table_splits_lead_and_partner_and_adds_up(sample: Catalogue) -> None:
    table = parse(tile_map(sample).table)
    leads, partner, total = (table_counts(table, c) for c in ("leads", "partner", "total"))
    assert all(leads[k] + partner[k] == total[k] for k in total)
    assert leads["hackney"] == 1 and leads["redbridge"] == 1  # one current, one future project
    headers = [el for el in elements(table, "th") if el.get("scope") == "col"]
    assert [h.text for h in headers] == ["Local authority", "Leads", "Partner in", "Total"]
    assert all(th.get("scope") == "row" for _, th, _ in table_rows(table))


def test_tile_colour_follows_the_count(sample: Catalogue) -> None:
    for tile in tiles(parse(tile_map(sample).svg)):
        step = step_for(int(tile.get("data-count", "")))
        fills = [el for el in tile
                 if local(el.tag) == "rect" and any(c.startswith("chart-fill--") for c in classes(el))]
        assert f"chart-fill--seq-{step.index}" in classes(fills[0])
        texts = [el for el in tile if local(el.tag) == "text"]
        assert all(f"chart-fill--ink-{step.index}" in classes(t) for t in texts)


def test_topic_counts_only_that_topics_projects(sample: Catalogue) -> None:
    whole = {t.get("data-org"): int(t.get("data-count", "")) for t in tiles(parse(tile_map(sample).svg))}
    chart = tile_map(sample, topic="housing", id_prefix="housing-map")
    svg = parse(chart.svg)
    housing = {t.get("data-org"): int(t.get("data-count", "")) for t in tiles(svg)}
    for org_id, count in housing.items():
        assert count == expected_count(sample, org_id, "housing"), org_id
        assert count <= whole[org_id]
    assert housing != whole
    assert housing["newham"] == 2 and whole["newham"] == 4
    assert table_counts(parse(chart.table), "total") == housing
    assert "Housing" in (by_id(svg)["housing-map-title"].text or "")


def test_topic_with_no_projects_gives_all_zero(sample: Catalogue) -> None:
    svg = parse(tile_map(sample, topic="culture-and-leisure").svg)
    # greenwich-device-lending is the only one, and Greenwich leads it
    assert {t.get("data-org"): int(t.get("data-count", "")) for t in tiles(svg) if t.get("data-count") != "0"} \
        == {"greenwich": 1}


def test_highlight_marks_lead_and_partners_and_dims_the_rest(sample: Catalogue) -> None:
    project = sample.projects["shared-security-operations-centre"]  # Islington with Camden and Haringey
    chart = tile_map(sample, "../", highlight=project, id_prefix="project-map")
    svg = parse(chart.svg)
    roles = {t.get("data-org"): t.get("data-role") for t in tiles(svg)}
    assert roles.pop("islington") == "lead"
    assert roles.pop("camden") == roles.pop("haringey") == "partner"
    assert set(roles.values()) == {"none"}
    tile = tile_by_org(svg)
    for org_id, pattern, edge in (("islington", "hatch", "lead"), ("camden", "dots", "partner")):
        fills = {el.get("fill") for el in tile[org_id] if local(el.tag) == "rect"}
        assert f"url(#project-map-{pattern})" in fills
        edges = [el for el in tile[org_id] if "chart-edge" in classes(el)]
        assert f"chart-edge--{edge}" in classes(edges[0])
        assert tile_texts(tile[org_id])[1] == edge.title()
    assert [el for el in tile["camden"] if el.get("stroke-dasharray")]  # dashed: not colour alone
    # the others: in the group that dims them, their labels in a group of their own
    (dim,) = [g for g in elements(svg, "g") if "chart-dim" in classes(g)]
    assert "chart-fill--dim" in classes(dim) and tile["hackney"] in list(dim)
    assert {t.get("data-org") for t in dim} == set(roles)
    assert not any(el.get("fill", "").startswith("url(") for el in tile["hackney"])
    (labels,) = [g for g in elements(svg, "g") if "chart-dim-labels" in classes(g)]
    assert labels.get("aria-hidden") == "true" and labels.get("pointer-events") == "none"
    assert "HACK" in {t.text for t in labels} and "ISLI" not in {t.text for t in labels}
    assert len(labels) == len(dim) == 30
    rows = [(tr.get("data-key"), cells[0].text) for tr, _, cells in table_rows(parse(chart.table))]
    assert rows == [("islington", "Lead"), ("camden", "Partner (co-lead)"), ("haringey", "Partner (co-lead)")]


def test_highlight_by_id_when_the_lead_is_not_on_the_map(sample: Catalogue) -> None:
    chart = tile_map(sample, highlight="govroam-council-buildings", id_prefix="govroam")
    svg = parse(chart.svg)
    roles = {t.get("data-org"): t.get("data-role") for t in tiles(svg)}
    assert "lead" not in roles.values()
    partners = {o.id for o in sample.projects["govroam-council-buildings"].partner_orgs()}
    assert {k for k, v in roles.items() if v == "partner"} == partners - {"jisc"}
    desc = by_id(svg)["govroam-desc"].text or ""
    assert "Led by LOTI, with partners Camden, Islington, Hackney, " in desc
    assert "Not London local authorities, so not on the map: LOTI (lead) and Jisc (partner)." in desc


def test_highlight_of_a_project_with_no_authority(sample: Catalogue) -> None:
    chart = tile_map(sample, highlight="salary-benchmarking", id_prefix="salary")
    assert {t.get("data-role") for t in tiles(parse(chart.svg))} == {"none"}
    assert "No London local authority takes part" in str(chart.table)


def test_authority_missing_from_the_catalogue_still_gets_an_unlinked_tile(sample: Catalogue) -> None:
    fewer = dataclasses.replace(sample, organisations={k: v for k, v in sample.organisations.items()
                                                       if k != "bexley"})
    svg = parse(tile_map(fewer).svg)
    bexley = next(t for t in tiles(svg) if t.get("data-gss") == "E09000004")
    assert local(bexley.tag) == "g" and bexley.get(XLINK_HREF) is None
    assert len(tiles(svg)) == 33


@pytest.mark.parametrize("kwargs", [{"topic": "no-such-topic"}, {"highlight": "no-such-project"},
                                    {"topic": "housing", "highlight": "westminster-chatbot"},
                                    {"id_prefix": "1bad id"}])
def test_bad_arguments_are_refused(sample: Catalogue, kwargs: dict) -> None:
    with pytest.raises(ValueError):
        tile_map(sample, **kwargs)
